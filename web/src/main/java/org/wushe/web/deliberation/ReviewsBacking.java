package org.wushe.web.deliberation;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.time.LocalDate;
import org.wushe.deliberation.application.ReviewService;
import org.wushe.deliberation.application.Views;
import org.wushe.security.domain.Right;
import org.wushe.shared.ValidationException;
import org.wushe.web.support.CommunityPage;
import org.wushe.web.support.Actions;
import org.wushe.web.support.FacesErrors;
import org.wushe.web.support.FormInputs;

/**
 * The platform's self-examination in a community: the reviews with their three scores and findings,
 * when the next review is due, and the corrective actions with owner and deadline, overdue ones
 * marked, until they are closed.
 */
@Named
@ViewScoped
public class ReviewsBacking extends CommunityPage {

    private static final long serialVersionUID = 1L;

    @EJB
    ReviewService reviews;

    private Views.ReviewsPage page;
    private String periodStart;
    private String periodEnd;
    private String satisfaction;
    private String coordination;
    private String ethics;
    private String findings;
    private Long reviewId;
    private String description;
    private String owner;
    private String dueOn;
    private Long actionId;
    private String closingNote;

    @Override
    protected void refresh() {
        Actions.run("reviews", () -> {
            page = reviews.reviews(community);
        });
    }

    public void record() {
        Actions.run("review", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            LocalDate from = FormInputs.optionalDate("periodStart", periodStart, errors);
            LocalDate until = FormInputs.optionalDate("periodEnd", periodEnd, errors);
            Integer s = FormInputs.optionalInteger("satisfaction", satisfaction, errors);
            Integer c = FormInputs.optionalInteger("coordination", coordination, errors);
            Integer e = FormInputs.optionalInteger("ethics", ethics, errors);
            errors.throwIfAny();
            reviews.record(community, from, until, s, c, e, findings);
            FacesErrors.info("deliberation.done.review");
            findings = null;
            refresh();
        });
    }

    public void addAction() {
        Actions.run("action", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            if (reviewId == null) {
                errors.add("reviewId", "error.required");
            }
            LocalDate due = FormInputs.optionalDate("dueOn", dueOn, errors);
            errors.throwIfAny();
            reviews.addAction(reviewId, description, owner, due);
            FacesErrors.info("deliberation.done.action");
            description = null;
            owner = null;
            dueOn = null;
            refresh();
        });
    }

    /** Chooses the action to close. */
    public void chooseAction(Views.CorrectiveView a) {
        actionId = a.id();
        closingNote = null;
    }

    public void closeAction() {
        Actions.run("close", () -> {
            reviews.closeAction(actionId, closingNote);
            FacesErrors.info("deliberation.done.actionClosed");
            actionId = null;
            refresh();
        });
    }

    public boolean isReviewing() {
        return has(Right.REVIEW_PLATFORM);
    }

    public Views.ReviewsPage getPage() { return page; }
    public String getPeriodStart() { return periodStart; }
    public void setPeriodStart(String v) { periodStart = v; }
    public String getPeriodEnd() { return periodEnd; }
    public void setPeriodEnd(String v) { periodEnd = v; }
    public String getSatisfaction() { return satisfaction; }
    public void setSatisfaction(String v) { satisfaction = v; }
    public String getCoordination() { return coordination; }
    public void setCoordination(String v) { coordination = v; }
    public String getEthics() { return ethics; }
    public void setEthics(String v) { ethics = v; }
    public String getFindings() { return findings; }
    public void setFindings(String v) { findings = v; }
    public Long getReviewId() { return reviewId; }
    public void setReviewId(Long v) { reviewId = v; }
    public String getDescription() { return description; }
    public void setDescription(String v) { description = v; }
    public String getOwner() { return owner; }
    public void setOwner(String v) { owner = v; }
    public String getDueOn() { return dueOn; }
    public void setDueOn(String v) { dueOn = v; }
    public Long getActionId() { return actionId; }
    public String getClosingNote() { return closingNote; }
    public void setClosingNote(String v) { closingNote = v; }
}
