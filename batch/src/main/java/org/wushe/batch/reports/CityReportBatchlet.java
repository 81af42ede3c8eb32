package org.wushe.batch.reports;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.wushe.reports.application.MonthlyReports;

/** Writes the city-wide PDF and CSV of the month; its exit status says how many communities had no snapshot. */
@Named
@Dependent
public class CityReportBatchlet extends AbstractBatchlet {

    @Inject
    @BatchProperty
    String month;

    @Inject
    JobContext job;

    @EJB
    MonthlyReports reports;

    @Override
    public String process() {
        MonthlyReports.CityResult r = reports.writeCity(reports.month(month), ReportRun.output(job));
        return "COMMUNITIES " + r.communities() + " WITHOUT_SNAPSHOT " + r.withoutSnapshot();
    }
}
