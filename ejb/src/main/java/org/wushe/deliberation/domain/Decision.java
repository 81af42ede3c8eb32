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
 * A decision published to residents: a service issue's decision with its reasons, or the proposal
 * the representatives passed. Tracked to implementation, optionally linked to a docking action.
 */
@Entity
@Table(name = "delib_decision")
public class Decision {

    @Id
    @SequenceGenerator(name = "delib_decision_seq", sequenceName = "delib_decision_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "delib_decision_seq")
    private Long id;

    @Column(name = "issue_id", nullable = false)
    private Long issueId;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private org.wushe.docking.domain.IssueNature nature;

    @Column(nullable = false, length = 150)
    private String title;

    @Column(name = "decision_text", nullable = false, length = 4000)
    private String decisionText;

    @Column(length = 4000)
    private String reasons;

    @Column(name = "proposal_id")
    private Long proposalId;

    @Column(name = "vote_id")
    private Long voteId;

    @Column(name = "published_at", nullable = false)
    private Instant publishedAt;

    @Column(name = "published_by", nullable = false, length = 50)
    private String publishedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Implementation implementation;

    @Column(name = "follow_up", length = 2000)
    private String followUp;

    @Column(name = "docking_action_id")
    private Long dockingActionId;

    @Column(name = "followed_up_at")
    private Instant followedUpAt;

    @Version
    private int version;

    protected Decision() {
    }

    public Decision(Issue issue, String text, String reasons, Long proposalId, Long voteId, String by, Instant at) {
        this.issueId = issue.getId();
        this.communityId = issue.getCommunityId();
        this.nature = issue.getNature();
        this.title = issue.getTitle();
        this.decisionText = text;
        this.reasons = reasons;
        this.proposalId = proposalId;
        this.voteId = voteId;
        this.publishedBy = by;
        this.publishedAt = at;
        this.implementation = Implementation.PLANNED;
    }

    public void followUp(Implementation status, String note, Long actionId, Instant at) {
        this.implementation = status;
        this.followUp = note;
        this.dockingActionId = actionId;
        this.followedUpAt = at;
    }

    public Long getId() { return id; }
    public Long getIssueId() { return issueId; }
    public Long getCommunityId() { return communityId; }
    public org.wushe.docking.domain.IssueNature getNature() { return nature; }
    public String getTitle() { return title; }
    public String getDecisionText() { return decisionText; }
    public String getReasons() { return reasons; }
    public Long getProposalId() { return proposalId; }
    public Long getVoteId() { return voteId; }
    public Instant getPublishedAt() { return publishedAt; }
    public Implementation getImplementation() { return implementation; }
    public String getFollowUp() { return followUp; }
    public Long getDockingActionId() { return dockingActionId; }
    public Instant getFollowedUpAt() { return followedUpAt; }
}
