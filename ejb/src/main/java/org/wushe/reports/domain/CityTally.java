package org.wushe.reports.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.wushe.assessment.domain.Figures;
import org.wushe.assessment.domain.Metric;

/**
 * What the city report keeps while the city's snapshot streams by, one community at a time: per
 * sub-district the count and a running sum of the additive figures (its ratios recomputed from
 * them), and the {@value #RANKED} communities with the highest and the lowest closure rate. It
 * holds no community beyond those ranked.
 */
public final class CityTally {

    /** How many communities the city report names at the top and at the bottom. */
    public static final int RANKED = 10;

    /** A community of the city's ranking by closure rate. */
    public record Ranked(String code, String name, String subDistrict, BigDecimal rate, Figures figures) {
    }

    private static final Comparator<Ranked> BY_RATE = Comparator.comparing(Ranked::rate).thenComparing(Ranked::code);

    private final Map<String, String> names = new TreeMap<>();
    private final Map<String, Map<Metric, BigDecimal>> sums = new TreeMap<>();
    private final Map<String, Integer> counts = new TreeMap<>();
    private final TreeSet<Ranked> top = new TreeSet<>(BY_RATE);
    private final TreeSet<Ranked> bottom = new TreeSet<>(BY_RATE);
    private int communities;

    /** Counts a community of the sub-district {@code subDistrictCode} with its figures of the month. */
    public void add(Place place, Figures figures) {
        communities++;
        names.put(place.subDistrictCode(), place.subDistrictName());
        counts.merge(place.subDistrictCode(), 1, Integer::sum);
        Map<Metric, BigDecimal> sum = sums.computeIfAbsent(place.subDistrictCode(), k -> new EnumMap<>(Metric.class));
        figures.asMap().forEach((m, v) -> {
            if (m.additive()) {
                sum.merge(m, v, BigDecimal::add);
            }
        });
        figures.get(Metric.NEEDS_CLOSURE_RATE).ifPresent(rate -> {
            Ranked r = new Ranked(place.code(), place.name(), place.subDistrictName(), rate, figures);
            top.add(r);
            if (top.size() > RANKED) {
                top.pollFirst();
            }
            bottom.add(r);
            if (bottom.size() > RANKED) {
                bottom.pollLast();
            }
        });
    }

    /** How many communities were counted. */
    public int communities() {
        return communities;
    }

    /** Per sub-district code, in code order, its figures: the sums, ratios recomputed from them. */
    public Map<String, Figures> bySubDistrict() {
        Map<String, Figures> bySd = new LinkedHashMap<>();
        sums.forEach((code, sum) -> bySd.put(code, new Figures(sum).withRatios()));
        return bySd;
    }

    public String subDistrictName(String code) {
        return names.get(code);
    }

    public int communitiesOf(String subDistrictCode) {
        return counts.getOrDefault(subDistrictCode, 0);
    }

    /** The highest closure rates, highest first. */
    public List<Ranked> best() {
        return new ArrayList<>(top.descendingSet());
    }

    /** The lowest closure rates, lowest first. */
    public List<Ranked> worst() {
        return new ArrayList<>(bottom);
    }
}
