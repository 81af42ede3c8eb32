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
import java.io.UncheckedIOException;
import java.util.List;
import org.wushe.reports.application.MonthlyReports;
import org.wushe.reports.application.ReportOutput;
import org.wushe.batch.support.JobProperties;
import org.wushe.reports.pdf.ReportFont;

/**
 * Writes the PDF and CSV of each community the filter let through ({@link CommunityReportFilter}),
 * one community at a time, in the report font parsed when the step opens and parsed again after
 * every {@link #DOCUMENTS_PER_FONT} communities: the parsed font keeps state of every document
 * written with it, and the heap grew with the documents of a partition (docs/benchmarks.md).
 */
@Named
@Dependent
public class CommunityReportWriter extends AbstractItemWriter {

    @Inject
    JobContext job;

    @EJB
    MonthlyReports reports;

    /** How many communities are written with one parsed font before it is parsed again (job property fontReuse). */
    static final int DOCUMENTS_PER_FONT = 100;

    @Inject
    @BatchProperty
    String fontReuse;

    private int perFont;
    private ReportOutput output;
    private ReportFont.Parsed font;
    private int written;

    @Override
    public void open(Serializable checkpoint) {
        output = ReportRun.output(job);
        perFont = fontReuse == null || fontReuse.isBlank() ? DOCUMENTS_PER_FONT
                : JobProperties.positive("fontReuse", fontReuse);
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
            if (written > 0 && written % perFont == 0) {
                ReportFont.Parsed used = font;
                font = null;
                try {
                    used.close();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot close the report font", e);
                }
                font = ReportFont.at(output.font()).parse();
            }
            reports.write((MonthlyReports.CommunityDue) due, output, font);
            written++;
        }
    }
}
