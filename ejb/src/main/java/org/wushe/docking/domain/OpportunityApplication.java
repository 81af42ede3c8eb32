package org.wushe.docking.domain;

import jakarta.persistence.*;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A resident's or an organisation's application for an item. When chosen, the rotation position it
 * had and, if chosen out of rotation order, the written reason are kept.
 */
@Entity
@Table(name = "opportunity_application")
public class OpportunityApplication {

    @Id
    @SequenceGenerator(name = "opportunity_application_seq", sequenceName = "opportunity_application_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "opportunity_application_seq")
    private Long id;

    @Column(name = "item_id", nullable = false)
    private Long itemId;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Column(name = "resident_id")
    private Long residentId;

    @Column(name = "actor_id")
    private Long actorId;

    @Column(name = "applicant_name", nullable = false, length = 100)
    private String applicantName;

    @Column(name = "applied_at", nullable = false)
    private Instant appliedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 15)
    private ApplicationStatus status;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decided_by", length = 50)
    private String decidedBy;

    @Column(name = "rotation_position")
    private Integer rotationPosition;

    @Column(name = "override_reason", length = 500)
    private String overrideReason;

    @Version
    private int version;

    protected OpportunityApplication() {
    }

    public OpportunityApplication(OpportunityItem item, Long residentId, Long actorId, String applicantName,
                                  Instant appliedAt) {
        this.itemId = item.getId();
        this.communityId = item.getCommunityId();
        this.residentId = residentId;
        this.actorId = actorId;
        this.applicantName = applicantName;
        this.appliedAt = appliedAt;
        this.status = ApplicationStatus.APPLIED;
    }

    public void select(int rotationPosition, String overrideReason, Instant at, String by) {
        this.status = ApplicationStatus.SELECTED;
        this.rotationPosition = rotationPosition;
        this.overrideReason = overrideReason;
        this.decidedAt = at;
        this.decidedBy = by;
    }

    /** The applicant's key for attendance counting: resident or actor. */
    public String applicantKey() {
        return residentId != null ? "R:" + residentId : "A:" + actorId;
    }

    public Long getId() { return id; }
    public Long getItemId() { return itemId; }
    public Long getCommunityId() { return communityId; }
    public Long getResidentId() { return residentId; }
    public Long getActorId() { return actorId; }
    public String getApplicantName() { return applicantName; }
    public Instant getAppliedAt() { return appliedAt; }
    public ApplicationStatus getStatus() { return status; }
    public Instant getDecidedAt() { return decidedAt; }
    public String getDecidedBy() { return decidedBy; }
    public Integer getRotationPosition() { return rotationPosition; }
    public String getOverrideReason() { return overrideReason; }
}
