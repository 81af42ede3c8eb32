package org.wushe.imports.domain;

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

/**
 * One import of one file: what kind, which file, who or which job started it, and how many lines
 * were read, stored new, changed, left unchanged and refused. Changes to residents made by the run
 * are recorded in their history as made by {@link #changedBy()}.
 */
@Entity
@Table(name = "import_run")
public class ImportRun {

    /**
     * RUNNING while lines are read; COMPLETED or FAILED (the file could not be read to its end) when
     * it ended; STOPPED when the job running it stopped or failed before its end: a restart of that
     * job execution goes on with the same run from its last checkpoint.
     */
    public enum Status { RUNNING, COMPLETED, FAILED, STOPPED }

    @Id
    @SequenceGenerator(name = "import_run_seq", sequenceName = "import_run_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "import_run_seq")
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "import_kind", nullable = false, length = 20)
    private ImportKind kind;

    @Column(name = "file_name", nullable = false, length = 255)
    private String fileName;

    @Column(name = "charset_name", length = 20)
    private String charset;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status;

    @Column(name = "started_by", nullable = false, length = 50)
    private String startedBy;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "lines_read", nullable = false)
    private long linesRead;

    @Column(nullable = false)
    private long inserted;

    @Column(nullable = false)
    private long updated;

    @Column(nullable = false)
    private long unchanged;

    @Column(nullable = false)
    private long rejected;

    @Column(name = "job_execution_id")
    private Long jobExecutionId;

    @Column(name = "lines_total")
    private Long linesTotal;

    @Column(name = "line_at", nullable = false)
    private long lineAt;

    @Column(name = "report_path", length = 500)
    private String reportPath;

    /** The partitions of the job that read the file (each stores the lines that fall to it); 1 for most runs. */
    @Column(nullable = false)
    private int parts = 1;

    /** The file the run reads, for a restart of its job; null for runs without a job. */
    @Column(name = "file_path", length = 1000)
    private String filePath;

    /** The job instance whose partitions read it (its restarts go on with it); null for runs without a job. */
    @Column(name = "job_instance_id")
    private Long jobInstanceId;

    @Version
    private int version;

    protected ImportRun() {
    }

    public ImportRun(ImportKind kind, String fileName, String startedBy, Instant now) {
        this.kind = kind;
        String name = fileName == null || fileName.isBlank() ? "?" : fileName.strip();
        this.fileName = name.length() > 255 ? name.substring(name.length() - 255) : name;
        this.startedBy = startedBy == null || startedBy.isBlank() ? "system"
                : startedBy.length() > 50 ? startedBy.substring(0, 50) : startedBy;
        this.startedAt = now;
        this.status = Status.RUNNING;
    }

    /** The job execution that runs it (a job's import), or null. */
    public void runBy(Long executionId) {
        this.jobExecutionId = executionId;
    }

    /**
     * Read by {@code partitions} partitions (at least 1) of a job instance, from {@code path} (kept only
     * when it fits its column: a restart then cannot go on with the run).
     */
    public void readBy(long instanceId, int partitions, String path) {
        this.jobInstanceId = instanceId;
        this.parts = Math.max(1, partitions);
        this.filePath = path == null || path.length() > 1000 ? null : path;
    }

    /** Goes on after a stop (a restart of the job), run by the restart's execution. */
    public void resume(Long executionId) {
        this.status = Status.RUNNING;
        this.jobExecutionId = executionId;
        this.finishedAt = null;
    }

    /** The lines of the run's file, header included (the console's progress is the line reached of these). */
    public void total(long lines) {
        this.linesTotal = Math.max(0, lines);
    }

    /** Ends the run; the counts were added chunk by chunk in the database. */
    public void finish(Status end, String charsetName, String report, Instant now) {
        if (end == Status.COMPLETED && linesTotal != null) {
            this.lineAt = linesTotal;
        }
        this.status = end;
        this.charset = charsetName;
        this.reportPath = report == null || report.length() <= 500 ? report : null;
        this.finishedAt = now;
    }

    /** The author of the run's changes in residents' histories, e.g. {@code import#150}. */
    public String changedBy() {
        return changedBy(id);
    }

    public static String changedBy(long runId) {
        return "import#" + runId;
    }

    public Long getId() {
        return id;
    }

    public ImportKind getKind() {
        return kind;
    }

    public String getFileName() {
        return fileName;
    }

    public String getCharset() {
        return charset;
    }

    public Status getStatus() {
        return status;
    }

    public String getStartedBy() {
        return startedBy;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public long getLinesRead() {
        return linesRead;
    }

    public long getInserted() {
        return inserted;
    }

    public long getUpdated() {
        return updated;
    }

    public long getUnchanged() {
        return unchanged;
    }

    public long getRejected() {
        return rejected;
    }

    /** The lines of the file (header included), counted when the run began; null for runs before this was kept. */
    public Long getLinesTotal() {
        return linesTotal;
    }

    /** The line the run's last committed chunk reached. */
    public long getLineAt() {
        return lineAt;
    }

    public Long getJobExecutionId() {
        return jobExecutionId;
    }

    public String getReportPath() {
        return reportPath;
    }

    public int getParts() {
        return parts;
    }

    public String getFilePath() {
        return filePath;
    }
}
