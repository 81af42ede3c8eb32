package org.wushe.web.assessment;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;
import org.wushe.assessment.application.AssessmentService;
import org.wushe.assessment.domain.Figures;
import org.wushe.assessment.domain.Metric;
import org.wushe.reports.application.ReportFileView;
import org.wushe.reports.application.ReportFiles;
import org.wushe.shared.ValidationException;
import org.wushe.web.support.Actions;
import org.wushe.web.support.Messages;

/**
 * The assessment dashboard: a month of the caller's scope, row by row (sub-districts, or the
 * communities of one), with the total, a chart of the closure rate per row and the twelve-month
 * trend of needs registered and closed. Snapshots only.
 */
@Named
@ViewScoped
public class DashboardBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    AssessmentService assessment;

    private String month = YearMonth.from(LocalDate.now().minusDays(1)).toString();
    private String subDistrict;
    private AssessmentService.Dashboard dashboard;
    private List<ReportFileView> reportFiles = List.of();
    private YearMonth reportsMonth;

    @EJB
    ReportFiles files;

    public void load() {
        Actions.run("filters", () -> {
            YearMonth m;
            try {
                m = YearMonth.parse(month == null ? "" : month.trim());
            } catch (DateTimeParseException e) {
                throw ValidationException.of("month", "assessment.month");
            }
            dashboard = assessment.dashboard(subDistrict, m);
            boolean byCommunity = dashboard.subDistrict() != null || dashboard.subDistricts().size() <= 1;
            reportsMonth = m;
            reportFiles = reportFiles(m, byCommunity);
            if (reportFiles.isEmpty() && !m.isBefore(YearMonth.now())) {
                // a month's reports are written once it has ended: until then, those of the month before
                reportsMonth = m.minusMonths(1);
                reportFiles = reportFiles(reportsMonth, byCommunity);
            }
        });
    }

    private List<ReportFileView> reportFiles(YearMonth m, boolean byCommunity) {
        return byCommunity ? files.list(m.toString(), null, dashboard.subDistrict()) : files.cityFiles(m.toString());
    }

    /** One month of the trend, as its chart shows it (the chart's data table). */
    public record TrendRow(String month, String registered, String closed) {
    }

    /** The trend chart's figures, month by month, for the table beside it. */
    public List<TrendRow> getTrendRows() {
        if (dashboard == null) {
            return List.of();
        }
        return dashboard.trend().stream().map(p -> new TrendRow(p.month().toString(),
                p.figures().sum(Metric.NEEDS_REGISTERED).stripTrailingZeros().toPlainString(),
                p.figures().sum(Metric.NEEDS_CLOSED).stripTrailingZeros().toPlainString())).toList();
    }

    /** A figure for a table cell: counts as they are, ratios as percentages, absent as a dash. */
    public String cell(Figures f, String metric) {
        Metric m = Metric.valueOf(metric);
        return f.get(m).map(v -> switch (m) {
            case NEEDS_CLOSURE_RATE, ROTATION_SHARE -> v.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP) + "%";
            case SATISFACTION_AVG, SERVICE_SCORE -> v.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
            default -> v.stripTrailingZeros().toPlainString();
        }).orElse(m.additive() ? "0" : "—");
    }

    /** Chart.js configuration: the closure rate (%) of each row. */
    public String getClosureChart() {
        if (dashboard == null) {
            return "{}";
        }
        return bar(Messages.text(locale(), "assessment.chart.closure"), dashboard.rows(),
                r -> r.figures().get(Metric.NEEDS_CLOSURE_RATE).map(v -> v.movePointRight(2)).orElse(BigDecimal.ZERO));
    }

    private static String bar(String label, List<AssessmentService.Row> rows,
                              Function<AssessmentService.Row, BigDecimal> value) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder data = Json.createArrayBuilder();
        for (AssessmentService.Row r : rows) {
            labels.add(r.name());
            data.add(value.apply(r));
        }
        return Json.createObjectBuilder().add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels)
                        .add("datasets", Json.createArrayBuilder().add(Json.createObjectBuilder().add("label", label)
                                .add("data", data).add("backgroundColor", "rgba(183,28,28,0.6)"))))
                .add("options", Json.createObjectBuilder().add("animation", false)
                        .add("scales", Json.createObjectBuilder().add("y", Json.createObjectBuilder()
                                .add("beginAtZero", true).add("max", 100))))
                .build().toString();
    }

    /** Chart.js configuration: needs registered and closed over the last twelve months. */
    public String getTrendChart() {
        if (dashboard == null) {
            return "{}";
        }
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder registered = Json.createArrayBuilder();
        JsonArrayBuilder closed = Json.createArrayBuilder();
        for (AssessmentService.TrendPoint p : dashboard.trend()) {
            labels.add(p.month().toString());
            registered.add(p.figures().sum(Metric.NEEDS_REGISTERED));
            closed.add(p.figures().sum(Metric.NEEDS_CLOSED));
        }
        JsonObjectBuilder data = Json.createObjectBuilder().add("labels", labels)
                .add("datasets", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("label", Messages.text(locale(), "assessment.registered"))
                                .add("data", registered).add("borderColor", "#b71c1c").add("fill", false))
                        .add(Json.createObjectBuilder().add("label", Messages.text(locale(), "assessment.closed"))
                                .add("data", closed).add("borderColor", "#1565c0").add("fill", false)));
        return Json.createObjectBuilder().add("type", "line").add("data", data)
                .add("options", Json.createObjectBuilder().add("animation", false)).build().toString();
    }

    private static java.util.Locale locale() {
        return jakarta.faces.context.FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    /** The month's report files of what the dashboard shows: the city's, or the communities'. */
    public List<ReportFileView> getReportFiles() {
        return reportFiles;
    }

    /** Basis points as a percentage with one decimal (3333 → 33.3%). */
    public String percent(Integer basisPoints) {
        return basisPoints == null ? "" : org.wushe.fund.domain.Money.percent(basisPoints);
    }

        public AssessmentService.Dashboard getDashboard() {
        return dashboard;
    }

    /** The month whose report files are listed: the month shown, or the one before while it runs. */
    public String getReportsMonth() {
        return reportsMonth == null ? month : reportsMonth.toString();
    }

    public String getMonth() {
        return month;
    }

    public void setMonth(String month) {
        this.month = month;
    }

    public String getSubDistrict() {
        return subDistrict;
    }

    public void setSubDistrict(String subDistrict) {
        this.subDistrict = subDistrict;
    }
}
