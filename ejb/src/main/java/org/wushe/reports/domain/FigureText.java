package org.wushe.reports.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.wushe.assessment.domain.Metric;

/**
 * How the reports write a figure of docs/assessment.md: its Chinese name and its unit (from the
 * reports' bundle), its value for
 * reading (PDF: ratios as percentages with one decimal, means with two, counts as they are; an
 * absent figure as "—") and for machines (CSV: percentages with two decimals, nothing when absent).
 */
public final class FigureText {

    public static final String ABSENT = "—";

    private FigureText() {
    }

    /** The report's figures, in the order of docs/assessment.md. */
    public static final Metric[] ORDER = Metric.values();

    /** The figure's Chinese name (bundle key {@code figure.<METRIC>}). */
    public static String name(Metric m) {
        return ReportTexts.text("figure." + m.name());
    }

    /** The figure's unit (bundle key {@code figure.<METRIC>.unit}). */
    public static String unit(Metric m) {
        return ReportTexts.text("figure." + m.name() + ".unit");
    }

    public static boolean percentage(Metric m) {
        return m == Metric.NEEDS_CLOSURE_RATE || m == Metric.ROTATION_SHARE;
    }

    /** For reading: 0.6667 of a rate is "66.7%", a mean "4.00", hours "132.0", a count "2"; absent "—". */
    public static String display(Metric m, Optional<BigDecimal> value) {
        if (value.isEmpty()) {
            return m.additive() ? "0" : ABSENT;
        }
        BigDecimal v = value.get();
        return switch (m) {
            case NEEDS_CLOSURE_RATE, ROTATION_SHARE -> v.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
            case SATISFACTION_AVG, SERVICE_SCORE -> v.setScale(2, RoundingMode.HALF_UP).toPlainString();
            case NEEDS_MEDIAN_CLOSURE_HOURS -> v.setScale(1, RoundingMode.HALF_UP).toPlainString();
            default -> plain(v);
        };
    }

    /** For a CSV cell in the figure's unit: a rate of 0.6667 is "66.67" (unit %), absent is empty. */
    public static String csv(Metric m, Optional<BigDecimal> value) {
        if (value.isEmpty()) {
            return m.additive() ? "0" : "";
        }
        BigDecimal v = value.get();
        if (percentage(m)) {
            return v.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString();
        }
        return plain(v);
    }

    /** A figure for a chart, in its unit (percentages as 0-100), 0 when absent. */
    public static double chart(Metric m, Optional<BigDecimal> value) {
        return value.map(v -> percentage(m) ? v.movePointRight(2) : v).orElse(BigDecimal.ZERO).doubleValue();
    }

    private static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
