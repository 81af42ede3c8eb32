package org.wushe.reports.pdf;

import static org.wushe.reports.domain.ReportTexts.list;
import static org.wushe.reports.domain.ReportTexts.text;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wushe.assessment.application.FundShares;
import org.wushe.assessment.domain.Figures;
import org.wushe.assessment.domain.Metric;
import org.wushe.fund.domain.Money;
import org.wushe.reports.domain.FigureText;
import org.wushe.reports.domain.Place;

/**
 * The layout of a community's monthly PDF (docs/reports.md), from figures already read: every
 * figure with the city median, the twelve-month trend of the closure rate, a chart of the month's
 * key counts, the fund's category shares against their limits. Pure: no database, no clock.
 */
public final class CommunityReportLayout {

    /** The key figures of the bar chart (counts of the month). */
    static final List<Metric> KEY = List.of(Metric.NEEDS_REGISTERED, Metric.NEEDS_CLOSED,
            Metric.SERVICES_COMPLETED, Metric.DISTINCT_PARTICIPANTS, Metric.ATTENDANCES, Metric.INSPECTIONS);

    /**
     * What one community report shows.
     *
     * @param trend the twelve months up to {@code month}, in order (a month without a closure rate is a gap)
     * @param categoryNames the fund categories' names by code (the code stands in for a missing name)
     */
    public record Content(Place place, YearMonth month, Figures figures, Map<Metric, BigDecimal> medians,
                          Map<YearMonth, Figures> trend, List<FundShares.Row> fund, Map<String, String> categoryNames,
                          LocalDateTime generated) {
    }

    private CommunityReportLayout() {
    }

    /** Writes the community's PDF in the parsed report font to {@code out}. */
    public static void write(ReportFont.Parsed font, Content c, OutputStream out) throws IOException {
        Charts charts = new Charts(font.source());
        Place place = c.place();
        YearMonth month = c.month();
        String title = text("community.title", place.name());
        try (PdfReport pdf = PdfReport.create(font)) {
            pdf.metadata(title + " " + month, text("community.subject", month), text("report.author"),
                    text("community.keywords", place.code(), month));
            pdf.title(title).subtitle(text("community.subtitle", place.name(), place.code(), place.subDistrictName(),
                    month.getYear(), month.getMonthValue(), month));
            pdf.paragraph(text("community.intro"));
            pdf.heading(text("community.figures"));
            List<List<String>> rows = new ArrayList<>();
            for (Metric m : FigureText.ORDER) {
                rows.add(List.of(FigureText.name(m), FigureText.display(m, c.figures().get(m)), FigureText.unit(m),
                        FigureText.display(m, Optional.ofNullable(c.medians().get(m)))));
            }
            pdf.table(new PdfReport.Table(list("community.figures.header"), rows,
                    new boolean[] {false, true, false, true}, new float[] {4, 2, 1.2f, 2}));
            pdf.heading(text("community.trend"));
            List<Charts.Point> points = new ArrayList<>();
            // a month without a closure rate (no snapshot, or no need to close) is a gap, not a 0
            c.trend().forEach((m, tf) -> points.add(new Charts.Point(m.toString(), tf.get(Metric.NEEDS_CLOSURE_RATE)
                    .map(v -> FigureText.chart(Metric.NEEDS_CLOSURE_RATE, Optional.of(v))).orElse(null))));
            pdf.image(charts.line(text("community.trend.title"), text("community.trend.axis"), text("community.trend.series"),
                    points, 900, 420), "trend", 210);
            pdf.heading(text("community.key"));
            List<Charts.Point> key = new ArrayList<>();
            for (Metric m : KEY) {
                key.add(new Charts.Point(FigureText.name(m), FigureText.chart(m, c.figures().get(m))));
            }
            pdf.image(charts.bar(text("community.key.title"), text("community.key.axis"), text("community.key.series"),
                    key, 900, 420), "key", 210);
            pdf.heading(text("community.fund"));
            if (c.fund().isEmpty()) {
                pdf.paragraph(text("community.fund.empty"));
            } else {
                pdf.table(new PdfReport.Table(list("community.fund.header"), fundRows(c.fund(), c.categoryNames()),
                        new boolean[] {false, true, true, true, true, false}, new float[] {2.2f, 2, 1.4f, 2, 1.4f, 3}));
                pdf.note(text("community.fund.note"));
            }
            pdf.note(generated(c.generated()));
            pdf.save(out);
        }
    }

    /** The fund table's rows: category, allocation and its share, spending and its share, the limits. */
    static List<List<String>> fundRows(List<FundShares.Row> fund, Map<String, String> names) {
        List<List<String>> rows = new ArrayList<>();
        for (FundShares.Row r : fund) {
            rows.add(List.of(names.getOrDefault(r.categoryCode(), r.categoryCode()),
                    Money.format(r.allocatedFen()),
                    Money.percent(r.allocatedBp()) + (r.allocatedBroken() ? text("report.overLimit") : ""),
                    Money.format(r.spentFen()),
                    Money.percent(r.spentBp()) + (r.spentBroken() ? text("report.overLimit") : ""),
                    r.limitsZh().isEmpty() ? text("report.none") : r.limitsZh() + (r.breaking() ? text("report.breakingLimit") : "")));
        }
        return rows;
    }

    /** The note of when a report was generated, to the second. */
    static String generated(LocalDateTime at) {
        return text("report.generated", at.withNano(0).toString().replace('T', ' '));
    }
}
