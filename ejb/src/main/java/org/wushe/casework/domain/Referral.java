package org.wushe.casework.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PreRemove;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.wushe.shared.ConflictException;
import org.wushe.shared.Label;

/**
 * What a grid worker hands to a social worker: who (the resident), what happened, the risk, the
 * evidence and what was already tried. It has an owner at every moment: the social worker while it
 * waits for a decision, the Party secretary once the deadline passed, the grid worker after a return.
 * A referral is never removed; every move is kept as a {@link ReferralEvent}.
 */
@Entity
@Table(name = "referral")
public class Referral {

    @Id
    @SequenceGenerator(name = "referral_seq", sequenceName = "referral_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "referral_seq")
    private Long id;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Column(name = "grid_cell_id", nullable = false)
    private Long gridCellId;

    @Column(name = "resident_id", nullable = false)
    private Long residentId;

    @Column(name = "referred_by_id", nullable = false)
    private Long referredById;

    @Column(name = "referred_by", nullable = false, length = 50)
    private String referredBy;

    @Column(name = "social_worker_id", nullable = false)
    private Long socialWorkerId;

    @Column(name = "social_worker", nullable = false, length = 50)
    private String socialWorker;

    @Column(nullable = false, length = 50)
    private String owner;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ReferralStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_level", nullable = false, length = 10)
    private RiskLevel riskLevel;

    @Column(name = "what_happened", nullable = false, length = 2000)
    private String whatHappened;

    @Column(length = 2000)
    private String evidence;

    @Column(name = "already_tried", length = 2000)
    private String alreadyTried;

    @Column(name = "referred_at", nullable = false)
    private Instant referredAt;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Column(name = "handled_at")
    private Instant handledAt;

    @Column(name = "handled_in_time")
    private Integer handledInTime;

    @Column(name = "escalated_at")
    private Instant escalatedAt;

    @Column(name = "return_count", nullable = false)
    private int returnCount;

    @Column(name = "return_reason", length = 1000)
    private String returnReason;

    @Column(name = "case_id")
    private Long caseId;

    @Version
    private int version;

    protected Referral() {
    }

    public Referral(Long communityId, Long gridCellId, Long residentId, Long referredById, String referredBy,
                    Long socialWorkerId, String socialWorker, RiskLevel riskLevel, String whatHappened,
                    String evidence, String alreadyTried, Instant at, Instant dueAt) {
        this.communityId = communityId;
        this.gridCellId = gridCellId;
        this.residentId = residentId;
        this.referredById = referredById;
        this.referredBy = referredBy;
        this.socialWorkerId = socialWorkerId;
        this.socialWorker = socialWorker;
        this.owner = socialWorker;
        this.status = ReferralStatus.PENDING;
        this.riskLevel = riskLevel;
        this.whatHappened = whatHappened;
        this.evidence = evidence;
        this.alreadyTried = alreadyTried;
        this.referredAt = at;
        this.dueAt = dueAt;
    }

    @PreRemove
    void refuseRemoval() {
        throw new ConflictException("referral.noDelete", "Referrals are never deleted");
    }

    private void require(Set<ReferralStatus> from, ReferralStatus to) {
        if (!from.contains(status)) {
            throw new ConflictException("referral.transition", "Referral " + id + " is " + status,
                    new Label("referral.status." + status.name()), new Label("referral.status." + to.name()));
        }
    }

    /** The social worker accepts; on time when before the deadline. */
    public void accept(String by, Instant at) {
        require(EnumSet.of(ReferralStatus.PENDING, ReferralStatus.ESCALATED), ReferralStatus.ACCEPTED);
        decided(at);
        status = ReferralStatus.ACCEPTED;
        owner = by;
    }

    /** The social worker returns it to the grid worker with a reason; the grid worker owns it again. */
    public void giveBack(String reason, Instant at) {
        require(EnumSet.of(ReferralStatus.PENDING, ReferralStatus.ESCALATED), ReferralStatus.RETURNED);
        decided(at);
        status = ReferralStatus.RETURNED;
        returnReason = reason;
        returnCount++;
        owner = referredBy;
    }

    private void decided(Instant at) {
        handledAt = at;
        handledInTime = at.isAfter(dueAt) ? 0 : 1;
    }

    /** The grid worker sends a returned referral again, completed; the deadline starts again. */
    public void resubmit(RiskLevel risk, String what, String evidence, String tried, Instant at, Instant newDue) {
        require(EnumSet.of(ReferralStatus.RETURNED), ReferralStatus.PENDING);
        this.riskLevel = risk;
        this.whatHappened = what;
        this.evidence = evidence;
        this.alreadyTried = tried;
        this.dueAt = newDue;
        this.handledAt = null;
        this.handledInTime = null;
        this.status = ReferralStatus.PENDING;
        this.owner = socialWorker;
    }

    /** The grid worker closes a returned referral that needs no social worker after all; it stays on record. */
    public void withdraw() {
        require(EnumSet.of(ReferralStatus.RETURNED), ReferralStatus.WITHDRAWN);
        status = ReferralStatus.WITHDRAWN;
        owner = referredBy;
    }

    /** The deadline passed without a decision: the Party secretary owns it now. */
    public void escalate(String secretary, Instant at) {
        require(EnumSet.of(ReferralStatus.PENDING), ReferralStatus.ESCALATED);
        status = ReferralStatus.ESCALATED;
        escalatedAt = at;
        if (secretary != null) {
            owner = secretary;
        }
    }

    /** The Party secretary hands an escalated referral to a social worker with a new deadline. */
    public void reassign(Long accountId, String username, Instant newDue) {
        require(EnumSet.of(ReferralStatus.ESCALATED), ReferralStatus.PENDING);
        socialWorkerId = accountId;
        socialWorker = username;
        owner = username;
        dueAt = newDue;
        status = ReferralStatus.PENDING;
    }

    /** Links the case opened from this accepted referral ({@code referral.caseOpened} when there is one). */
    public void linkCase(Long caseId) {
        if (status != ReferralStatus.ACCEPTED) {
            throw new ConflictException("referral.transition", "Referral " + id + " is " + status,
                    new Label("referral.status." + status.name()), new Label("referral.status.ACCEPTED"));
        }
        if (this.caseId != null) {
            throw new ConflictException("referral.caseOpened", "A case is open", String.valueOf(this.caseId));
        }
        this.caseId = caseId;
    }

    public boolean isOverdueAt(Instant now) {
        return status.awaitingDecision() && now.isAfter(dueAt);
    }

    public Long getId() { return id; }
    public Long getCommunityId() { return communityId; }
    public Long getGridCellId() { return gridCellId; }
    public Long getResidentId() { return residentId; }
    public Long getReferredById() { return referredById; }
    public String getReferredBy() { return referredBy; }
    public Long getSocialWorkerId() { return socialWorkerId; }
    public String getSocialWorker() { return socialWorker; }
    public String getOwner() { return owner; }
    public ReferralStatus getStatus() { return status; }
    public RiskLevel getRiskLevel() { return riskLevel; }
    public String getWhatHappened() { return whatHappened; }
    public String getEvidence() { return evidence; }
    public String getAlreadyTried() { return alreadyTried; }
    public Instant getReferredAt() { return referredAt; }
    public Instant getDueAt() { return dueAt; }
    public Instant getHandledAt() { return handledAt; }
    public Boolean getHandledInTime() { return handledInTime == null ? null : handledInTime == 1; }
    public Instant getEscalatedAt() { return escalatedAt; }
    public int getReturnCount() { return returnCount; }
    public String getReturnReason() { return returnReason; }
    public Long getCaseId() { return caseId; }
}
