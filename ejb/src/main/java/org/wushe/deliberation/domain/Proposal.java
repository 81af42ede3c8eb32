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
 * A cooperation proposal on an issue: for resource allocation one technical option with its cost
 * (in fen), for rule-making the final text. A veto sends it back for reconsideration; a revision
 * raises its revision number and submits it again, and the vetoes stay with it.
 */
@Entity
@Table(name = "delib_proposal")
public class Proposal {

    @Id
    @SequenceGenerator(name = "delib_proposal_seq", sequenceName = "delib_proposal_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "delib_proposal_seq")
    private Long id;

    @Column(name = "issue_id", nullable = false)
    private Long issueId;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Column(nullable = false, length = 150)
    private String title;

    @Column(nullable = false, length = 4000)
    private String body;

    @Column(name = "cost_fen")
    private Long costFen;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ProposalStatus status;

    @Column(nullable = false)
    private int revision;

    @Column(name = "submitted_by", nullable = false, length = 50)
    private String submittedBy;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Version
    private int version;

    protected Proposal() {
    }

    public Proposal(Issue issue, String title, String body, Long costFen, String by, Instant at) {
        this.issueId = issue.getId();
        this.communityId = issue.getCommunityId();
        this.title = title;
        this.body = body;
        this.costFen = costFen;
        this.status = ProposalStatus.SUBMITTED;
        this.revision = 1;
        this.submittedBy = by;
        this.submittedAt = at;
    }

    /** @throws org.wushe.shared.ConflictException {@code veto.notSubmitted} unless the proposal is submitted */
    public void veto() {
        if (status != ProposalStatus.SUBMITTED) {
            throw new org.wushe.shared.ConflictException("veto.notSubmitted", "Proposal is " + status,
                    new org.wushe.shared.Label("deliberation.proposalStatus." + status));
        }
        status = ProposalStatus.VETOED;
    }

    /** A vetoed proposal, reconsidered, is submitted again as its next revision. */
    public void resubmit(String newTitle, String newBody, Long newCost, String by, Instant at) {
        if (status != ProposalStatus.VETOED) {
            throw new org.wushe.shared.ConflictException("deliberation.proposal.notVetoed", "Proposal is " + status,
                    new org.wushe.shared.Label("deliberation.proposalStatus." + status));
        }
        this.title = newTitle;
        this.body = newBody;
        this.costFen = newCost;
        this.revision++;
        this.status = ProposalStatus.SUBMITTED;
        this.submittedBy = by;
        this.submittedAt = at;
    }

    public void settle(boolean passed) {
        status = passed ? ProposalStatus.PASSED : ProposalStatus.NOT_ADOPTED;
    }

    public Long getId() { return id; }
    public Long getIssueId() { return issueId; }
    public Long getCommunityId() { return communityId; }
    public String getTitle() { return title; }
    public String getBody() { return body; }
    public Long getCostFen() { return costFen; }
    public ProposalStatus getStatus() { return status; }
    public int getRevision() { return revision; }
    public String getSubmittedBy() { return submittedBy; }
    public Instant getSubmittedAt() { return submittedAt; }
}
