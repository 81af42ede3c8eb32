package org.wushe.fund.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** Money returned to a donor from the unspent part of their donation. */
@Entity
@Table(name = "fund_refund")
public class Refund {

    @Id
    @SequenceGenerator(name = "fund_row_seq", sequenceName = "fund_row_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "fund_row_seq")
    private Long id;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Column(name = "donation_id", nullable = false)
    private Long donationId;

    @Column(name = "amount_fen", nullable = false)
    private long amountFen;

    @Column(name = "refunded_on", nullable = false)
    private LocalDate refundedOn;

    @Column(nullable = false, length = 500)
    private String reason;

    @Column(name = "recorded_by", nullable = false, length = 50)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "transaction_id")
    private Long transactionId;

    protected Refund() {
    }

    public Refund(Long communityId, Long donationId, long amountFen, LocalDate refundedOn, String reason,
                  String recordedBy, Instant recordedAt) {
        this.communityId = communityId;
        this.donationId = donationId;
        this.amountFen = amountFen;
        this.refundedOn = refundedOn;
        this.reason = reason;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public void bookedAs(Long transactionId) {
        this.transactionId = transactionId;
    }

    public Long getId() { return id; }
    public Long getCommunityId() { return communityId; }
    public Long getDonationId() { return donationId; }
    public long getAmountFen() { return amountFen; }
    public LocalDate getRefundedOn() { return refundedOn; }
    public String getReason() { return reason; }
    public String getRecordedBy() { return recordedBy; }
    public Instant getRecordedAt() { return recordedAt; }
    public Long getTransactionId() { return transactionId; }
}
