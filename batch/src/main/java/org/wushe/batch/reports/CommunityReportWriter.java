package org.wushe.batch.reports;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.wushe.reports.application.MonthlyReports;
import org.wushe.reports.application.ReportOutput;
import org.wushe.reports.pdf.ReportFont;

/**
 * Writes the PDF and CSV of each community the filter let through ({@link CommunityReportFilter}),
 * one community at a time, all in the report font parsed once when the partition opens: a document
 * leaves nothing behind in the parsed font (each embeds its own subset of it), so the live heap of
 * a partition does not grow with the communities it writes (docs/benchmarks.md, bench/ReportHeap.java).
 */
@Named
@Dependent
public class CommunityReportWriter extends AbstractItemWriter {

    @Inject
    JobContext job;

    @EJB
    MonthlyReports reports;

    private ReportOutput output;
    private ReportFont.Parsed font;

    @Override
    public void open(Serializable checkpoint) {
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
        for (Object due : items) {
            reports.write((MonthlyReports.CommunityDue) due, output, font);
        }
    }
}
