package org.wushe.batch.console;

import jakarta.batch.operations.JobExecutionAlreadyCompleteException;
import jakarta.batch.operations.JobExecutionNotMostRecentException;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.operations.JobStartException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.operations.NoSuchJobException;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.wushe.security.application.Permissions;
import org.wushe.security.domain.Right;
import org.wushe.shared.ConflictException;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.ValidationException;

/**
 * The IT operator's hold on the batch jobs: the jobs there are, their recent executions with
 * per-step counts, and start, stop and restart. Everything here needs {@link Right#OPERATE_JOBS}.
 * Runs outside any transaction: the batch runtime keeps its job repository in its own.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobConsole {

    /** The jobs of the application, in the order the nightly run takes them. */
    public static final List<String> JOBS = List.of("grids-import", "residents-import", "volunteers-import",
            "points-settle", "assessment-run", "reports-monthly");

    private static final Pattern PARAM_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.]{0,39}");

    @EJB
    Permissions permissions;

    public List<String> jobs() {
        permissions.require(Right.OPERATE_JOBS);
        return JOBS;
    }

    /** The latest executions over all jobs, newest first. */
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

    public ExecutionView execution(long id) {
        permissions.require(Right.OPERATE_JOBS);
        JobOperator op = BatchRuntime.getJobOperator();
        try {
            return view(op, op.getJobExecution(id), op.getJobInstance(id));
        } catch (NoSuchJobExecutionException e) {
            throw new NotFoundException("jobExecution", id);
        }
    }

    /** Starts a job; parameters not given take the job XML's defaults. @return the execution id */
    public long start(String job, Map<String, String> parameters) {
        permissions.require(Right.OPERATE_JOBS);
        if (job == null || !JOBS.contains(job)) {
            throw ValidationException.of("job", "job.unknown", job == null ? "" : job);
        }
        try {
            return BatchRuntime.getJobOperator().start(job, properties(parameters));
        } catch (JobStartException e) {
            throw new ConflictException("job.notStarted", "job " + job + " did not start: " + e.getMessage(), job);
        }
    }

    /** Asks a running execution to stop at its next checkpoint. */
    public void stop(long id) {
        permissions.require(Right.OPERATE_JOBS);
        try {
            BatchRuntime.getJobOperator().stop(id);
        } catch (NoSuchJobExecutionException e) {
            throw new NotFoundException("jobExecution", id);
        } catch (JobExecutionNotRunningException e) {
            throw new ConflictException("job.notRunning", "execution " + id + " is not running", id);
        }
    }

    /** Restarts a stopped or failed execution from its last checkpoint. @return the new execution id */
    public long restart(long id, Map<String, String> parameters) {
        permissions.require(Right.OPERATE_JOBS);
        JobOperator op = BatchRuntime.getJobOperator();
        try {
            Properties p = op.getParameters(id);
            p.putAll(properties(parameters));
            return op.restart(id, p);
        } catch (NoSuchJobExecutionException e) {
            throw new NotFoundException("jobExecution", id);
        } catch (JobExecutionAlreadyCompleteException | JobExecutionNotMostRecentException | JobRestartException e) {
            throw new ConflictException("job.notRestartable", "execution " + id + " cannot be restarted: " + e.getMessage(), id);
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
