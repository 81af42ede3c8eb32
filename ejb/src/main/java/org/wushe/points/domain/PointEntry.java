package org.wushe.points.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One leg of a transaction: points into (positive) or out of (negative) one account. Never changed. */
@Entity
@Table(name = "point_entry")
public class PointEntry {

    @Id
    @SequenceGenerator(name = "point_entry_seq", sequenceName = "point_entry_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "point_entry_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "transaction_id", nullable = false, updatable = false)
    private PointTransaction transaction;

    @Column(name = "account_id", nullable = false, updatable = false)
    private Long accountId;

    @Column(nullable = false, updatable = false)
    private long amount;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /** For points earned: the day they expire. */
    @Column(name = "expires_on", updatable = false)
    private LocalDate expiresOn;

    protected PointEntry() {
    }

    PointEntry(PointTransaction transaction, Long accountId, long amount, Instant createdAt, LocalDate expiresOn) {
        this.transaction = transaction;
        this.accountId = accountId;
        this.amount = amount;
        this.createdAt = createdAt;
        this.expiresOn = expiresOn;
    }

    public Long getId() {
        return id;
    }

    public PointTransaction getTransaction() {
        return transaction;
    }

    public Long getAccountId() {
        return accountId;
    }

    public long getAmount() {
        return amount;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public LocalDate getExpiresOn() {
        return expiresOn;
    }
}
