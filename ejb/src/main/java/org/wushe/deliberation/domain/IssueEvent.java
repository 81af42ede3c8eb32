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

/** One step in an issue's history: raised, reclassified (with the reason), proposal submitted, vetoed, voted, decided... */
@Entity
@Table(name = "delib_event")
public class IssueEvent {

    @Id
    @SequenceGenerator(name = "delib_event_seq", sequenceName = "delib_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "delib_event_seq")
    private Long id;

    @Column(name = "issue_id", nullable = false)
    private Long issueId;

    @Column(nullable = false, length = 30)
    private String kind;

    @Column(length = 4000)
    private String detail;

    @Column(name = "happened_at", nullable = false)
    private Instant happenedAt;

    @Column(nullable = false, length = 50)
    private String actor;

    protected IssueEvent() {
    }

    public IssueEvent(Long issueId, String kind, String detail, Instant at, String actor) {
        this.issueId = issueId;
        this.kind = kind;
        this.detail = detail == null || detail.length() <= 4000 ? detail : detail.substring(0, 4000);
        this.happenedAt = at;
        this.actor = actor;
    }

    public Long getId() { return id; }
    public Long getIssueId() { return issueId; }
    public String getKind() { return kind; }
    public String getDetail() { return detail; }
    public Instant getHappenedAt() { return happenedAt; }
    public String getActor() { return actor; }
}
