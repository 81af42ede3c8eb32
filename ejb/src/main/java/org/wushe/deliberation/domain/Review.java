package org.wushe.deliberation.domain;

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

/**
 * A self-examination of the platform in one community for one period: scores (0 to 100) on mass
 * satisfaction, coordination efficiency and public-welfare ethics, and the findings.
 */
@Entity
@Table(name = "delib_review")
public class Review {

    @Id
    @SequenceGenerator(name = "delib_review_seq", sequenceName = "delib_review_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "delib_review_seq")
    private Long id;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Column(name = "period_start", nullable = false)
    private LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    private LocalDate periodEnd;

    @Column(name = "satisfaction_score", nullable = false)
    private int satisfactionScore;

    @Column(name = "coordination_score", nullable = false)
    private int coordinationScore;

    @Column(name = "ethics_score", nullable = false)
    private int ethicsScore;

    @Column(nullable = false, length = 4000)
    private String findings;

    @Column(name = "reviewed_by", nullable = false, length = 50)
    private String reviewedBy;

    @Column(name = "reviewed_at", nullable = false)
    private Instant reviewedAt;

    protected Review() {
    }

    public Review(Long communityId, LocalDate periodStart, LocalDate periodEnd, int satisfaction, int coordination,
                  int ethics, String findings, String by, Instant at) {
        this.communityId = communityId;
        this.periodStart = periodStart;
        this.periodEnd = periodEnd;
        this.satisfactionScore = satisfaction;
        this.coordinationScore = coordination;
        this.ethicsScore = ethics;
        this.findings = findings;
        this.reviewedBy = by;
        this.reviewedAt = at;
    }

    public Long getId() { return id; }
    public Long getCommunityId() { return communityId; }
    public LocalDate getPeriodStart() { return periodStart; }
    public LocalDate getPeriodEnd() { return periodEnd; }
    public int getSatisfactionScore() { return satisfactionScore; }
    public int getCoordinationScore() { return coordinationScore; }
    public int getEthicsScore() { return ethicsScore; }
    public String getFindings() { return findings; }
    public String getReviewedBy() { return reviewedBy; }
    public Instant getReviewedAt() { return reviewedAt; }
}
