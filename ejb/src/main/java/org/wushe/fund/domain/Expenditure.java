package org.wushe.fund.domain;

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
import org.wushe.shared.ConflictException;
import org.wushe.shared.NotPermittedException;

/**
 * Money spent from a project's budget for one category: payee, purpose, date, the receipt. Above
 * the four-eyes threshold it waits as PENDING, books nothing, and only a second person may approve
 * or reject it ({@link #decide}).
 */
@Entity
@Table(name = "fund_expenditure")
public class Expenditure {

    @Id
    @SequenceGenerator(name = "fund_row_seq", sequenceName = "fund_row_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "fund_row_seq")
    private Long id;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Column(name = "project_id", nullable = false)
    private Long projectId;

    @Column(name = "category_code", nullable = false, length = 30)
    private String categoryCode;

    @Column(name = "amount_fen", nullable = false)
    private long amountFen;

    @Column(nullable = false, length = 100)
    private String payee;

    @Column(nullable = false, length = 500)
    private String purpose;

    @Column(name = "spent_on", nullable = false)
    private LocalDate spentOn;

    @Column(name = "receipt_file_id")
    private Long receiptFileId;

    @Column(length = 1000)
    private String justification;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private ExpenditureStatus status;

    @Column(name = "requested_by", nullable = false, length = 50)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "decided_by", length = 50)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "reject_reason", length = 1000)
    private String rejectReason;

    @Column(name = "transaction_id")
    private Long transactionId;

    @Version
    private int version;

    protected Expenditure() {
    }

    public Expenditure(Long communityId, Long projectId, String categoryCode, long amountFen, String payee,
                       String purpose, LocalDate spentOn, Long receiptFileId, String justification, boolean pending,
                       String requestedBy, Instant requestedAt) {
        this.communityId = communityId;
        this.projectId = projectId;
        this.categoryCode = categoryCode;
        this.amountFen = amountFen;
        this.payee = payee;
        this.purpose = purpose;
        this.spentOn = spentOn;
        this.receiptFileId = receiptFileId;
        this.justification = justification;
        this.status = pending ? ExpenditureStatus.PENDING : ExpenditureStatus.BOOKED;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
    }

    /**
     * A second person's decision on a pending expenditure.
     *
     * @throws NotPermittedException {@code fund.fourEyes.self} when the requester decides their own
     * @throws ConflictException {@code fund.expenditure.notPending} when it is not waiting
     */
    public void decide(boolean approve, String by, Instant at, String reason) {
        if (status != ExpenditureStatus.PENDING) {
            throw new ConflictException("fund.expenditure.notPending", "Expenditure " + id + " is " + status);
        }
        if (by.equals(requestedBy)) {
            throw new NotPermittedException("fund.fourEyes.self", "The requester cannot decide their own expenditure");
        }
        this.status = approve ? ExpenditureStatus.BOOKED : ExpenditureStatus.REJECTED;
        this.decidedBy = by;
        this.decidedAt = at;
        this.rejectReason = approve ? null : reason;
    }

    public void bookedAs(Long transactionId) {
        this.transactionId = transactionId;
    }

    public void reversed() {
        this.status = ExpenditureStatus.REVERSED;
    }

    public void attachReceipt(Long fileId) {
        this.receiptFileId = fileId;
    }

    public Long getId() { return id; }
    public Long getCommunityId() { return communityId; }
    public Long getProjectId() { return projectId; }
    public String getCategoryCode() { return categoryCode; }
    public long getAmountFen() { return amountFen; }
    public String getPayee() { return payee; }
    public String getPurpose() { return purpose; }
    public LocalDate getSpentOn() { return spentOn; }
    public Long getReceiptFileId() { return receiptFileId; }
    public String getJustification() { return justification; }
    public ExpenditureStatus getStatus() { return status; }
    public String getRequestedBy() { return requestedBy; }
    public Instant getRequestedAt() { return requestedAt; }
    public String getDecidedBy() { return decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
    public String getRejectReason() { return rejectReason; }
    public Long getTransactionId() { return transactionId; }
}
