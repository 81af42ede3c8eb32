package org.wushe.batch.reports;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.wushe.reports.application.MonthlyReports;
import org.wushe.reports.application.ReportSnapshots;

/**
 * Lets through the communities that have a snapshot for the month; the others are skipped, and
 * the operator console counts them as skipped.
 */
@Named
@Dependent
public class SnapshotFilter implements ItemProcessor {

    @Inject
    @BatchProperty
    String month;

    @EJB
    MonthlyReports reports;

    @EJB
    ReportSnapshots snapshots;

    @Override
    public Object processItem(Object item) {
        return snapshots.hasSnapshot((Long) item, reports.month(month)) ? item : null;
    }
}
