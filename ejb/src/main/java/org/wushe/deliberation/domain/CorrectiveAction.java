package org.wushe.deliberation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** A corrective action from a review: what is to be done, by whom, by when; closed with a note. */
@Entity
@Table(name = "delib_corrective")
public class CorrectiveAction {

    @Id
    @SequenceGenerator(name = "delib_corrective_seq", sequenceName = "delib_corrective_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "delib_corrective_seq")
    private Long id;

    @Column(name = "review_id", nullable = false)
    private Long reviewId;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Column(nullable = false, length = 1000)
    private String description;

    @Column(nullable = false, length = 100)
    private String owner;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Column(name = "closed_on")
    private LocalDate closedOn;

    @Column(name = "closing_note", length = 1000)
    private String closingNote;

    @Column(name = "closed_by", length = 50)
    private String closedBy;

    @Version
    private int version;

    protected CorrectiveAction() {
    }

    public CorrectiveAction(Review r, String description, String owner, LocalDate dueOn) {
        this.reviewId = r.getId();
        this.communityId = r.getCommunityId();
        this.description = description;
        this.owner = owner;
        this.dueOn = dueOn;
    }

    public void close(String note, String by, LocalDate on) {
        if (closedOn != null) {
            throw new org.wushe.shared.ConflictException("review.action.closed", "Already closed", closedOn.toString());
        }
        this.closingNote = note;
        this.closedBy = by;
        this.closedOn = on;
    }

    /** Open after its deadline. */
    public boolean isOverdue(LocalDate today) {
        return closedOn == null && today.isAfter(dueOn);
    }

    public Long getId() { return id; }
    public Long getReviewId() { return reviewId; }
    public Long getCommunityId() { return communityId; }
    public String getDescription() { return description; }
    public String getOwner() { return owner; }
    public LocalDate getDueOn() { return dueOn; }
    public LocalDate getClosedOn() { return closedOn; }
    public String getClosingNote() { return closingNote; }
}
