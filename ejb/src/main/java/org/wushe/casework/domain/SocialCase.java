package org.wushe.casework.domain;

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
import org.wushe.shared.ConflictException;
import org.wushe.shared.Label;

/**
 * A social worker's case with one resident, through the stages of {@link CaseStage}. Its record is
 * restricted: the services show it only to its social worker, that worker's supervisor and the
 * community's Party secretary. A case found without improvement, or open too long, is flagged
 * stubborn and may be taken to a joint meeting.
 */
@Entity
@Table(name = "social_case")
public class SocialCase {

    @Id
    @SequenceGenerator(name = "social_case_seq", sequenceName = "social_case_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "social_case_seq")
    private Long id;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Column(name = "grid_cell_id", nullable = false)
    private Long gridCellId;

    @Column(name = "resident_id", nullable = false)
    private Long residentId;

    @Column(name = "social_worker_id", nullable = false)
    private Long socialWorkerId;

    @Column(name = "social_worker", nullable = false, length = 50)
    private String socialWorker;

    @Column(name = "referral_id")
    private Long referralId;

    @Column(nullable = false, length = 200)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private CaseStage stage;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private CaseOutcome outcome;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(nullable = false)
    private int stubborn;

    @Column(name = "stubborn_at")
    private Instant stubbornAt;

    @Column(name = "stubborn_by", length = 50)
    private String stubbornBy;

    @Column(name = "stubborn_reason", length = 1000)
    private String stubbornReason;

    @Version
    private int version;

    protected SocialCase() {
    }

    public SocialCase(Long communityId, Long gridCellId, Long residentId, Long socialWorkerId, String socialWorker,
                      Long referralId, String title, Instant openedAt) {
        this.communityId = communityId;
        this.gridCellId = gridCellId;
        this.residentId = residentId;
        this.socialWorkerId = socialWorkerId;
        this.socialWorker = socialWorker;
        this.referralId = referralId;
        this.title = title;
        this.stage = CaseStage.RELATIONSHIP;
        this.openedAt = openedAt;
    }

    /**
     * Moves the case on (see {@link CaseStage#checkMove}). Closing after an evaluation needs its
     * outcome ({@code case.close.noOutcome}).
     *
     * @return whether stages were skipped
     */
    public boolean moveTo(CaseStage target, String skipReason, Instant at) {
        boolean skipped = stage.checkMove(target, skipReason);
        if (target == CaseStage.CLOSED && stage == CaseStage.EVALUATION && outcome == null) {
            throw new ConflictException("case.close.noOutcome", "Evaluate before closing");
        }
        stage = target;
        if (target == CaseStage.CLOSED) {
            closedAt = at;
        }
        return skipped;
    }

    /** Records the evaluation's finding; only in the evaluation stage. No improvement makes the case stubborn. */
    public void evaluate(CaseOutcome found, String by, Instant at) {
        requireStage(CaseStage.EVALUATION);
        outcome = found;
        if (found == CaseOutcome.NO_IMPROVEMENT && !isStubborn()) {
            markStubborn(by, at, "case.stubborn.noImprovement");
        }
    }

    /** Flags the case stubborn; refused on a closed case, harmless when already flagged. */
    public boolean markStubborn(String by, Instant at, String reason) {
        if (stage == CaseStage.CLOSED) {
            throw new ConflictException("case.closed", "The case is closed");
        }
        if (isStubborn()) {
            return false;
        }
        stubborn = 1;
        stubbornAt = at;
        stubbornBy = by;
        stubbornReason = reason;
        return true;
    }

    /** @throws ConflictException {@code case.stage.required} when the case is in another stage */
    public void requireStage(CaseStage required) {
        if (stage != required) {
            throw new ConflictException("case.stage.required", "Needs stage " + required,
                    new Label("case.stage." + required.name()), new Label("case.stage." + stage.name()));
        }
    }

    public boolean isStubborn() { return stubborn == 1; }
    public boolean isOpen() { return stage != CaseStage.CLOSED; }
    public Long getId() { return id; }
    public Long getCommunityId() { return communityId; }
    public Long getGridCellId() { return gridCellId; }
    public Long getResidentId() { return residentId; }
    public Long getSocialWorkerId() { return socialWorkerId; }
    public String getSocialWorker() { return socialWorker; }
    public Long getReferralId() { return referralId; }
    public String getTitle() { return title; }
    public CaseStage getStage() { return stage; }
    public CaseOutcome getOutcome() { return outcome; }
    public Instant getOpenedAt() { return openedAt; }
    public Instant getClosedAt() { return closedAt; }
    public Instant getStubbornAt() { return stubbornAt; }
    public String getStubbornBy() { return stubbornBy; }
    public String getStubbornReason() { return stubbornReason; }
}
