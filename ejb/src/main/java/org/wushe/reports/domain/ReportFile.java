package org.wushe.reports.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A report file written under the reports directory: its kind, community (none for a city-wide
 * file), period ({@code yyyy-MM}), where it lies, its size and SHA-256, and the job execution that
 * wrote it (none for a report made on demand), and a digest of what it shows. Written once; a new
 * run of the period replaces the row together with the file, or keeps both when what the file
 * shows has not changed.
 */
@Entity
@Table(name = "report_file")
public class ReportFile {

    @Id
    @SequenceGenerator(name = "report_file_seq", sequenceName = "report_file_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "report_file_seq")
    private Long id;

    @Column(name = "job_execution_id")
    private Long jobExecutionId;

    @Column(name = "job_name", length = 40)
    private String jobName;

    @Enumerated(EnumType.STRING)
    @Column(name = "report_kind", nullable = false, length = 40)
    private ReportKind kind;

    @Column(name = "community_id")
    private Long communityId;

    @Column(name = "report_period", nullable = false, length = 7)
    private String period;

    @Column(name = "file_name", nullable = false, length = 200)
    private String fileName;

    @Column(name = "file_path", nullable = false, length = 1000)
    private String path;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** A digest of what the file shows (not of its bytes), when the writer knows it; see V31. */
    @Column(name = "source_digest", length = 64)
    private String sourceDigest;

    protected ReportFile() {
    }

    public ReportFile(Long jobExecutionId, String jobName, ReportKind kind, Long communityId, String period,
                      String fileName, String path, long size, String sha256, Instant createdAt) {
        this.jobExecutionId = jobExecutionId;
        this.jobName = jobName;
        this.kind = kind;
        this.communityId = communityId;
        this.period = period;
        this.fileName = fileName;
        this.path = path;
        this.size = size;
        this.sha256 = sha256;
        this.createdAt = createdAt;
    }

    public ReportFile withSourceDigest(String digest) {
        this.sourceDigest = digest;
        return this;
    }

    public Long getId() {
        return id;
    }

    public Long getJobExecutionId() {
        return jobExecutionId;
    }

    public String getJobName() {
        return jobName;
    }

    public ReportKind getKind() {
        return kind;
    }

    public Long getCommunityId() {
        return communityId;
    }

    public String getPeriod() {
        return period;
    }

    public String getFileName() {
        return fileName;
    }

    public String getPath() {
        return path;
    }

    public long getSize() {
        return size;
    }

    public String getSha256() {
        return sha256;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getSourceDigest() {
        return sourceDigest;
    }
}
