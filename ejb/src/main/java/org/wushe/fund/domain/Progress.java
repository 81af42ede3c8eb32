package org.wushe.fund.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A progress update of a project: what was done, in words; its photos are {@link FundFile}s. */
@Entity
@Table(name = "fund_progress")
public class Progress {

    /** The most photos one update may carry. */
    public static final int MAX_PHOTOS = 6;

    @Id
    @SequenceGenerator(name = "fund_row_seq", sequenceName = "fund_row_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "fund_row_seq")
    private Long id;

    @Column(name = "project_id", nullable = false)
    private Long projectId;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Column(nullable = false, length = 2000)
    private String body;

    @Column(name = "reported_on", nullable = false)
    private LocalDate reportedOn;

    @Column(name = "reported_at", nullable = false)
    private Instant reportedAt;

    @Column(name = "reported_by", nullable = false, length = 50)
    private String reportedBy;

    protected Progress() {
    }

    public Progress(Long projectId, Long communityId, String body, LocalDate reportedOn, Instant reportedAt,
                    String reportedBy) {
        this.projectId = projectId;
        this.communityId = communityId;
        this.body = body;
        this.reportedOn = reportedOn;
        this.reportedAt = reportedAt;
        this.reportedBy = reportedBy;
    }

    public Long getId() { return id; }
    public Long getProjectId() { return projectId; }
    public Long getCommunityId() { return communityId; }
    public String getBody() { return body; }
    public LocalDate getReportedOn() { return reportedOn; }
    public Instant getReportedAt() { return reportedAt; }
    public String getReportedBy() { return reportedBy; }
}
