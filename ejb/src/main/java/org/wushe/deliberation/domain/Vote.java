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
import java.util.Map;

/**
 * The representatives' vote on an issue at a meeting, between its submitted proposals. The rules
 * (quorum, majority) are copied from the community's when the vote opens, so a later change does not
 * alter a vote under way. Against and abstain are counted here, the votes for each option on
 * {@link VoteOption}; the outcome is computed by {@link VoteRules#decide} when the vote closes.
 */
@Entity
@Table(name = "delib_vote")
public class Vote {

    @Id
    @SequenceGenerator(name = "delib_vote_seq", sequenceName = "delib_vote_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "delib_vote_seq")
    private Long id;

    @Column(name = "issue_id", nullable = false)
    private Long issueId;

    @Column(name = "meeting_id", nullable = false)
    private Long meetingId;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Column(nullable = false)
    private boolean secret;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private VoteStatus status;

    @Column(name = "quorum_num", nullable = false)
    private int quorumNum;

    @Column(name = "quorum_den", nullable = false)
    private int quorumDen;

    @Column(name = "majority_num", nullable = false)
    private int majorityNum;

    @Column(name = "majority_den", nullable = false)
    private int majorityDen;

    @Column(nullable = false)
    private int representatives;

    @Column(name = "present_count")
    private Integer presentCount;

    @Column(name = "against_count", nullable = false)
    private int againstCount;

    @Column(name = "abstain_count", nullable = false)
    private int abstainCount;

    @Column(name = "recused_count", nullable = false)
    private int recusedCount;

    @Column(name = "winning_proposal_id")
    private Long winningProposalId;

    @Column(name = "opened_by", nullable = false, length = 50)
    private String openedBy;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "closed_by", length = 50)
    private String closedBy;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Version
    private int version;

    protected Vote() {
    }

    public Vote(Issue issue, Meeting meeting, boolean secret, VoteRule rule, int representatives, String by,
                Instant at) {
        this.issueId = issue.getId();
        this.meetingId = meeting.getId();
        this.communityId = issue.getCommunityId();
        this.secret = secret;
        this.status = VoteStatus.OPEN;
        this.quorumNum = rule.quorum().numerator();
        this.quorumDen = rule.quorum().denominator();
        this.majorityNum = rule.majority().numerator();
        this.majorityDen = rule.majority().denominator();
        this.representatives = representatives;
        this.openedBy = by;
        this.openedAt = at;
    }

    /** @throws org.wushe.shared.ConflictException {@code vote.closed} unless the vote is open */
    public void requireOpen() {
        if (status != VoteStatus.OPEN) {
            throw new org.wushe.shared.ConflictException("vote.closed", "Vote is " + status,
                    new org.wushe.shared.Label("deliberation.voteStatus." + status));
        }
    }

    /**
     * Counts one ballot: FOR the chosen option (counted on the option), AGAINST or ABSTAIN here. A
     * secret ballot is counted the same way; only the {@link Ballot} forgets what was chosen.
     *
     * @throws org.wushe.shared.ConflictException {@code vote.closed} unless the vote is open
     */
    public void count(Choice choice, VoteOption chosen) {
        requireOpen();
        switch (choice) {
            case FOR -> chosen.count();
            case AGAINST -> againstCount++;
            case ABSTAIN -> abstainCount++;
        }
    }

    /**
     * Counts a declared conflict of interest: the representative abstains from the majority.
     *
     * @throws org.wushe.shared.ConflictException {@code vote.closed} unless the vote is open
     */
    public void countRecused() {
        requireOpen();
        recusedCount++;
    }

    /**
     * What the ballots say at closing: the representatives counted when the vote opened, those
     * present now, the recused, the votes per option (proposal id) and the against and abstain counts.
     */
    public VoteRules.Tally tally(int present, Map<Long, Integer> forOption) {
        return new VoteRules.Tally(representatives, present, recusedCount, forOption, againstCount, abstainCount);
    }

    /**
     * Closes the vote with the outcome its own rules (copied when it opened) give for the tally:
     * invalid without the quorum, passed with the winning proposal, or failed.
     *
     * @throws org.wushe.shared.ConflictException {@code vote.closed} unless the vote is open
     */
    public VoteRules.Result close(int present, Map<Long, Integer> forOption, String by, Instant at) {
        requireOpen();
        VoteRules.Result result = VoteRules.decide(quorum(), majority(), tally(present, forOption));
        this.status = result.status();
        this.winningProposalId = result.winner();
        this.presentCount = present;
        this.closedBy = by;
        this.closedAt = at;
        return result;
    }

    public void cancel(String by, Instant at) {
        requireOpen();
        this.status = VoteStatus.CANCELLED;
        this.closedBy = by;
        this.closedAt = at;
    }

    public VoteRules.Fraction quorum() {
        return new VoteRules.Fraction(quorumNum, quorumDen);
    }

    public VoteRules.Fraction majority() {
        return new VoteRules.Fraction(majorityNum, majorityDen);
    }

    public Long getId() { return id; }
    public Long getIssueId() { return issueId; }
    public Long getMeetingId() { return meetingId; }
    public Long getCommunityId() { return communityId; }
    public boolean isSecret() { return secret; }
    public VoteStatus getStatus() { return status; }
    public int getRepresentatives() { return representatives; }
    public Integer getPresentCount() { return presentCount; }
    public int getAgainstCount() { return againstCount; }
    public int getAbstainCount() { return abstainCount; }
    public int getRecusedCount() { return recusedCount; }
    public Long getWinningProposalId() { return winningProposalId; }
    public String getOpenedBy() { return openedBy; }
    public Instant getOpenedAt() { return openedAt; }
    public Instant getClosedAt() { return closedAt; }
}
