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

/** A contribution to the open discussion of a rule-making issue, by a resident, an organisation or staff. */
@Entity
@Table(name = "delib_comment")
public class Comment {

    @Id
    @SequenceGenerator(name = "delib_comment_seq", sequenceName = "delib_comment_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "delib_comment_seq")
    private Long id;

    @Column(name = "issue_id", nullable = false)
    private Long issueId;

    @Enumerated(EnumType.STRING)
    @Column(name = "author_kind", nullable = false, length = 20)
    private AuthorKind authorKind;

    @Column(name = "author_name", nullable = false, length = 100)
    private String authorName;

    @Column(nullable = false, length = 2000)
    private String body;

    @Column(name = "posted_at", nullable = false)
    private Instant postedAt;

    @Column(name = "posted_by", nullable = false, length = 50)
    private String postedBy;

    protected Comment() {
    }

    public Comment(Long issueId, AuthorKind kind, String authorName, String body, Instant at, String by) {
        this.issueId = issueId;
        this.authorKind = kind;
        this.authorName = authorName;
        this.body = body;
        this.postedAt = at;
        this.postedBy = by;
    }

    public Long getId() { return id; }
    public Long getIssueId() { return issueId; }
    public AuthorKind getAuthorKind() { return authorKind; }
    public String getAuthorName() { return authorName; }
    public String getBody() { return body; }
    public Instant getPostedAt() { return postedAt; }
    public String getPostedBy() { return postedBy; }
}
