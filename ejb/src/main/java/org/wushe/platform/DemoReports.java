package org.wushe.platform;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.YearMonth;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.wushe.jobs.application.Jobs;
import org.wushe.jobs.domain.JobName;

/**
 * Last month's monthly reports of the demo city, written once right after the demo city is loaded:
 * the loader asks for them inside its transaction, which makes a one-time timer; the container
 * starts the timer only once that transaction has committed (a rolled-back load asks for nothing),
 * and the timer starts {@code reports-monthly} for the month like any other execution (the operator
 * console lists it). Used by {@link DemoCityLoader} only, so never on a production installation.
 */
@Singleton
public class DemoReports {

    private static final Logger LOG = Logger.getLogger(DemoReports.class.getName());

    /** How long after the commit the job starts (the deployment has finished by then). */
    private static final long DELAY_MS = 3_000;
    private static final long RETRY_MS = 10_000;
    private static final int ATTEMPTS = 10;

    @Resource
    TimerService timers;

    @EJB
    Jobs jobs;

    /** Asks for the month's reports once the caller's transaction commits. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void afterCommit(YearMonth month) {
        timers.createSingleActionTimer(DELAY_MS, new TimerConfig(month.toString(), false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void run(Timer timer) {
        String[] info = String.valueOf(timer.getInfo()).split(" ");
        String month = info[0];
        int attempt = info.length > 1 ? Integer.parseInt(info[1]) : 1;
        try {
            // Through the console's bean, so that the console shows the execution on every server.
            long id = jobs.startUnattended(JobName.REPORTS_MONTHLY.external(), Map.of("month", month), "demo city");
            LOG.info(() -> "Demo city: " + JobName.REPORTS_MONTHLY.external() + " for " + month + " started, execution " + id);
        } catch (RuntimeException e) {
            if (attempt < ATTEMPTS) {
                // the batch runtime may not take jobs while the application is still being deployed
                timers.createSingleActionTimer(RETRY_MS, new TimerConfig(month + " " + (attempt + 1), false));
                LOG.info(() -> "Demo city: last month's reports not started yet (" + e + "), trying again");
            } else {
                LOG.log(Level.WARNING, "Demo city: last month's reports did not start (the operator can start "
                        + JobName.REPORTS_MONTHLY.external() + " for " + month + ")", e);
            }
        }
    }
}
