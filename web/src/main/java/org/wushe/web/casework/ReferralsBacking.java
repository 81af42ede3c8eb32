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
import org.wushe.casework.application.ReferralService;
import org.wushe.casework.domain.RiskLevel;
import org.wushe.security.application.AccountService;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.PageRequest;
import org.wushe.shared.ValidationException;
import org.wushe.web.security.SessionBacking;
import org.wushe.web.support.Actions;
import org.wushe.web.support.FacesErrors;
import org.wushe.web.support.FormInputs;

/**
 * The referral inbox (what the caller owns or received, soonest deadline first, overdue marked) and
 * a grid worker's outbox with the form to refer a resident. Choosing a referral shows its history
 * and what the caller may do: accept, return with a reason, open a case; resubmit or withdraw a
 * returned one; hand an escalated one to a social worker.
 */
@Named
@ViewScoped
public class ReferralsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    ReferralService referrals;

    @EJB
    CaseService cases;

    @EJB
    AccountService accounts;

    @Inject
    SessionBacking sessionBacking;

    private Caller me;
    private List<ReferralService.ReferralView> inbox = List.of();
    private List<ReferralService.ReferralView> outbox = List.of();
    private List<ReferralService.StaffOption> socialWorkers = List.of();
    private ReferralService.ReferralView selected;
    private List<ReferralService.EventView> history = List.of();

    private String residentId;
    private String socialWorker;
    private String riskLevel = RiskLevel.MEDIUM.name();
    private String whatHappened;
    private String evidence;
    private String alreadyTried;

    /** The returned referral as the grid worker completes it. */
    private String editRisk;
    private String editWhat;
    private String editEvidence;
    private String editTried;

    /** The inbox narrowed to {@code awaiting} or {@code returned} (the home page's links), or whole. */
    private String show;

    private String reason;
    private String caseTitle;
    private String reassignTo;

    /** The referral to open, from the page's {@code id} parameter. */
    private Long openId;

    public void load() {
        // A refusal while loading is shown in the reader's language, which the view gets only at rendering.
        FacesContext.getCurrentInstance().getViewRoot().setLocale(sessionBacking.getLocale());
        me = accounts.me();
        if (openId != null && selected == null) {
            // Opened from a link (a notification): that referral is selected, if the caller may see it.
            Long id = openId;
            if (Actions.run("inbox", () -> select(referrals.find(id)))) {
                return;
            }
        }
        refresh();
    }

    private void refresh() {
        Actions.run("inbox", () -> {
            inbox = referrals.inbox(show, PageRequest.of(0, 100)).items();
            if (isGridWorker()) {
                outbox = referrals.outbox(PageRequest.of(0, 100)).items();
            }
            socialWorkers = referrals.socialWorkers();
            if (selected != null) {
                selected = referrals.find(selected.id());
                history = referrals.history(selected.id());
            }
        });
    }

    public void refer() {
        Actions.run("refer", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            Long resident = FormInputs.optionalLong("residentId", residentId, errors);
            errors.throwIfAny();
            ReferralService.ReferralView r = referrals.refer(new ReferralService.ReferralForm(resident, socialWorker,
                    riskLevel, whatHappened, evidence, alreadyTried));
            FacesErrors.info("referral.done.sent", String.valueOf(r.id()), r.socialWorker());
            residentId = null;
            whatHappened = null;
            evidence = null;
            alreadyTried = null;
            refresh();
        });
    }

    public void select(ReferralService.ReferralView r) {
        selected = r;
        reason = null;
        caseTitle = null;
        editWhat = r.whatHappened();
        editEvidence = r.evidence();
        editTried = r.alreadyTried();
        editRisk = r.riskLevel();
        refresh();
    }

    public void accept() {
        act(() -> referrals.accept(selected.id(), null), "referral.done.accepted");
    }

    public void giveBack() {
        act(() -> referrals.giveBack(selected.id(), reason), "referral.done.returned");
    }

    public void withdraw() {
        act(() -> referrals.withdraw(selected.id(), reason), "referral.done.withdrawn");
    }

    public void resubmit() {
        act(() -> referrals.resubmit(selected.id(), new ReferralService.ReferralForm(null, null, editRisk,
                editWhat, editEvidence, editTried)), "referral.done.resubmitted");
    }

    public void reassign() {
        act(() -> referrals.reassign(selected.id(), reassignTo), "referral.done.reassigned");
    }

    /** Opens a case from the accepted referral and goes to its file. */
    public String openCase() {
        return Actions.call("selected", () -> {
            CaseService.CaseRow c = cases.open(new CaseService.CaseForm(selected.residentId(), caseTitle, selected.id()));
            return "/casework/case?faces-redirect=true&id=" + c.id();
        });
    }

    private void act(Runnable r, String done) {
        Actions.run("selected", () -> {
            r.run();
            FacesErrors.info(done, String.valueOf(selected.id()));
            reason = null;
            refresh();
        });
    }

    public boolean isGridWorker() {
        return me.has(Right.LOG_GRID_WORK);
    }

    public boolean isReceiver() {
        return selected != null && me.has(Right.RUN_CASEWORK) && me.username().equals(selected.socialWorker());
    }

    public boolean isReferrer() {
        return selected != null && me.username().equals(selected.referredBy());
    }

    public boolean isSecretary() {
        return me.has(Right.CONVENE_JOINT_MEETINGS);
    }

    public List<String> getRiskLevels() {
        return Arrays.stream(RiskLevel.values()).map(Enum::name).toList();
    }

    public List<ReferralService.ReferralView> getInbox() { return inbox; }
    public List<ReferralService.ReferralView> getOutbox() { return outbox; }
    public List<ReferralService.StaffOption> getSocialWorkers() { return socialWorkers; }
    public ReferralService.ReferralView getSelected() { return selected; }
    public Long getOpenId() { return openId; }
    public void setOpenId(Long v) { openId = v; }
    public List<ReferralService.EventView> getHistory() { return history; }
    public String getResidentId() { return residentId; }
    public void setResidentId(String v) { residentId = v; }
    public String getSocialWorker() { return socialWorker; }
    public void setSocialWorker(String v) { socialWorker = v; }
    public String getRiskLevel() { return riskLevel; }
    public void setRiskLevel(String v) { riskLevel = v; }
    public String getWhatHappened() { return whatHappened; }
    public void setWhatHappened(String v) { whatHappened = v; }
    public String getEvidence() { return evidence; }
    public void setEvidence(String v) { evidence = v; }
    public String getAlreadyTried() { return alreadyTried; }
    public void setAlreadyTried(String v) { alreadyTried = v; }
    public String getEditRisk() { return editRisk; }
    public void setEditRisk(String v) { editRisk = v; }
    public String getEditWhat() { return editWhat; }
    public void setEditWhat(String v) { editWhat = v; }
    public String getEditEvidence() { return editEvidence; }
    public void setEditEvidence(String v) { editEvidence = v; }
    public String getEditTried() { return editTried; }
    public void setEditTried(String v) { editTried = v; }
    public String getReason() { return reason; }
    public void setReason(String v) { reason = v; }
    public String getCaseTitle() { return caseTitle; }
    public void setCaseTitle(String v) { caseTitle = v; }
    public String getReassignTo() { return reassignTo; }
    public void setReassignTo(String v) { reassignTo = v; }

    public String getShow() {
        return show;
    }

    public void setShow(String show) {
        this.show = show == null || show.isBlank() ? null : show.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
