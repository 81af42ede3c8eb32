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
 * That a representative took part in a vote: either a ballot (its choice kept only when the ballot
 * is open, never for a secret one) or a declared conflict of interest, which makes them abstain.
 * Unique per vote and representative, in the database too.
 */
@Entity
@Table(name = "delib_ballot")
public class Ballot {

    @Id
    @SequenceGenerator(name = "delib_ballot_seq", sequenceName = "delib_ballot_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "delib_ballot_seq")
    private Long id;

    @Column(name = "vote_id", nullable = false)
    private Long voteId;

    @Column(name = "representative_id", nullable = false)
    private Long representativeId;

    @Column(nullable = false)
    private boolean recused;

    @Column(name = "conflict_reason", length = 500)
    private String conflictReason;

    @Enumerated(EnumType.STRING)
    @Column(length = 10)
    private Choice choice;

    @Column(name = "proposal_id")
    private Long proposalId;

    @Column(name = "cast_at", nullable = false)
    private Instant castAt;

    @Column(name = "recorded_by", nullable = false, length = 50)
    private String recordedBy;

    protected Ballot() {
    }

    /** A ballot; for a secret vote neither the choice nor the option is kept. */
    public static Ballot cast(Vote v, Representative r, Choice choice, Long proposalId, String by, Instant at) {
        Ballot b = new Ballot(v, r, by, at);
        if (!v.isSecret()) {
            b.choice = choice;
            b.proposalId = proposalId;
        }
        return b;
    }

    /** A declared conflict of interest: the representative abstains and cannot vote. */
    public static Ballot recusal(Vote v, Representative r, String reason, String by, Instant at) {
        Ballot b = new Ballot(v, r, by, at);
        b.recused = true;
        b.conflictReason = reason;
        return b;
    }

    private Ballot(Vote v, Representative r, String by, Instant at) {
        this.voteId = v.getId();
        this.representativeId = r.getId();
        this.castAt = at;
        this.recordedBy = by;
    }

    public Long getId() { return id; }
    public Long getVoteId() { return voteId; }
    public Long getRepresentativeId() { return representativeId; }
    public boolean isRecused() { return recused; }
    public String getConflictReason() { return conflictReason; }
    public Choice getChoice() { return choice; }
    public Long getProposalId() { return proposalId; }
    public Instant getCastAt() { return castAt; }
}
