package org.wushe.points.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.wushe.shared.ConflictException;
import org.wushe.shared.ValidationException;

/** A reward exchanged for points; cancelling it refunds the points by a new transaction. */
@Entity
@Table(name = "redemption")
public class Redemption {

    /** Where a redemption stands. */
    public enum Status { REDEEMED, CANCELLED }

    @Id
    @SequenceGenerator(name = "redemption_seq", sequenceName = "redemption_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "redemption_seq")
    private Long id;

    @Column(name = "reward_id", nullable = false)
    private Long rewardId;

    @Column(name = "point_account_id", nullable = false)
    private Long accountId;

    @Column(nullable = false)
    private long cost;

    @Column(nullable = false, length = 20)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Status status;

    @Column(name = "redeemed_at", nullable = false)
    private Instant redeemedAt;

    @Column(name = "redeemed_by", nullable = false, length = 50)
    private String redeemedBy;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Column(name = "cancel_reason", length = 500)
    private String cancelReason;

    @Version
    private int version;

    protected Redemption() {
    }

    public Redemption(Reward reward, PointAccount account, String by, Instant now) {
        this.rewardId = reward.getId();
        this.accountId = account.getId();
        this.cost = reward.getCost();
        this.status = Status.REDEEMED;
        this.redeemedAt = now;
        this.redeemedBy = by;
    }

    /** Cancels once, with a reason. */
    public void cancel(String reason, Instant now) {
        if (status == Status.CANCELLED) {
            throw new ConflictException("redemption.alreadyCancelled", "Redemption " + id + " is cancelled already");
        }
        if (reason == null || reason.isBlank()) {
            throw ValidationException.of("reason", "redemption.reason.required");
        }
        status = Status.CANCELLED;
        cancelledAt = now;
        cancelReason = reason.trim();
    }

    public Long getId() {
        return id;
    }

    public Long getRewardId() {
        return rewardId;
    }

    public Long getAccountId() {
        return accountId;
    }

    public long getCost() {
        return cost;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getRedeemedAt() {
        return redeemedAt;
    }

    public String getCancelReason() {
        return cancelReason;
    }

    public String getRedeemedBy() {
        return redeemedBy;
    }
}
