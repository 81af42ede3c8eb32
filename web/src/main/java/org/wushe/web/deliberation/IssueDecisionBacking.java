package org.wushe.web.deliberation;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.wushe.deliberation.application.DecisionService;
import org.wushe.deliberation.application.IssueService;
import org.wushe.deliberation.application.Views;
import org.wushe.shared.ValidationException;
import org.wushe.web.support.Actions;
import org.wushe.web.support.FacesErrors;
import org.wushe.web.support.FormInputs;

/**
 * The decision panels of the issue page: a social worker's decision on a service issue with its
 * reasons, the follow-up of a published decision (how it is implemented, a note, the docking action
 * that carries it out), and the reclassification of an issue with its reason.
 */
@Named
@ViewScoped
public class IssueDecisionBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    IssueService issues;

    @EJB
    DecisionService decisions;

    @Inject
    IssueBacking page;

    private String decision;
    private String reasons;
    private String newNature;
    private String reclassifyReason;
    private boolean followUpTyped;
    private String implementation;
    private String followUp;
    private String dockingActionId;

    public void decide() {
        Actions.run("decide", () -> {
            issues.decide(page.getId(), decision, reasons);
            FacesErrors.info("deliberation.done.decided");
            page.reload();
        });
    }

    public void reclassify() {
        Actions.run("reclassify", () -> {
            issues.reclassify(page.getId(), newNature, reclassifyReason);
            FacesErrors.info("deliberation.done.reclassified");
            reclassifyReason = null;
            page.reload();
        });
    }

    public void followUp() {
        Actions.run("followUp", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            Long action = FormInputs.optionalLong("dockingActionId", getDockingActionId(), errors);
            errors.throwIfAny();
            decisions.followUp(published().id(), getImplementation(), getFollowUp(), action);
            FacesErrors.info("deliberation.done.followedUp");
            page.reload();
        });
    }

    private Views.DecisionView published() {
        return page.getIssue() == null ? null : page.getIssue().decision();
    }

    /* The follow-up form starts from what the published decision holds, until something is typed. */

    public String getImplementation() {
        return followUpTyped || published() == null ? implementation : published().implementation();
    }

    public String getFollowUp() {
        return followUpTyped || published() == null ? followUp : published().followUp();
    }

    public String getDockingActionId() {
        if (followUpTyped || published() == null) {
            return dockingActionId;
        }
        return published().dockingActionId() == null ? null : published().dockingActionId().toString();
    }

    public void setImplementation(String v) {
        typed();
        implementation = v;
    }

    public void setFollowUp(String v) {
        typed();
        followUp = v;
    }

    public void setDockingActionId(String v) {
        typed();
        dockingActionId = v;
    }

    /** The first value typed takes the form over from the decision; the others start from it too. */
    private void typed() {
        if (!followUpTyped) {
            implementation = getImplementation();
            followUp = getFollowUp();
            dockingActionId = getDockingActionId();
            followUpTyped = true;
        }
    }

    public String getDecision() { return decision; }
    public void setDecision(String v) { decision = v; }
    public String getReasons() { return reasons; }
    public void setReasons(String v) { reasons = v; }
    public String getNewNature() { return newNature; }
    public void setNewNature(String v) { newNature = v; }
    public String getReclassifyReason() { return reclassifyReason; }
    public void setReclassifyReason(String v) { reclassifyReason = v; }
}
