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
import org.wushe.community.domain.Community;
import org.wushe.community.domain.GridCell;
import org.wushe.shared.ConflictException;
import org.wushe.shared.Label;

/**
 * A need of a resident or of a grid cell, with one id through its whole loop. Every change of status
 * goes through {@link #moveTo}, which refuses a move the loop does not allow.
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

    /**
     * Moves to a status the loop allows from the current one.
     *
     * @return the status before the move
     * @throws ConflictException {@code need.transition} naming both statuses
     */
    public NeedStatus moveTo(NeedStatus to) {
        if (!status.canMoveTo(to)) {
            throw new ConflictException("need.transition", "Need " + id + " cannot go from " + status + " to " + to,
                    new Label("docking.needStatus." + status.name()), new Label("docking.needStatus." + to.name()));
        }
        NeedStatus from = status;
        status = to;
        return from;
    }

    public void assess(String findings, int priority, Urgency urgency, Instant at, String by) {
        moveTo(NeedStatus.ASSESSED);
        this.findings = findings;
        this.priority = priority;
        this.urgency = urgency;
        this.assessedAt = at;
        this.assessedBy = by;
    }

    public void recordFeedback(String feedback, Instant at) {
        moveTo(NeedStatus.FEEDBACK);
        this.feedback = feedback;
        this.feedbackAt = at;
    }

    public void close(int satisfaction, String comment, String ratedBy, Instant at, String by) {
        moveTo(NeedStatus.CLOSED);
        this.satisfaction = satisfaction;
        this.closureComment = comment;
        this.ratedBy = ratedBy;
        this.closedAt = at;
        this.closedBy = by;
    }

    /** Reopens; the earlier rating stays in the events, the need is assessed again. */
    public void reopen() {
        moveTo(NeedStatus.REOPENED);
        reopenCount++;
        satisfaction = null;
        closureComment = null;
        ratedBy = null;
        closedAt = null;
        closedBy = null;
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
