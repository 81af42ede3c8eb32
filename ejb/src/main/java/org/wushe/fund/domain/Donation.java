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

/**
 * A gift to a community's fund: who gave (kind, name, optionally the resident), how much in fen, the
 * receipt number, what it is tied to, and whether the donor agreed to be named publicly.
 */
@Entity
@Table(name = "fund_donation")
public class Donation {

    @Id
    @SequenceGenerator(name = "fund_row_seq", sequenceName = "fund_row_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "fund_row_seq")
    private Long id;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Enumerated(EnumType.STRING)
    @Column(name = "donor_kind", nullable = false, length = 12)
    private DonorKind donorKind;

    @Column(name = "donor_name", nullable = false, length = 100)
    private String donorName;

    @Column(name = "resident_id")
    private Long residentId;

    @Column(name = "amount_fen", nullable = false)
    private long amountFen;

    @Column(name = "refunded_fen", nullable = false)
    private long refundedFen;

    @Column(name = "donated_on", nullable = false)
    private LocalDate donatedOn;

    @Column(name = "receipt_no", nullable = false, length = 40)
    private String receiptNo;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Restriction restriction;

    @Column(name = "restricted_project_id")
    private Long restrictedProjectId;

    @Column(name = "restricted_category", length = 30)
    private String restrictedCategory;

    @Column(name = "named_publicly", nullable = false)
    private boolean namedPublicly;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private RecordStatus status;

    @Column(name = "recorded_by", nullable = false, length = 50)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "transaction_id")
    private Long transactionId;

    @Version
    private int version;

    protected Donation() {
    }

    public Donation(Long communityId, DonorKind donorKind, String donorName, Long residentId, long amountFen,
                    LocalDate donatedOn, String receiptNo, Restriction restriction, Long restrictedProjectId,
                    String restrictedCategory, boolean namedPublicly, String recordedBy, Instant recordedAt) {
        this.communityId = communityId;
        this.donorKind = donorKind;
        this.donorName = donorName;
        this.residentId = residentId;
        this.amountFen = amountFen;
        this.donatedOn = donatedOn;
        this.receiptNo = receiptNo;
        this.restriction = restriction;
        this.restrictedProjectId = restrictedProjectId;
        this.restrictedCategory = restrictedCategory;
        this.namedPublicly = namedPublicly;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
        this.status = RecordStatus.BOOKED;
    }

    public void bookedAs(Long transactionId) {
        this.transactionId = transactionId;
    }

    /** What may still be refunded of this gift, before looking at what was spent. */
    public long refundable() {
        return amountFen - refundedFen;
    }

    /**
     * Records a refund.
     *
     * @throws ConflictException {@code fund.refund.beyondDonation} when more than what is left of the gift
     */
    public void refund(long fen) {
        if (fen > refundable()) {
            throw new ConflictException("fund.refund.beyondDonation", "Refund of " + fen + " beyond " + refundable(),
                    Money.format(refundable()));
        }
        refundedFen += fen;
    }

    public Long getId() { return id; }
    public Long getCommunityId() { return communityId; }
    public DonorKind getDonorKind() { return donorKind; }
    public String getDonorName() { return donorName; }
    public Long getResidentId() { return residentId; }
    public long getAmountFen() { return amountFen; }
    public long getRefundedFen() { return refundedFen; }
    public LocalDate getDonatedOn() { return donatedOn; }
    public String getReceiptNo() { return receiptNo; }
    public Restriction getRestriction() { return restriction; }
    public Long getRestrictedProjectId() { return restrictedProjectId; }
    public String getRestrictedCategory() { return restrictedCategory; }
    public boolean isNamedPublicly() { return namedPublicly; }
    public RecordStatus getStatus() { return status; }
    public String getRecordedBy() { return recordedBy; }
    public Instant getRecordedAt() { return recordedAt; }
    public Long getTransactionId() { return transactionId; }
}
