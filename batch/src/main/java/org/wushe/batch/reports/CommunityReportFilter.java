package org.wushe.batch.reports;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import org.wushe.assessment.domain.Metric;
import org.wushe.reports.application.MonthlyReports;
import org.wushe.reports.application.ReportSnapshots;
import org.wushe.shared.Installation;

/**
 * Lets through the communities whose files for the month are to be written, with what they show
 * ({@link MonthlyReports#due}); the others are counted as skipped by the operator console: those
 * without a snapshot for the month, and those whose files on record show exactly what they would
 * show now (unless the job parameter {@code rewrite} is {@code true}). The city medians, the
 * category names and the font are read once, at the first community of the partition.
 */
@Named
@Dependent
public class CommunityReportFilter implements ItemProcessor {

    @Inject
    @BatchProperty
    String month;

    @Inject
    @BatchProperty
    String rewrite;

    @EJB
    MonthlyReports reports;

    @EJB
    ReportSnapshots snapshots;

    private YearMonth period;
    private Map<Metric, BigDecimal> medians;
    private Map<String, String> names;
    private String font;
    private boolean all;

    @Override
    public Object processItem(Object item) {
        if (period == null) {
            period = reports.month(month);
            medians = snapshots.cityMedians(period);
            names = snapshots.categoryNames();
            font = MonthlyReports.fontIdentity(Installation.reportsFont());
            all = Boolean.parseBoolean(rewrite == null ? "false" : rewrite.trim());
        }
        return reports.due((Long) item, period, medians, names, font, all).orElse(null);
    }
}
