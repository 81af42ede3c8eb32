package org.wushe.assessment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FiguresTest {

    private static Figures of(Object... pairs) {
        java.util.EnumMap<Metric, BigDecimal> m = new java.util.EnumMap<>(Metric.class);
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((Metric) pairs[i], new BigDecimal(pairs[i + 1].toString()));
        }
        return new Figures(m);
    }

    @Test
    void ratiosComeFromTheirParts() {
        Figures f = of(Metric.NEEDS_CLOSED, 3, Metric.NEEDS_OPEN_BASE, 4, Metric.SATISFACTION_SUM, 13,
                Metric.SATISFACTION_COUNT, 3, Metric.DISTINCT_PARTICIPANTS, 5, Metric.ATTENDANCES, 8).withRatios();
        assertEquals(new BigDecimal("0.7500"), f.get(Metric.NEEDS_CLOSURE_RATE).orElseThrow());
        assertEquals(new BigDecimal("4.3333"), f.get(Metric.SATISFACTION_AVG).orElseThrow());
        assertEquals(new BigDecimal("0.6250"), f.get(Metric.ROTATION_SHARE).orElseThrow());
    }

    @Test
    void aRatioWithoutABaseIsAbsentNotZero() {
        Figures f = of(Metric.NEEDS_CLOSED, 0, Metric.NEEDS_OPEN_BASE, 0).withRatios();
        assertTrue(f.get(Metric.NEEDS_CLOSURE_RATE).isEmpty());
    }

    @Test
    void communitiesTogetherAddTheirCountsAndRecomputeTheRatiosButNotTheMedian() {
        Figures a = of(Metric.NEEDS_CLOSED, 1, Metric.NEEDS_OPEN_BASE, 4, Metric.NEEDS_MEDIAN_CLOSURE_HOURS, 10,
                Metric.INSPECTION_HOURS, "2.5").withRatios();
        Figures b = of(Metric.NEEDS_CLOSED, 3, Metric.NEEDS_OPEN_BASE, 4, Metric.NEEDS_MEDIAN_CLOSURE_HOURS, 30,
                Metric.INSPECTION_HOURS, "1.0").withRatios();
        Figures both = Figures.together(List.of(a, b));
        assertEquals(new BigDecimal("0.5000"), both.get(Metric.NEEDS_CLOSURE_RATE).orElseThrow(),
                "4 of 8, not the mean of 25% and 75% by accident");
        assertEquals(new BigDecimal("3.5"), both.sum(Metric.INSPECTION_HOURS));
        assertTrue(both.get(Metric.NEEDS_MEDIAN_CLOSURE_HOURS).isEmpty(), "medians do not add");
        assertEquals(Map.of(), new Figures(Map.of()).asMap());
    }

    @Test
    void theMedianOfAnOddAndAnEvenNumberOfDurations() {
        assertEquals(new BigDecimal("5.0"), Figures.median(List.of(9.0, 1.0, 5.0)).orElseThrow());
        assertEquals(new BigDecimal("4.0"), Figures.median(List.of(1.0, 3.0, 5.0, 100.0)).orElseThrow());
        assertTrue(Figures.median(List.of()).isEmpty());
    }
}
