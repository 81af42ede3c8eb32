package org.wushe.web.docking;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.wushe.docking.application.ActionView;
import org.wushe.docking.application.NeedBoard;
import org.wushe.docking.application.NeedWorkflow;
import org.wushe.docking.application.NeedView;
import org.wushe.docking.domain.Urgency;
import org.wushe.web.support.Actions;
import org.wushe.web.support.FacesErrors;

/**
 * One need's whole loop on one page: the registration, the assessment, the docking actions with
 * their resources and the reasons of each match, feedback, closure with the resident's rating,
 * reopening, and every step taken.
 */
@Named
@ViewScoped
public class NeedBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final List<Integer> ONE_TO_FIVE = List.of(1, 2, 3, 4, 5);

    @EJB
    NeedBoard needBoard;

    @EJB
    NeedWorkflow needWorkflow;

    private Long id;
    private NeedView need;

    private String findings;
    private Integer priority;
    private String urgency;
    private Long actionId;
    private String outcome;
    private String feedback;
    private Integer satisfaction;
    private String comment;
    private String ratedBy;
    private String reason;

    /** Loads the need named by the {@code id} view parameter. */
    public void load() {
        if (need == null && id != null) {
            reload();
            if (need != null) {
                findings = need.findings();
                priority = need.priority();
                urgency = need.urgency();
            }
        }
    }

    private void reload() {
        Actions.run("loop", () -> {
            need = needBoard.need(id);
            List<ActionView> open = getOpenActions();
            if (actionId == null || open.stream().noneMatch(a -> a.id().equals(actionId))) {
                actionId = open.isEmpty() ? null : open.get(0).id();
            }
        });
    }

    public void assess() {
        Actions.run("assess", () -> {
            needWorkflow.assess(id, findings, priority, urgency);
            FacesErrors.info("docking.need.assessed");
            reload();
        });
    }

    public void start(Long action) {
        Actions.run("actions", () -> {
            needWorkflow.startAction(action);
            FacesErrors.info("docking.action.started");
            reload();
        });
    }

    public void finish(boolean done) {
        Actions.run("finish", () -> {
            needWorkflow.finishAction(actionId, done, outcome);
            FacesErrors.info(done ? "docking.action.done" : "docking.action.cancelled");
            outcome = null;
            reload();
        });
    }

    public void recordFeedback() {
        Actions.run("feedback", () -> {
            needWorkflow.feedback(id, feedback);
            FacesErrors.info("docking.need.feedbackSaved");
            reload();
        });
    }

    public void close() {
        Actions.run("closure", () -> {
            needWorkflow.close(id, satisfaction, comment, ratedBy);
            FacesErrors.info("docking.need.closed");
            reload();
        });
    }

    public void reopen() {
        Actions.run("reopen", () -> {
            needWorkflow.reopen(id, reason);
            FacesErrors.info("docking.need.reopened");
            reason = null;
            satisfaction = null;
            comment = null;
            reload();
        });
    }

    /** The actions still planned or running, which can be finished. */
    public List<ActionView> getOpenActions() {
        return need == null ? List.of() : need.actions().stream()
                .filter(a -> "PLANNED".equals(a.status()) || "STARTED".equals(a.status())).toList();
    }

    /** Whether the need stands in one of the statuses, e.g. {@code #{needBacking.in('FEEDBACK,CLOSED')}}. */
    public boolean in(String statuses) {
        return need != null && Arrays.asList(statuses.split(",")).contains(need.status());
    }

    public List<Integer> getScores() {
        return ONE_TO_FIVE;
    }

    public List<String> getUrgencies() {
        return Arrays.stream(Urgency.values()).map(Enum::name).toList();
    }

    public Long getId() { return id; }
    public void setId(Long v) { id = v; }
    public NeedView getNeed() { return need; }
    public String getFindings() { return findings; }
    public void setFindings(String v) { findings = v; }
    public Integer getPriority() { return priority; }
    public void setPriority(Integer v) { priority = v; }
    public String getUrgency() { return urgency; }
    public void setUrgency(String v) { urgency = v; }
    public Long getActionId() { return actionId; }
    public void setActionId(Long v) { actionId = v; }
    public String getOutcome() { return outcome; }
    public void setOutcome(String v) { outcome = v; }
    public String getFeedback() { return feedback; }
    public void setFeedback(String v) { feedback = v; }
    public Integer getSatisfaction() { return satisfaction; }
    public void setSatisfaction(Integer v) { satisfaction = v; }
    public String getComment() { return comment; }
    public void setComment(String v) { comment = v; }
    public String getRatedBy() { return ratedBy; }
    public void setRatedBy(String v) { ratedBy = v; }
    public String getReason() { return reason; }
    public void setReason(String v) { reason = v; }
}
