package org.wushe.batch.support;

import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.wushe.jobs.application.JobAlerts;

/**
 * The one listener every job of {@code META-INF/batch-jobs} names: when an execution ends FAILED or
 * STOPPED, the operators are notified ({@link JobAlerts}, in a transaction of its own). A failure
 * to notify is logged and never changes how the job ended.
 */
@Named
@Dependent
public class JobEndListener extends AbstractJobListener {

    private static final Logger LOG = Logger.getLogger(JobEndListener.class.getName());

    @Inject
    JobContext job;

    @EJB
    JobAlerts alerts;

    @Override
    public void afterJob() {
        BatchStatus status = job.getBatchStatus();
        String end = status == BatchStatus.STOPPING ? BatchStatus.STOPPED.name() : String.valueOf(status);
        if (!JobAlerts.ALERTING.contains(end)) {
            return;
        }
        try {
            int told = alerts.ended(job.getExecutionId(), job.getJobName(), end);
            LOG.info(() -> job.getJobName() + " execution " + job.getExecutionId() + " ended " + end + ": "
                    + told + " operator(s) notified");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, job.getJobName() + " execution " + job.getExecutionId() + " ended " + end
                    + ", and the operators could not be notified", e);
        }
    }
}
