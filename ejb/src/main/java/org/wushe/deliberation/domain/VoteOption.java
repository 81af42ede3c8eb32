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

/** One proposal on a vote's ballot paper, with the votes it received. */
@Entity
@Table(name = "delib_vote_option")
public class VoteOption {

    @Id
    @SequenceGenerator(name = "delib_vote_option_seq", sequenceName = "delib_vote_option_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "delib_vote_option_seq")
    private Long id;

    @Column(name = "vote_id", nullable = false)
    private Long voteId;

    @Column(name = "proposal_id", nullable = false)
    private Long proposalId;

    @Column(nullable = false)
    private int votes;

    protected VoteOption() {
    }

    public VoteOption(Vote v, Proposal p) {
        this.voteId = v.getId();
        this.proposalId = p.getId();
    }

    public void count() {
        votes++;
    }

    public Long getId() { return id; }
    public Long getVoteId() { return voteId; }
    public Long getProposalId() { return proposalId; }
    public int getVotes() { return votes; }
}
