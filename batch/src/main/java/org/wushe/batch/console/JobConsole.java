package org.wushe.batch.console;

import jakarta.batch.operations.JobExecutionAlreadyCompleteException;
import jakarta.batch.operations.JobExecutionNotMostRecentException;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.operations.JobStartException;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.wushe.audit.application.AuditLog;
import org.wushe.audit.domain.AuditAction;
import org.wushe.imports.domain.ImportKind;
import org.wushe.imports.domain.Inbox;
import org.wushe.jobs.application.ExecutionView;
import org.wushe.jobs.application.Jobs;
import org.wushe.jobs.domain.JobName;
import org.wushe.security.application.Permissions;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.ConflictException;
import org.wushe.shared.Installation;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.ValidationException;

/**
 * The batch module's side of {@link Jobs}, on the batch runtime's {@link JobOperator}: the jobs of
 * {@link JobName}, their recent executions with per-step counts, and start, stop and restart.
 * Everything here needs {@link Right#OPERATE_JOBS}, except what the application's own timers use
 * ({@link #startUnattended}, {@link #batchStatus}): every start goes through this bean so that the
 * console sees every execution on every server. Runs outside any transaction: the batch runtime
 * keeps its job repository in its own.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobConsole implements Jobs {

    private static final List<String> JOBS = JobName.externalNames();

    /** The job parameter of the import jobs that names a file inside the inbox. */
    static final String FILE = "file";

    private static final Pattern PARAM_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.]{0,39}");

    @EJB
    Permissions permissions;

    @EJB
    AuditLog audit;

    @Override
    public List<String> jobs() {
        permissions.require(Right.OPERATE_JOBS);
        return JOBS;
    }

    @Override
    public List<ExecutionView> recent(int max) {
        permissions.require(Right.OPERATE_JOBS);
        JobOperator op = BatchRuntime.getJobOperator();
        List<ExecutionView> views = new ArrayList<>();
        for (String job : JOBS) {
            List<JobInstance> instances;
            try {
                instances = op.getJobInstances(job, 0, Math.max(1, max));
            } catch (NoSuchJobException never) {
                continue;
            }
            for (JobInstance i : instances) {
                for (JobExecution e : op.getJobExecutions(i)) {
                    views.add(view(op, e, i));
                }
            }
        }
        views.sort(Comparator.comparingLong(ExecutionView::id).reversed());
        return views.size() > max ? views.subList(0, max) : views;
    }

    @Override
    public ExecutionView execution(long id) {
        permissions.require(Right.OPERATE_JOBS);
        JobOperator op = BatchRuntime.getJobOperator();
        try {
            return view(op, op.getJobExecution(id), op.getJobInstance(id));
        } catch (NoSuchJobExecutionException e) {
            throw new NotFoundException("jobExecution", id);
        }
    }

    @Override
    public long start(String job, Map<String, String> parameters) {
        Caller caller = permissions.require(Right.OPERATE_JOBS);
        requireJob(job);
        Properties p = properties(parameters);
        requireInsideInbox(job, p);
        requirePartitions(p);
        long id = launch(job, p);
        operated(caller, id, "started " + job + " " + new TreeMap<>(p));
        return id;
    }

    @Override
    public long startUnattended(String job, Map<String, String> parameters, String by) {
        requireJob(job);
        Properties p = properties(parameters);
        long id = launch(job, p);
        audit.recordSystem(by, AuditAction.JOB_OPERATED, "job_execution", id, "started " + job + " " + new TreeMap<>(p));
        return id;
    }

    private static void requireJob(String job) {
        if (JobName.of(job).isEmpty()) {
            throw ValidationException.of("job", "job.unknown", job == null ? "" : job);
        }
    }

    /** Starts the job on the runtime; a refusal is a conflict naming the job. */
    private static long launch(String job, Properties p) {
        try {
            return BatchRuntime.getJobOperator().start(job, p);
        } catch (JobStartException e) {
            throw new ConflictException("job.notStarted", "job " + job + " did not start: " + e.getMessage(), job);
        }
    }

    @Override
    public String batchStatus(long id) {
        try {
            return BatchRuntime.getJobOperator().getJobExecution(id).getBatchStatus().name();
        } catch (NoSuchJobExecutionException e) {
            throw new NotFoundException("jobExecution", id);
        }
    }

    @Override
    public void stop(long id) {
        Caller caller = permissions.require(Right.OPERATE_JOBS);
        try {
            BatchRuntime.getJobOperator().stop(id);
            operated(caller, id, "stopped " + BatchRuntime.getJobOperator().getJobInstance(id).getJobName());
        } catch (NoSuchJobExecutionException e) {
            throw new NotFoundException("jobExecution", id);
        } catch (JobExecutionNotRunningException e) {
            throw new ConflictException("job.notRunning", "execution " + id + " is not running", id);
        }
    }

    @Override
    public long restart(long id, Map<String, String> parameters) {
        Caller caller = permissions.require(Right.OPERATE_JOBS);
        JobOperator op = BatchRuntime.getJobOperator();
        try {
            Properties p = op.getParameters(id);
            p.putAll(properties(parameters));
            String job = op.getJobInstance(id).getJobName();
            requireInsideInbox(job, p);
            requirePartitions(p);
            long restarted = op.restart(id, p);
            operated(caller, restarted, "restarted " + job + " (execution " + id + ") " + new TreeMap<>(p));
            return restarted;
        } catch (NoSuchJobExecutionException e) {
            throw new NotFoundException("jobExecution", id);
        } catch (JobExecutionAlreadyCompleteException | JobExecutionNotMostRecentException | JobRestartException e) {
            throw new ConflictException("job.notRestartable", "execution " + id + " cannot be restarted: " + e.getMessage(), id);
        }
    }

    @Override
    public long importUpload(ImportKind kind, String submittedName, InputStream content, String encoding) {
        permissions.require(Right.OPERATE_JOBS);
        if (kind == null || content == null) {
            throw ValidationException.of(FILE, "operator.upload.missing");
        }
        String name = safeName(submittedName);
        if (!name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            throw ValidationException.of(FILE, "operator.upload.notCsv", name);
        }
        Inbox inbox = Inbox.at(Installation.inbox());
        Path saved = inbox.uploads().resolve(System.currentTimeMillis() + "-" + name);
        Path part = inbox.uploads().resolve("." + saved.getFileName() + ".part");
        long max = Installation.importUploadMaxBytes();
        try {
            long size;
            try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE_NEW)) {
                size = copy(content, out, max);
            }
            if (size == 0) {
                Files.deleteIfExists(part);
                throw ValidationException.of(FILE, "operator.upload.missing");
            }
            Files.move(part, saved, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(part);
            throw ValidationException.of(FILE, "operator.upload.failed", String.valueOf(e.getMessage()));
        } catch (RuntimeException e) {
            deleteQuietly(part);
            throw e;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(FILE, inbox.nameOf(saved));
        parameters.put("encoding", encoding == null || encoding.isBlank() ? "AUTO" : encoding);
        try {
            return start(JobName.importing(kind).external(), parameters);
        } catch (RuntimeException e) {
            deleteQuietly(saved); // not started: nothing would ever import it
            throw e;
        }
    }

    /**
     * The audit entry of an operator's start, stop or restart (the execution, the job and its
     * parameters: for an import, the file and its kind). The console runs outside a transaction, so
     * the entry is written once the batch runtime has taken the order.
     */
    private void operated(Caller caller, long executionId, String detail) {
        audit.record(caller, AuditAction.JOB_OPERATED, null, "job_execution", executionId, null, null, detail);
    }

    /** The browser's file name reduced to letters, digits and {@code . _ -}, without any directory. */
    static String safeName(String submitted) {
        String last = submitted == null || submitted.isBlank() ? "upload.csv"
                : submitted.substring(Math.max(submitted.lastIndexOf('/'), submitted.lastIndexOf('\\')) + 1);
        String name = last.replaceAll("[^A-Za-z0-9._\\-]", "_");
        return name.isEmpty() || name.chars().allMatch(c -> c == '.') ? "upload.csv" : name;
    }

    private static long copy(InputStream in, OutputStream out, long max) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > max) {
                throw ValidationException.of(FILE, "operator.upload.tooLarge", max / (1024 * 1024));
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover .part file is never imported (not a *.csv at the inbox's top)
        }
    }

    /** The residents import's {@code partitions}, when given, is a whole number from 1 to 8, or the job does not start. */
    static void requirePartitions(Properties p) {
        String v = p.getProperty("partitions");
        if (v == null || v.isBlank()) {
            return;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 1 && n <= 8) {
                return;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ValidationException.of("partitions", "job.partitions.range", v);
    }

    /** The import jobs' {@code file} names a file inside the inbox, or the job does not start. */
    private static void requireInsideInbox(String job, Properties p) {
        String file = p.getProperty(FILE);
        if (JobName.of(job).filter(JobName::isImport).isPresent() && file != null && !file.isBlank()) {
            Inbox.at(Installation.inbox()).file(file);
        }
    }

    private static Properties properties(Map<String, String> parameters) {
        Properties p = new Properties();
        if (parameters == null) {
            return p;
        }
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            if (e.getKey() == null || !PARAM_NAME.matcher(e.getKey()).matches()) {
                throw ValidationException.of("parameters", "job.parameterName", e.getKey() == null ? "" : e.getKey());
            }
            if (e.getValue() != null && !e.getValue().isBlank()) {
                p.setProperty(e.getKey(), e.getValue().trim());
            }
        }
        return p;
    }

    private static ExecutionView view(JobOperator op, JobExecution e, JobInstance i) {
        Map<String, String> params = new TreeMap<>();
        Properties p = e.getJobParameters();
        if (p != null) {
            p.stringPropertyNames().forEach(k -> params.put(k, p.getProperty(k)));
        }
        List<ExecutionView.StepView> steps = new ArrayList<>();
        for (StepExecution s : op.getStepExecutions(e.getExecutionId())) {
            steps.add(new ExecutionView.StepView(s.getStepName(), s.getBatchStatus().name(),
                    s.getStartTime() == null ? null : s.getStartTime().toInstant(),
                    s.getEndTime() == null ? null : s.getEndTime().toInstant(),
                    metric(s, Metric.MetricType.READ_COUNT), metric(s, Metric.MetricType.WRITE_COUNT),
                    metric(s, Metric.MetricType.FILTER_COUNT) + metric(s, Metric.MetricType.READ_SKIP_COUNT)
                            + metric(s, Metric.MetricType.PROCESS_SKIP_COUNT) + metric(s, Metric.MetricType.WRITE_SKIP_COUNT),
                    metric(s, Metric.MetricType.COMMIT_COUNT), metric(s, Metric.MetricType.ROLLBACK_COUNT)));
        }
        BatchStatus status = e.getBatchStatus();
        return new ExecutionView(e.getExecutionId(), i.getInstanceId(), e.getJobName(), params,
                status == null ? "" : status.name(), e.getExitStatus(),
                e.getStartTime() == null ? null : e.getStartTime().toInstant(),
                e.getEndTime() == null ? null : e.getEndTime().toInstant(), steps);
    }

    private static long metric(StepExecution s, Metric.MetricType type) {
        Metric[] metrics = s.getMetrics();
        if (metrics == null) {
            return 0;
        }
        for (Metric m : metrics) {
            if (m.getType() == type) {
                return m.getValue();
            }
        }
        return 0;
    }
}
