package org.wushe.deliberation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A community's own vote rules, where they differ from the defaults of {@link VoteRules}: the quorum
 * and the majority as fractions, and how many months lie between two self-examination reviews
 * (default three: quarterly). Without a row the defaults apply.
 */
@Entity
@Table(name = "delib_vote_rule")
public class VoteRule {

    public static final int DEFAULT_REVIEW_MONTHS = 3;

    @Id
    @Column(name = "community_id")
    private Long communityId;

    @Column(name = "quorum_num", nullable = false)
    private int quorumNum;

    @Column(name = "quorum_den", nullable = false)
    private int quorumDen;

    @Column(name = "majority_num", nullable = false)
    private int majorityNum;

    @Column(name = "majority_den", nullable = false)
    private int majorityDen;

    @Column(name = "review_months", nullable = false)
    private int reviewMonths;

    @Column(name = "changed_by", nullable = false, length = 50)
    private String changedBy;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Version
    private int version;

    protected VoteRule() {
    }

    public VoteRule(Long communityId) {
        this.communityId = communityId;
        this.quorumNum = VoteRules.DEFAULT_QUORUM.numerator();
        this.quorumDen = VoteRules.DEFAULT_QUORUM.denominator();
        this.majorityNum = VoteRules.DEFAULT_MAJORITY.numerator();
        this.majorityDen = VoteRules.DEFAULT_MAJORITY.denominator();
        this.reviewMonths = DEFAULT_REVIEW_MONTHS;
    }

    public void change(VoteRules.Fraction quorum, VoteRules.Fraction majority, int months, String by, Instant at) {
        this.quorumNum = quorum.numerator();
        this.quorumDen = quorum.denominator();
        this.majorityNum = majority.numerator();
        this.majorityDen = majority.denominator();
        this.reviewMonths = months;
        this.changedBy = by;
        this.changedAt = at;
    }

    public VoteRules.Fraction quorum() {
        return new VoteRules.Fraction(quorumNum, quorumDen);
    }

    public VoteRules.Fraction majority() {
        return new VoteRules.Fraction(majorityNum, majorityDen);
    }

    public Long getCommunityId() { return communityId; }
    public int getReviewMonths() { return reviewMonths; }
    public String getChangedBy() { return changedBy; }
    public Instant getChangedAt() { return changedAt; }
}
