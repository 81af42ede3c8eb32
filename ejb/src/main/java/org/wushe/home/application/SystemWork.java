package org.wushe.home.application;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.wushe.jobs.application.ExecutionView;
import org.wushe.jobs.application.Jobs;
import org.wushe.reports.application.ReportFiles;

/** The lines of "my work" of the operators (failed jobs) and the officers (the month's reports). */
@Dependent
class SystemWork {

    /** Failed or stopped executions are shown for this many days after they started. */
    static final Duration JOB_WINDOW = Duration.ofDays(7);

    /** How many of the latest executions are looked at (the nightly run starts a handful a day). */
    static final int RECENT = 100;

    @EJB
    Jobs jobs;

    @Inject
    ReportFiles reportFiles;

    @Inject
    Clock clock;

    /**
     * Executions of the last week that ended FAILED or STOPPED and whose job instance has not been
     * completed since by a restart; the oldest is the first of them.
     */
    void jobsFailed(Instant now, List<WorkLine> lines) {
        List<ExecutionView> recent = jobs.recent(RECENT);
        Set<Long> completed = recent.stream().filter(e -> "COMPLETED".equals(e.status()))
                .map(ExecutionView::instanceId).collect(Collectors.toSet());
        List<ExecutionView> failed = recent.stream()
                .filter(e -> "FAILED".equals(e.status()) || "STOPPED".equals(e.status()))
                .filter(e -> e.start() != null && !e.start().isBefore(now.minus(JOB_WINDOW)))
                .filter(e -> !completed.contains(e.instanceId())).toList();
        Instant oldest = failed.stream().map(ExecutionView::start).min(Instant::compareTo).orElse(null);
        MyWork.add(lines, now, "jobsFailed", failed.size(), oldest, null, "/operator/jobs", Map.of());
    }

    /** Last month's report files in the officer's scope, ready to read on the dashboard of that month. */
    void reportsReady(Instant now, List<WorkLine> lines) {
        String month = YearMonth.from(now.atZone(clock.getZone())).minusMonths(1).toString();
        MyWork.add(lines, now, "reportsReady", reportFiles.count(month), null, null, "/assessment/dashboard",
                Map.of("month", month));
    }
}
