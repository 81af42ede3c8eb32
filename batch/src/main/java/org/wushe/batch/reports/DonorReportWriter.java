package org.wushe.batch.reports;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.YearMonth;
import java.util.List;
import org.wushe.fund.application.DonorReport;
import org.wushe.reports.application.MonthlyReports;
import org.wushe.reports.application.ReportOutput;
import org.wushe.reports.pdf.ReportFont;

/**
 * Writes the month's donor reports (DONOR_PDF) of each community, one community at a time: one per
 * donor who gave in the month or whose money of the year so far was spent in the month
 * (docs/fund.md, "Monthly donor reports"), in the report font read once when the step opens.
 */
@Named
@Dependent
public class DonorReportWriter extends AbstractItemWriter {

    @Inject
    @BatchProperty
    String month;

    @Inject
    JobContext job;

    @EJB
    MonthlyReports reports;

    @EJB
    DonorReport donors;

    private YearMonth period;
    private ReportOutput output;
    private ReportFont.Parsed font;

    @Override
    public void open(Serializable checkpoint) {
        period = reports.month(month);
        output = ReportRun.output(job);
        font = ReportFont.at(output.font()).parse();
    }

    @Override
    public void close() throws IOException {
        if (font != null) {
            font.close();
            font = null;
        }
    }

    @Override
    public void writeItems(List<Object> items) {
        for (Object id : items) {
            donors.writeMonth((Long) id, period, output, font);
        }
    }
}
