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
 * The Party secretary's veto of one revision of a proposal: its ground and written reason. Published
 * with the proposal and never deleted; the proposal's history shows every veto.
 */
@Entity
@Table(name = "delib_veto")
public class Veto {

    @Id
    @SequenceGenerator(name = "delib_veto_seq", sequenceName = "delib_veto_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "delib_veto_seq")
    private Long id;

    @Column(name = "proposal_id", nullable = false)
    private Long proposalId;

    @Column(name = "issue_id", nullable = false)
    private Long issueId;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Column(name = "proposal_revision", nullable = false)
    private int proposalRevision;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private VetoGround ground;

    @Column(nullable = false, length = 2000)
    private String reason;

    @Column(name = "vetoed_by", nullable = false, length = 50)
    private String vetoedBy;

    @Column(name = "vetoed_by_name", nullable = false, length = 100)
    private String vetoedByName;

    @Column(name = "vetoed_at", nullable = false)
    private Instant vetoedAt;

    protected Veto() {
    }

    public Veto(Proposal p, VetoGround ground, String reason, String by, String byName, Instant at) {
        this.proposalId = p.getId();
        this.issueId = p.getIssueId();
        this.communityId = p.getCommunityId();
        this.proposalRevision = p.getRevision();
        this.ground = ground;
        this.reason = reason;
        this.vetoedBy = by;
        this.vetoedByName = byName;
        this.vetoedAt = at;
    }

    public Long getId() { return id; }
    public Long getProposalId() { return proposalId; }
    public Long getIssueId() { return issueId; }
    public Long getCommunityId() { return communityId; }
    public int getProposalRevision() { return proposalRevision; }
    public VetoGround getGround() { return ground; }
    public String getReason() { return reason; }
    public String getVetoedBy() { return vetoedBy; }
    public String getVetoedByName() { return vetoedByName; }
    public Instant getVetoedAt() { return vetoedAt; }
}
