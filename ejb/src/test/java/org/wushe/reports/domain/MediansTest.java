package org.wushe.reports.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wushe.assessment.domain.Metric;

class MediansTest {

    private static List<BigDecimal> values(String... v) {
        return java.util.Arrays.stream(v).map(BigDecimal::new).toList();
    }

    @Test
    void theMedianOfAnOddAndAnEvenCount() {
        assertEquals(new BigDecimal("2"), Medians.median(values("1", "2", "9")).orElseThrow());
        assertEquals(0, new BigDecimal("1.5").compareTo(Medians.median(values("1", "2")).orElseThrow()));
        assertTrue(Medians.median(List.of()).isEmpty());
    }

    @Test
    void aCountTheCommunityLacks_countsZero() {
        // five communities with a snapshot, two of them registered needs: 0, 0, 0, 4, 8
        assertEquals(BigDecimal.ZERO, Medians.ofCity(Metric.NEEDS_REGISTERED, values("4", "8"), 5).orElseThrow());
        assertEquals(new BigDecimal("4"), Medians.ofCity(Metric.NEEDS_REGISTERED, values("4", "8"), 3).orElseThrow());
    }

    @Test
    void aRatioTheCommunityLacks_isLeftOut() {
        assertEquals(0, new BigDecimal("0.6").compareTo(
                Medians.ofCity(Metric.NEEDS_CLOSURE_RATE, values("0.4", "0.8"), 5).orElseThrow()));
        assertTrue(Medians.ofCity(Metric.SATISFACTION_AVG, List.of(), 5).isEmpty());
    }
}
