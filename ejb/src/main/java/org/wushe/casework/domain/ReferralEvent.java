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
import java.time.Instant;
import org.wushe.shared.ConflictException;

/** One move of a referral: who, when, from which status to which, who owns it after, and why. Never changed. */
@Entity
@Table(name = "referral_event")
public class ReferralEvent {

    @Id
    @SequenceGenerator(name = "referral_event_seq", sequenceName = "referral_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "referral_event_seq")
    private Long id;

    @Column(name = "referral_id", nullable = false)
    private Long referralId;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = 50)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 20)
    private ReferralStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, length = 20)
    private ReferralStatus toStatus;

    @Column(nullable = false, length = 50)
    private String owner;

    @Column(length = 1000)
    private String note;

    protected ReferralEvent() {
    }

    public ReferralEvent(Long referralId, Instant occurredAt, String actor, ReferralStatus fromStatus,
                         ReferralStatus toStatus, String owner, String note) {
        this.referralId = referralId;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.owner = owner;
        this.note = note == null ? null : note.length() > 1000 ? note.substring(0, 1000) : note;
    }

    @PreRemove
    void refuseRemoval() {
        throw new ConflictException("referral.noDelete", "Referral history is never deleted");
    }

    public Long getId() { return id; }
    public Long getReferralId() { return referralId; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getActor() { return actor; }
    public ReferralStatus getFromStatus() { return fromStatus; }
    public ReferralStatus getToStatus() { return toStatus; }
    public String getOwner() { return owner; }
    public String getNote() { return note; }
}
