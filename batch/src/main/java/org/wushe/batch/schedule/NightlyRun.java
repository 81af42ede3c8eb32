package org.wushe.batch.schedule;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import org.wushe.jobs.application.Jobs;
import org.wushe.jobs.application.NightlyLease;
import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.wushe.jobs.domain.JobName;

/**
 * Runs the nightly jobs one after the other at the configured time ({@link NightlySchedule}): each
 * starts when the one before has ended, whatever its outcome, and the operator console shows them
 * like any other execution. With several nodes on one database every node's timer fires and only
 * the node that claims the night ({@link NightlyLease}) runs it.
 */
@Singleton
@Startup
public class NightlyRun {

    private static final Logger LOG = Logger.getLogger(NightlyRun.class.getName());
    private static final Set<BatchStatus> ENDED = EnumSet.of(BatchStatus.COMPLETED, BatchStatus.FAILED,
            BatchStatus.STOPPED, BatchStatus.ABANDONED);

    @Resource
    TimerService timers;

    @EJB
    NightlyLease lease;

    @EJB
    Jobs jobs;

    @Inject
    Clock clock;

    private NightlySchedule schedule;

    @PostConstruct
    void plan() {
        schedule = NightlySchedule.load();
        timers.getTimers().forEach(Timer::cancel);
        if (!schedule.enabled()) {
            LOG.info("nightly run is off (wushe.nightly.at=off)");
            return;
        }
        ScheduleExpression at = new ScheduleExpression().hour(schedule.at().getHour()).minute(schedule.at().getMinute())
                .second(0);
        timers.createCalendarTimer(at, new TimerConfig("nightly", false));
        LOG.info(() -> "nightly run at " + schedule.at() + ": " + schedule.jobs());
        schedule.jobs().stream().filter(j -> JobName.of(j).isEmpty())
                .forEach(j -> LOG.warning(() -> "nightly run: this version has no job named " + j + "; it is skipped"));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void run(Timer timer) {
        LocalDate night = LocalDate.now(clock);
        String node = org.wushe.shared.Installation.nodeName();
        if (!lease.claim(night, node)) {
            LOG.info(() -> "nightly run of " + night + ": another node holds it (" + lease.holder().map(
                    NightlyLease.Holder::node).orElse("?") + "); not run here");
            return;
        }
        LOG.info(() -> "nightly run of " + night + ": claimed by this node (" + node + ")");
        for (String job : schedule.jobs()) {
            if (JobName.of(job).isEmpty()) {
                continue; // named in the configuration, not (yet) in this version: reported at start-up
            }
            try {
                // Through the console's bean, so that the console shows the night's executions on
                // every server (Payara shows an execution only to the bean that started it).
                long id = jobs.startUnattended(job, Map.of(), "nightly run (" + node + ")");
                BatchStatus status = BatchStatus.valueOf(jobs.batchStatus(id));
                while (!ENDED.contains(status)) {
                    Thread.sleep(2_000);
                    status = BatchStatus.valueOf(jobs.batchStatus(id));
                }
                BatchStatus ended = status;
                LOG.info(() -> "nightly run: " + job + " execution " + id + " " + ended);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "nightly run: " + job + " did not run", e);
            }
        }
    }
}
