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
import java.time.Instant;
import java.time.LocalDate;

/** Money moved from the fund (cash or a restricted fund) to a project's budget for one category. */
@Entity
@Table(name = "fund_allocation")
public class Allocation {

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

    @Enumerated(EnumType.STRING)
    @Column(name = "money_source", nullable = false, length = 16)
    private MoneySource source;

    @Column(name = "allocated_on", nullable = false)
    private LocalDate allocatedOn;

    @Column(length = 1000)
    private String justification;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private RecordStatus status;

    @Column(name = "recorded_by", nullable = false, length = 50)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "transaction_id")
    private Long transactionId;

    protected Allocation() {
    }

    public Allocation(Long communityId, Long projectId, String categoryCode, long amountFen, MoneySource source,
                      LocalDate allocatedOn, String justification, String recordedBy, Instant recordedAt) {
        this.communityId = communityId;
        this.projectId = projectId;
        this.categoryCode = categoryCode;
        this.amountFen = amountFen;
        this.source = source;
        this.allocatedOn = allocatedOn;
        this.justification = justification;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
        this.status = RecordStatus.BOOKED;
    }

    public void bookedAs(Long transactionId) {
        this.transactionId = transactionId;
    }

    public void reversed() {
        this.status = RecordStatus.REVERSED;
    }

    public Long getId() { return id; }
    public Long getCommunityId() { return communityId; }
    public Long getProjectId() { return projectId; }
    public String getCategoryCode() { return categoryCode; }
    public long getAmountFen() { return amountFen; }
    public MoneySource getSource() { return source; }
    public LocalDate getAllocatedOn() { return allocatedOn; }
    public String getJustification() { return justification; }
    public RecordStatus getStatus() { return status; }
    public String getRecordedBy() { return recordedBy; }
    public Instant getRecordedAt() { return recordedAt; }
    public Long getTransactionId() { return transactionId; }
}
