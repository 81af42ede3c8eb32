package org.wushe.reports.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.wushe.assessment.domain.Metric;

/**
 * How the reports write a figure of docs/assessment.md: its Chinese name, its unit, its value for
 * reading (PDF: ratios as percentages with one decimal, means with two, counts as they are; an
 * absent figure as "—") and for machines (CSV: percentages with two decimals, nothing when absent).
 */
public final class FigureText {

    public static final String ABSENT = "—";

    private FigureText() {
    }

    /** The report's figures, in the order of docs/assessment.md. */
    public static final Metric[] ORDER = Metric.values();

    public static String name(Metric m) {
        return switch (m) {
            case NEEDS_REGISTERED -> "登记需求";
            case NEEDS_CLOSED -> "办结需求";
            case NEEDS_OPEN_BASE -> "应办需求";
            case NEEDS_CLOSURE_RATE -> "需求办结率";
            case NEEDS_MEDIAN_CLOSURE_HOURS -> "办结时长中位数";
            case SATISFACTION_SUM -> "满意度评分合计";
            case SATISFACTION_COUNT -> "满意度评价数";
            case SATISFACTION_AVG -> "平均满意度";
            case SERVICES_COMPLETED -> "完成服务项目";
            case SERVICE_SCORE -> "满意度加权服务分";
            case ATTENDANCES -> "活动参与人次";
            case DISTINCT_PARTICIPANTS -> "参与居民人数";
            case ROTATION_SHARE -> "参与轮换率";
            case INSPECTIONS -> "迎检次数";
            case INSPECTION_HOURS -> "迎检工时";
        };
    }

    public static String unit(Metric m) {
        return switch (m) {
            case NEEDS_REGISTERED, NEEDS_CLOSED, NEEDS_OPEN_BASE -> "件";
            case NEEDS_CLOSURE_RATE, ROTATION_SHARE -> "%";
            case NEEDS_MEDIAN_CLOSURE_HOURS, INSPECTION_HOURS -> "小时";
            case SATISFACTION_SUM, SATISFACTION_AVG, SERVICE_SCORE -> "分";
            case SATISFACTION_COUNT -> "条";
            case SERVICES_COMPLETED -> "项";
            case ATTENDANCES -> "人次";
            case DISTINCT_PARTICIPANTS -> "人";
            case INSPECTIONS -> "次";
        };
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
