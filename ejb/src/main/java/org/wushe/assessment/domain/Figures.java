package org.wushe.assessment.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The figures of one community's month, or of several communities put together. Pure: the ratios
 * come from their parts here, for one community at snapshot time and for a group on a dashboard.
 */
public final class Figures {

    private final Map<Metric, BigDecimal> values;

    public Figures(Map<Metric, BigDecimal> values) {
        this.values = values.isEmpty() ? new EnumMap<>(Metric.class) : new EnumMap<>(values);
    }

    public Optional<BigDecimal> get(Metric m) {
        return Optional.ofNullable(values.get(m));
    }

    /** A count or sum, 0 when the month had none. */
    public BigDecimal sum(Metric m) {
        return values.getOrDefault(m, BigDecimal.ZERO);
    }

    public Map<Metric, BigDecimal> asMap() {
        return Collections.unmodifiableMap(values);
    }

    /** The ratios from the parts: closure rate, mean satisfaction, rotation share (absent when the base is 0). */
    public Figures withRatios() {
        Map<Metric, BigDecimal> v = new EnumMap<>(Metric.class);
        v.putAll(values);
        ratio(v, Metric.NEEDS_CLOSURE_RATE, Metric.NEEDS_CLOSED, Metric.NEEDS_OPEN_BASE);
        ratio(v, Metric.SATISFACTION_AVG, Metric.SATISFACTION_SUM, Metric.SATISFACTION_COUNT);
        ratio(v, Metric.ROTATION_SHARE, Metric.DISTINCT_PARTICIPANTS, Metric.ATTENDANCES);
        return new Figures(v);
    }

    private static void ratio(Map<Metric, BigDecimal> v, Metric ratio, Metric part, Metric whole) {
        BigDecimal w = v.getOrDefault(whole, BigDecimal.ZERO);
        if (w.signum() == 0) {
            v.remove(ratio);
        } else {
            v.put(ratio, v.getOrDefault(part, BigDecimal.ZERO).divide(w, 4, RoundingMode.HALF_UP));
        }
    }

    /** Several communities' months as one: additive figures summed, ratios recomputed, no median. */
    public static Figures together(Collection<Figures> parts) {
        Map<Metric, BigDecimal> v = new EnumMap<>(Metric.class);
        for (Figures f : parts) {
            f.values.forEach((m, x) -> {
                if (m.additive()) {
                    v.merge(m, x, BigDecimal::add);
                }
            });
        }
        return new Figures(v).withRatios();
    }

    /** The median of some durations in hours (mean of the middle two for an even count), 1 decimal. */
    public static Optional<BigDecimal> median(List<Double> hours) {
        if (hours.isEmpty()) {
            return Optional.empty();
        }
        List<Double> sorted = new ArrayList<>(hours);
        Collections.sort(sorted);
        int n = sorted.size();
        double m = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return Optional.of(BigDecimal.valueOf(m).setScale(1, RoundingMode.HALF_UP));
    }
}
