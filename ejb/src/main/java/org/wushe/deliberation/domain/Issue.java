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
import org.wushe.docking.domain.IssueNature;
import org.wushe.shared.ConflictException;
import org.wushe.shared.Label;

/**
 * An affair brought to the joint deliberation zone. Its {@link IssueNature} fixes the workflow: the
 * stage it starts in and the steps it may take ({@link #requireStage}); every step is written to the
 * issue's history by the service.
 */
@Entity
@Table(name = "delib_issue")
public class Issue {

    @Id
    @SequenceGenerator(name = "delib_issue_seq", sequenceName = "delib_issue_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "delib_issue_seq")
    private Long id;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Column(nullable = false, length = 150)
    private String title;

    @Column(nullable = false, length = 4000)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private IssueNature nature;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private IssueStage stage;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private IssueSource source;

    @Column(name = "raised_by_name", nullable = false, length = 100)
    private String raisedByName;

    @Column(name = "need_id")
    private Long needId;

    @Column(length = 4000)
    private String summary;

    @Column(name = "raised_by", nullable = false, length = 50)
    private String raisedBy;

    @Column(name = "raised_at", nullable = false)
    private Instant raisedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private int version;

    protected Issue() {
    }

    public Issue(Long communityId, String title, String description, IssueNature nature, IssueSource source,
                 String raisedByName, Long needId, String raisedBy, Instant now) {
        this.communityId = communityId;
        this.title = title;
        this.description = description;
        this.nature = nature;
        this.stage = firstStage(nature);
        this.source = source;
        this.raisedByName = raisedByName;
        this.needId = needId;
        this.raisedBy = raisedBy;
        this.raisedAt = now;
        this.updatedAt = now;
    }

    /** Where an issue of the nature starts: service OPEN, resource allocation PROPOSALS, rule-making DISCUSSION. */
    public static IssueStage firstStage(IssueNature nature) {
        return switch (nature) {
            case SERVICE -> IssueStage.OPEN;
            case RESOURCE_ALLOCATION -> IssueStage.PROPOSALS;
            case RULE_MAKING -> IssueStage.DISCUSSION;
        };
    }

    /** Whether representatives vote on issues of this nature (all but service issues). */
    public boolean isVoted() {
        return nature != IssueNature.SERVICE;
    }

    /** @throws ConflictException {@code deliberation.stage} when the issue is not at the stage */
    public void requireStage(IssueStage expected) {
        if (stage != expected) {
            throw new ConflictException("deliberation.stage", "Issue is " + stage + ", not " + expected,
                    new Label("deliberation.stage." + stage), new Label("deliberation.stage." + expected));
        }
    }

    /** @throws ConflictException {@code deliberation.nature} when the issue is not of the nature */
    public void requireNature(IssueNature expected) {
        if (nature != expected) {
            throw new ConflictException("deliberation.nature", "Issue is " + nature + ", not " + expected,
                    new Label("deliberation.nature." + nature), new Label("deliberation.nature." + expected));
        }
    }

    /** A new nature restarts the workflow at its first stage; refused once a vote is open or a decision made. */
    public void reclassify(IssueNature newNature, Instant now) {
        if (stage == IssueStage.VOTING || stage == IssueStage.DECIDED) {
            throw new ConflictException("deliberation.reclassify.late", "Issue is " + stage,
                    new Label("deliberation.stage." + stage));
        }
        if (newNature == nature) {
            throw new ConflictException("deliberation.reclassify.same", "Same nature",
                    new Label("deliberation.nature." + nature));
        }
        this.nature = newNature;
        this.stage = firstStage(newNature);
        this.updatedAt = now;
    }

    public void moveTo(IssueStage next, Instant now) {
        this.stage = next;
        this.updatedAt = now;
    }

    public void summarise(String text, Instant now) {
        this.summary = text;
        this.updatedAt = now;
    }

    public Long getId() { return id; }
    public Long getCommunityId() { return communityId; }
    public String getTitle() { return title; }
    public String getDescription() { return description; }
    public IssueNature getNature() { return nature; }
    public IssueStage getStage() { return stage; }
    public IssueSource getSource() { return source; }
    public String getRaisedByName() { return raisedByName; }
    public Long getNeedId() { return needId; }
    public String getSummary() { return summary; }
    public String getRaisedBy() { return raisedBy; }
    public Instant getRaisedAt() { return raisedAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public int getVersion() { return version; }
}
