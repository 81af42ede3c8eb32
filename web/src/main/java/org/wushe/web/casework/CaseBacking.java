package org.wushe.web.casework;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.wushe.casework.application.CaseService;
import org.wushe.casework.application.JointMeetingService;
import org.wushe.casework.domain.CaseOutcome;
import org.wushe.casework.domain.CaseStage;
import org.wushe.security.application.AccountService;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.web.security.SessionBacking;
import org.wushe.web.support.Actions;
import org.wushe.web.support.FacesErrors;

/**
 * One case file ({@code ?id=}), by stage: only for its social worker, their supervisor and the
 * community's Party secretary (the service refuses everyone else and audits every read). The social
 * worker writes notes and sessions, moves the case on (a skip with its reason), evaluates it and
 * flags it stubborn; the Party secretary convenes a joint meeting on a stubborn case.
 */
@Named
@ViewScoped
public class CaseBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    CaseService cases;

    @EJB
    JointMeetingService meetings;

    @EJB
    AccountService accounts;

    @Inject
    SessionBacking sessionBacking;

    private Caller me;
    private Long id;
    private CaseService.CaseFile file;
    private List<JointMeetingService.MeetingView> caseMeetings = List.of();

    private String note;
    private String session;
    private String stage;
    private String stageNote;
    private String skipReason;
    private String outcome;
    private String findings;
    private String stubbornReason;

    public void load() {
        // A refusal while loading is shown in the reader's language, which the view gets only at rendering.
        FacesContext.getCurrentInstance().getViewRoot().setLocale(sessionBacking.getLocale());
        me = accounts.me();
        if (id != null) {
            refresh();
        }
    }

    private void refresh() {
        if (!Actions.run("file", () -> {
            file = cases.file(id);
            caseMeetings = meetings.ofCase(id);
            CaseStage next = CaseStage.valueOf(file.stage()).next();
            stage = next == null ? null : next.name();
        })) {
            file = null;
        }
    }

    public void addNote() {
        act(() -> cases.addNote(id, note), "note", "case.done.noted");
    }

    public void logSession() {
        act(() -> cases.logSession(id, session), "session", "case.done.session");
    }

    public void advance() {
        act(() -> cases.advance(id, stage, stageNote, skipReason), "advance", "case.done.advanced");
    }

    public void evaluate() {
        act(() -> cases.evaluate(id, outcome, findings), "evaluate", "case.done.evaluated");
    }

    public void flagStubborn() {
        act(() -> cases.flagStubborn(id, stubbornReason), "stubborn", "case.done.stubborn");
    }

    private void act(Runnable r, String form, String done) {
        Actions.run(form, () -> {
            r.run();
            FacesErrors.info(done);
            note = null;
            session = null;
            stageNote = null;
            skipReason = null;
            findings = null;
            stubbornReason = null;
            refresh();
        });
    }

    /** The stages after the current one, to move to. */
    public List<String> getLaterStages() {
        if (file == null) {
            return List.of();
        }
        int at = CaseStage.valueOf(file.stage()).ordinal();
        return Arrays.stream(CaseStage.values()).filter(s -> s.ordinal() > at).map(Enum::name).toList();
    }

    public List<String> getAllStages() {
        return Arrays.stream(CaseStage.values()).map(Enum::name).toList();
    }

    public List<CaseService.EntryView> entriesOf(String s) {
        return file == null ? List.of() : file.entries().stream().filter(e -> e.stage().equals(s)).toList();
    }

    public List<String> getOutcomes() {
        return Arrays.stream(CaseOutcome.values()).map(Enum::name).toList();
    }

    public boolean isOwnWorker() {
        return file != null && me.username().equals(file.socialWorker());
    }

    public boolean isSecretary() {
        return me.has(Right.CONVENE_JOINT_MEETINGS);
    }

    public boolean isOpen() {
        return file != null && !"CLOSED".equals(file.stage());
    }

    /** A stubborn reason stored as a message key is shown in the reader's language. */
    public boolean isReasonKey(String s) {
        return s != null && s.startsWith("case.stubborn.");
    }

    public Long getId() { return id; }
    public void setId(Long v) { id = v; }
    public CaseService.CaseFile getFile() { return file; }
    public List<JointMeetingService.MeetingView> getCaseMeetings() { return caseMeetings; }
    public String getNote() { return note; }
    public void setNote(String v) { note = v; }
    public String getSession() { return session; }
    public void setSession(String v) { session = v; }
    public String getStage() { return stage; }
    public void setStage(String v) { stage = v; }
    public String getStageNote() { return stageNote; }
    public void setStageNote(String v) { stageNote = v; }
    public String getSkipReason() { return skipReason; }
    public void setSkipReason(String v) { skipReason = v; }
    public String getOutcome() { return outcome; }
    public void setOutcome(String v) { outcome = v; }
    public String getFindings() { return findings; }
    public void setFindings(String v) { findings = v; }
    public String getStubbornReason() { return stubbornReason; }
    public void setStubbornReason(String v) { stubbornReason = v; }
}
