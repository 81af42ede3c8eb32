package org.wushe.web.casework;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.wushe.casework.application.GridWorkService;
import org.wushe.casework.domain.GridRecordKind;
import org.wushe.community.domain.ResidentTag;
import org.wushe.security.domain.Right;
import org.wushe.shared.PageRequest;
import org.wushe.shared.ValidationException;
import org.wushe.web.security.SessionBacking;
import org.wushe.web.support.CommunityPage;
import org.wushe.web.support.Actions;
import org.wushe.web.support.FacesErrors;
import org.wushe.web.support.FormInputs;
import org.wushe.web.support.TextInputs;

/**
 * The patrol log of a community: grid workers log their patrols and what they collected, publicised
 * and mediated; social workers join a patrol; everyone with the right reads the log (grid workers:
 * their own cells).
 */
@Named
@ViewScoped
public class PatrolsBacking extends CommunityPage {

    private static final long serialVersionUID = 1L;

    @Inject
    SessionBacking sessionBacking;

    @EJB
    GridWorkService grid;

    private List<GridWorkService.PatrolView> patrols = List.of();
    private List<GridWorkService.GridRecordView> records = List.of();

    private String gridCode;
    private String startedAt;
    private String endedAt;
    private String householdsVisited;
    private String findings;

    private String kind = GridRecordKind.INFORMATION.name();
    private String recordGrid;
    private String patrolId;
    private String residentId;
    private String tagAdded;
    private String tagRemoved;
    private String topic;
    private String parties;
    private String outcome;
    private String audience;

    /** A refusal while loading is shown in the reader's language, which the view gets only at rendering. */
    @Override
    public void load() {
        FacesContext.getCurrentInstance().getViewRoot().setLocale(sessionBacking.getLocale());
        super.load();
    }

    @Override
    protected void refresh() {
        Actions.run("log", () -> {
            patrols = grid.patrols(community, PageRequest.of(0, 100)).items();
            records = grid.records(community, PageRequest.of(0, 100)).items();
        });
    }

    public void logPatrol() {
        Actions.run("patrol", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            Instant from = startedAt == null || startedAt.isBlank() ? null : TextInputs.time("startedAt", startedAt, errors);
            Instant until = endedAt == null || endedAt.isBlank() ? null : TextInputs.time("endedAt", endedAt, errors);
            Integer households = FormInputs.optionalInteger("householdsVisited", householdsVisited, errors);
            errors.throwIfAny();
            GridWorkService.PatrolView p = grid.logPatrol(new GridWorkService.PatrolForm(gridCode, from, until,
                    households, findings));
            FacesErrors.info("patrol.done.logged", p.gridCode());
            startedAt = null;
            endedAt = null;
            householdsVisited = null;
            findings = null;
            refresh();
        });
    }

    public void join(GridWorkService.PatrolView p) {
        Actions.run("log", () -> {
            grid.joinPatrol(p.id());
            FacesErrors.info("patrol.done.joined", p.gridCode());
            refresh();
        });
    }

    public void record() {
        Actions.run("record", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            Long patrol = FormInputs.optionalLong("patrolId", patrolId, errors);
            Long resident = FormInputs.optionalLong("residentId", residentId, errors);
            Integer people = FormInputs.optionalInteger("audience", audience, errors);
            errors.throwIfAny();
            grid.record(new GridWorkService.GridRecordForm(kind, recordGrid, patrol, resident, tagAdded, tagRemoved,
                    topic, parties, outcome, people));
            FacesErrors.info("patrol.done.recorded");
            topic = null;
            parties = null;
            outcome = null;
            audience = null;
            residentId = null;
            tagAdded = null;
            tagRemoved = null;
            refresh();
        });
    }

    public boolean isGridWorker() {
        return has(Right.LOG_GRID_WORK);
    }

    public boolean isSocialWorker() {
        return has(Right.RUN_CASEWORK);
    }

    public List<String> getKinds() {
        return Arrays.stream(GridRecordKind.values()).map(Enum::name).toList();
    }

    public List<String> getTags() {
        return Arrays.stream(ResidentTag.values()).map(Enum::name).toList();
    }

    public String tagLabel(String tag) {
        ResidentTag t = tag == null ? null : ResidentTag.parse(tag);
        return t == null ? "" : t.label();
    }

    public List<GridWorkService.PatrolView> getPatrols() { return patrols; }
    public List<GridWorkService.GridRecordView> getRecords() { return records; }
    public String getGridCode() { return gridCode; }
    public void setGridCode(String v) { gridCode = v; }
    public String getStartedAt() { return startedAt; }
    public void setStartedAt(String v) { startedAt = v; }
    public String getEndedAt() { return endedAt; }
    public void setEndedAt(String v) { endedAt = v; }
    public String getHouseholdsVisited() { return householdsVisited; }
    public void setHouseholdsVisited(String v) { householdsVisited = v; }
    public String getFindings() { return findings; }
    public void setFindings(String v) { findings = v; }
    public String getKind() { return kind; }
    public void setKind(String v) { kind = v; }
    public String getRecordGrid() { return recordGrid; }
    public void setRecordGrid(String v) { recordGrid = v; }
    public String getPatrolId() { return patrolId; }
    public void setPatrolId(String v) { patrolId = v; }
    public String getResidentId() { return residentId; }
    public void setResidentId(String v) { residentId = v; }
    public String getTagAdded() { return tagAdded; }
    public void setTagAdded(String v) { tagAdded = v; }
    public String getTagRemoved() { return tagRemoved; }
    public void setTagRemoved(String v) { tagRemoved = v; }
    public String getTopic() { return topic; }
    public void setTopic(String v) { topic = v; }
    public String getParties() { return parties; }
    public void setParties(String v) { parties = v; }
    public String getOutcome() { return outcome; }
    public void setOutcome(String v) { outcome = v; }
    public String getAudience() { return audience; }
    public void setAudience(String v) { audience = v; }
}
