package org.wushe.fund.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One movement of the fund: two or more entries whose debits equal their credits
 * ({@link #requireBalanced}). A correction is a new transaction that reverses this one and points
 * to it; nothing here is ever changed.
 */
@Entity
@Table(name = "fund_transaction")
public class FundTransaction {

    /** One planned entry before it is booked. */
    public record Line(FundAccount account, char side, long amountFen) {
    }

    @Id
    @SequenceGenerator(name = "fund_transaction_seq", sequenceName = "fund_transaction_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "fund_transaction_seq")
    private Long id;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private TransactionKind kind;

    @Column(name = "source_id")
    private Long sourceId;

    @Column(name = "reverses_id")
    private Long reversesId;

    @Column(name = "occurred_on", nullable = false)
    private LocalDate occurredOn;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "recorded_by", nullable = false, length = 50)
    private String recordedBy;

    @Column(length = 300)
    private String memo;

    protected FundTransaction() {
    }

    public FundTransaction(Long communityId, TransactionKind kind, Long sourceId, Long reversesId, LocalDate occurredOn,
                           Instant recordedAt, String recordedBy, String memo) {
        this.communityId = communityId;
        this.kind = kind;
        this.sourceId = sourceId;
        this.reversesId = reversesId;
        this.occurredOn = occurredOn;
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
        this.memo = memo == null ? null : memo.length() > 300 ? memo.substring(0, 300) : memo;
    }

    /**
     * Refuses lines that do not make a transaction: fewer than two, a side other than D or C, an
     * amount not above zero, or debits that differ from credits.
     *
     * @throws IllegalArgumentException naming what is wrong (a programming error, never user input)
     */
    public static void requireBalanced(List<Line> lines) {
        if (lines.size() < 2) {
            throw new IllegalArgumentException("a transaction needs at least two entries");
        }
        long debits = 0;
        long credits = 0;
        for (Line l : lines) {
            if (l.amountFen() <= 0) {
                throw new IllegalArgumentException("an entry's amount must be above zero: " + l.amountFen());
            }
            switch (l.side()) {
                case 'D' -> debits = Math.addExact(debits, l.amountFen());
                case 'C' -> credits = Math.addExact(credits, l.amountFen());
                default -> throw new IllegalArgumentException("side must be D or C: " + l.side());
            }
        }
        if (debits != credits) {
            throw new IllegalArgumentException("debits " + debits + " differ from credits " + credits);
        }
    }

    @PreUpdate
    @PreRemove
    void refuseChange() {
        throw new org.wushe.shared.ConflictException("fund.immutable", "Ledger transactions are never changed: book a reversal");
    }

    public Long getId() { return id; }
    public Long getCommunityId() { return communityId; }
    public TransactionKind getKind() { return kind; }
    public Long getSourceId() { return sourceId; }
    public Long getReversesId() { return reversesId; }
    public LocalDate getOccurredOn() { return occurredOn; }
    public Instant getRecordedAt() { return recordedAt; }
    public String getRecordedBy() { return recordedBy; }
    public String getMemo() { return memo; }
}
