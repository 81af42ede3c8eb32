package org.wushe.docking.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import org.wushe.community.domain.Community;
import org.wushe.community.domain.GridCell;
import org.wushe.shared.ConflictException;
import org.wushe.shared.Label;

/**
 * A need of a resident or of a grid cell, with one id through its whole loop. The need moves itself
 * ({@link #assess}, {@link #match}, {@link #actionStarted}, {@link #actionsEnded}, {@link #recordFeedback},
 * {@link #close}, {@link #reopen}), refuses a move the loop does not allow ({@code need.transition}),
 * and returns the {@link NeedEvent} it raises, for the service to store.
 */
@Entity
@Table(name = "need")
public class Need {

    @Id
    @SequenceGenerator(name = "need_seq", sequenceName = "need_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "need_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "community_id", nullable = false)
    private Community community;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "grid_cell_id", nullable = false)
    private GridCell gridCell;

    @Column(name = "resident_id")
    private Long residentId;

    @Column(name = "category_code", nullable = false, length = 30)
    private String categoryCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Urgency urgency;

    @Enumerated(EnumType.STRING)
    @Column(name = "need_source", nullable = false, length = 20)
    private NeedSource source;

    @Column(nullable = false, length = 100)
    private String title;

    @Column(length = 2000)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private NeedStatus status;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Column(name = "registered_by", nullable = false, length = 50)
    private String registeredBy;

    @Column(name = "assessed_at")
    private Instant assessedAt;

    @Column(name = "assessed_by", length = 50)
    private String assessedBy;

    @Column(length = 2000)
    private String findings;

    private Integer priority;

    @Column(length = 2000)
    private String feedback;

    @Column(name = "feedback_at")
    private Instant feedbackAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "closed_by", length = 50)
    private String closedBy;

    private Integer satisfaction;

    @Column(name = "closure_comment", length = 1000)
    private String closureComment;

    @Column(name = "rated_by", length = 50)
    private String ratedBy;

    @Column(name = "reopen_count", nullable = false)
    private int reopenCount;

    @Version
    private int version;

    protected Need() {
    }

    public Need(GridCell gridCell, Long residentId, String categoryCode, Urgency urgency, NeedSource source,
                String title, String description, Instant at, String by) {
        this.community = gridCell.getCommunity();
        this.gridCell = gridCell;
        this.residentId = residentId;
        this.categoryCode = categoryCode;
        this.urgency = urgency;
        this.source = source;
        this.title = title;
        this.description = description;
        this.status = NeedStatus.REGISTERED;
        this.registeredAt = at;
        this.registeredBy = by;
    }

    /** The event of the registration, once the need has its id. */
    public NeedEvent registration() {
        return new NeedEvent(id, registeredAt, registeredBy, null, NeedStatus.REGISTERED, source.name());
    }

    /** Records the assessment: findings, priority and the urgency as assessed. Again from assessed or matched. */
    public NeedEvent assess(String findings, int priority, Urgency urgency, Instant at, String by) {
        NeedStatus from = moveTo(NeedStatus.ASSESSED);
        this.findings = findings;
        this.priority = priority;
        this.urgency = urgency;
        this.assessedAt = at;
        this.assessedBy = by;
        return new NeedEvent(id, at, by, from, NeedStatus.ASSESSED, "P" + priority + " " + urgency.name());
    }

    /**
     * Refuses, before anything is reserved, a match the loop does not allow: only an assessed, matched
     * or in-action need takes another resource.
     *
     * @throws ConflictException {@code need.transition} toward matched
     */
    public void requireMatchable() {
        if (status != NeedStatus.IN_ACTION && !status.canMoveTo(NeedStatus.MATCHED)) {
            refuse(NeedStatus.MATCHED);
        }
    }

    /**
     * A resource is matched to the need: an assessed need becomes matched; a matched need stays matched
     * and a need in action stays in action, each with the event of the new match.
     */
    public NeedEvent match(String note, Instant at, String by) {
        requireMatchable();
        NeedStatus from = status;
        NeedStatus to = from == NeedStatus.IN_ACTION ? NeedStatus.IN_ACTION : NeedStatus.MATCHED;
        status = to;
        return new NeedEvent(id, at, by, from, to, note);
    }

    /** One of its actions started: a matched need goes into action; otherwise nothing changes. */
    public Optional<NeedEvent> actionStarted(String note, Instant at, String by) {
        if (status != NeedStatus.MATCHED) {
            return Optional.empty();
        }
        status = NeedStatus.IN_ACTION;
        return Optional.of(new NeedEvent(id, at, by, NeedStatus.MATCHED, NeedStatus.IN_ACTION, note));
    }

    /**
     * One of its actions ended. When none is active any more and none was done, a matched or in-action
     * need goes back to assessed, to be matched again ({@code action.cancelled.all}); otherwise nothing
     * changes.
     */
    public Optional<NeedEvent> actionsEnded(ActionTally tally, Instant at, String by) {
        if (tally.active() > 0 || tally.done() > 0
                || status != NeedStatus.MATCHED && status != NeedStatus.IN_ACTION) {
            return Optional.empty();
        }
        NeedStatus from = status;
        status = NeedStatus.ASSESSED;
        return Optional.of(new NeedEvent(id, at, by, from, NeedStatus.ASSESSED, "action.cancelled.all"));
    }

    /**
     * Records the feedback of a need in action once every action has ended and at least one was done.
     *
     * @throws ConflictException {@code need.feedback.actionsOpen}, {@code need.feedback.noneDone}, or
     *                           {@code need.transition} when the need is not in action
     */
    public NeedEvent recordFeedback(String feedback, ActionTally tally, Instant at, String by) {
        if (status == NeedStatus.IN_ACTION) {
            if (tally.active() > 0) {
                throw new ConflictException("need.feedback.actionsOpen", "Actions still open", tally.active());
            }
            if (tally.done() == 0) {
                throw new ConflictException("need.feedback.noneDone", "No action was done");
            }
        }
        NeedStatus from = moveTo(NeedStatus.FEEDBACK);
        this.feedback = feedback;
        this.feedbackAt = at;
        return new NeedEvent(id, at, by, from, NeedStatus.FEEDBACK, null);
    }

    /** Closes after feedback with the satisfaction score, comment and who rated it. */
    public NeedEvent close(int satisfaction, String comment, String ratedBy, Instant at, String by) {
        NeedStatus from = moveTo(NeedStatus.CLOSED);
        this.satisfaction = satisfaction;
        this.closureComment = comment;
        this.ratedBy = ratedBy;
        this.closedAt = at;
        this.closedBy = by;
        return new NeedEvent(id, at, by, from, NeedStatus.CLOSED, satisfaction + "/5 " + ratedBy + ": " + comment);
    }

    /** Reopens after feedback or closure; the earlier rating stays in the events, the need is assessed again. */
    public NeedEvent reopen(String reason, Instant at, String by) {
        NeedStatus from = moveTo(NeedStatus.REOPENED);
        reopenCount++;
        satisfaction = null;
        closureComment = null;
        ratedBy = null;
        closedAt = null;
        closedBy = null;
        return new NeedEvent(id, at, by, from, NeedStatus.REOPENED, reason);
    }

    private NeedStatus moveTo(NeedStatus to) {
        if (!status.canMoveTo(to)) {
            refuse(to);
        }
        NeedStatus from = status;
        status = to;
        return from;
    }

    private void refuse(NeedStatus to) {
        throw new ConflictException("need.transition", "Need " + id + " cannot go from " + status + " to " + to,
                new Label("docking.needStatus." + status.name()), new Label("docking.needStatus." + to.name()));
    }

    public Long getId() { return id; }
    public Community getCommunity() { return community; }
    public GridCell getGridCell() { return gridCell; }
    public Long getResidentId() { return residentId; }
    public String getCategoryCode() { return categoryCode; }
    public Urgency getUrgency() { return urgency; }
    public NeedSource getSource() { return source; }
    public String getTitle() { return title; }
    public String getDescription() { return description; }
    public NeedStatus getStatus() { return status; }
    public Instant getRegisteredAt() { return registeredAt; }
    public String getRegisteredBy() { return registeredBy; }
    public Instant getAssessedAt() { return assessedAt; }
    public String getAssessedBy() { return assessedBy; }
    public String getFindings() { return findings; }
    public Integer getPriority() { return priority; }
    public String getFeedback() { return feedback; }
    public Instant getFeedbackAt() { return feedbackAt; }
    public Instant getClosedAt() { return closedAt; }
    public String getClosedBy() { return closedBy; }
    public Integer getSatisfaction() { return satisfaction; }
    public String getClosureComment() { return closureComment; }
    public String getRatedBy() { return ratedBy; }
    public int getReopenCount() { return reopenCount; }
    public int getVersion() { return version; }
}
