package org.wushe.reports.pdf;

import static org.wushe.reports.domain.ReportTexts.list;
import static org.wushe.reports.domain.ReportTexts.text;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wushe.assessment.domain.Figures;
import org.wushe.assessment.domain.Metric;
import org.wushe.reports.domain.CityTally;
import org.wushe.reports.domain.FigureText;

/**
 * The layout of the city's monthly PDF (docs/reports.md), from a finished {@link CityTally}: the
 * sub-districts with the city's total, a chart of their closure rates, the communities with the
 * highest and the lowest closure rate. Pure: no database, no clock.
 */
public final class CityReportLayout {

    /** The figures of the sub-districts' table. */
    static final List<Metric> COLUMNS = List.of(Metric.NEEDS_REGISTERED, Metric.NEEDS_CLOSED, Metric.NEEDS_CLOSURE_RATE,
            Metric.SATISFACTION_AVG, Metric.SERVICES_COMPLETED, Metric.SERVICE_SCORE, Metric.DISTINCT_PARTICIPANTS,
            Metric.ROTATION_SHARE, Metric.INSPECTIONS, Metric.INSPECTION_HOURS);

    private CityReportLayout() {
    }

    /**
     * Writes the city's PDF to {@code out}.
     *
     * @param withoutSnapshot how many communities had no snapshot for the month (named, not listed)
     */
    public static void write(ReportFont font, YearMonth month, CityTally tally, int withoutSnapshot, LocalDateTime generated,
                             OutputStream out) throws IOException {
        Charts charts = new Charts(font);
        String title = text("city.title");
        try (PdfReport pdf = PdfReport.create(font)) {
            pdf.metadata(title + " " + month, title + " " + month, text("report.author"), text("city.keywords", month));
            pdf.title(title).subtitle(text("city.subtitle", month.getYear(), month.getMonthValue(), month));
            pdf.paragraph(text("city.intro", tally.communities(), withoutSnapshot));
            pdf.heading(text("city.subDistricts"));
            List<String> header = new ArrayList<>(list("city.subDistricts.header"));
            COLUMNS.forEach(m -> header.add(FigureText.name(m)));
            boolean[] numeric = new boolean[header.size()];
            Arrays.fill(numeric, true);
            numeric[0] = false;
            Map<String, Figures> bySd = tally.bySubDistrict();
            List<List<String>> rows = new ArrayList<>();
            bySd.forEach((code, f) -> rows.add(row(tally.subDistrictName(code), tally.communitiesOf(code), f)));
            rows.add(row(text("city.total"), tally.communities(), Figures.together(bySd.values())));
            float[] weights = new float[header.size()];
            Arrays.fill(weights, 1.3f);
            weights[0] = 2.6f;
            weights[1] = 1;
            pdf.table(new PdfReport.Table(header, rows, numeric, weights));
            List<Charts.Point> bars = new ArrayList<>();
            bySd.forEach((code, f) -> bars.add(new Charts.Point(tally.subDistrictName(code),
                    FigureText.chart(Metric.NEEDS_CLOSURE_RATE, f.get(Metric.NEEDS_CLOSURE_RATE)))));
            pdf.heading(text("city.chart"));
            pdf.image(charts.bar(text("city.chart.title"), text("city.chart.axis"), text("city.chart.series"), bars, 900, 420),
                    "bySubDistrict", 220);
            pdf.heading(text("city.best"));
            pdf.table(ranking(tally.best()));
            pdf.heading(text("city.worst"));
            pdf.table(ranking(tally.worst()));
            pdf.note(CommunityReportLayout.generated(generated));
            pdf.save(out);
        }
    }

    /** A row of the sub-districts' table: the name, the number of communities, the figures. */
    static List<String> row(String name, int communities, Figures f) {
        List<String> row = new ArrayList<>(List.of(name, String.valueOf(communities)));
        COLUMNS.forEach(m -> row.add(FigureText.display(m, f.get(m))));
        return row;
    }

    /** A ranking table: place, community, sub-district, closure rate and its parts. */
    static PdfReport.Table ranking(List<CityTally.Ranked> ranked) {
        List<List<String>> rows = new ArrayList<>();
        int i = 1;
        for (CityTally.Ranked r : ranked) {
            rows.add(List.of(String.valueOf(i++), r.code() + " " + r.name(), r.subDistrict(),
                    FigureText.display(Metric.NEEDS_CLOSURE_RATE, Optional.of(r.rate())),
                    FigureText.display(Metric.NEEDS_CLOSED, r.figures().get(Metric.NEEDS_CLOSED)),
                    FigureText.display(Metric.NEEDS_OPEN_BASE, r.figures().get(Metric.NEEDS_OPEN_BASE))));
        }
        return new PdfReport.Table(list("city.ranking.header"), rows,
                new boolean[] {true, false, false, true, true, true}, new float[] {1, 4, 3, 2, 2, 2});
    }
}
