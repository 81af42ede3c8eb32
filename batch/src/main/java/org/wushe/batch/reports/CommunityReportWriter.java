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
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.wushe.assessment.domain.Metric;
import org.wushe.reports.application.MonthlyReports;
import org.wushe.reports.application.ReportOutput;
import org.wushe.reports.application.ReportSnapshots;
import org.wushe.reports.pdf.ReportFont;

/**
 * Writes each community's PDF and CSV for the month, one community at a time, with the city
 * medians and the report font read once when the step opens.
 */
@Named
@Dependent
public class CommunityReportWriter extends AbstractItemWriter {

    @Inject
    @BatchProperty
    String month;

    @Inject
    JobContext job;

    @EJB
    MonthlyReports reports;

    @EJB
    ReportSnapshots snapshots;

    private YearMonth period;
    private Map<Metric, BigDecimal> medians;
    private ReportOutput output;
    private ReportFont.Parsed font;

    @Override
    public void open(Serializable checkpoint) {
        period = reports.month(month);
        output = ReportRun.output(job);
        medians = snapshots.cityMedians(period);
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
            reports.writeCommunity((Long) id, period, medians, output, font);
        }
    }
}
