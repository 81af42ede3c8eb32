package org.wushe.reports.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wushe.assessment.domain.Metric;

class FigureTextTest {

    private static Optional<BigDecimal> v(String s) {
        return Optional.of(new BigDecimal(s));
    }

    @Test
    void ratesReadAsPercentages() {
        assertEquals("66.7%", FigureText.display(Metric.NEEDS_CLOSURE_RATE, v("0.6667")));
        assertEquals("100.0%", FigureText.display(Metric.ROTATION_SHARE, v("1.0000")));
        assertEquals("66.67", FigureText.csv(Metric.NEEDS_CLOSURE_RATE, v("0.6667")));
        assertEquals("%", FigureText.unit(Metric.NEEDS_CLOSURE_RATE));
        assertEquals(66.67, FigureText.chart(Metric.NEEDS_CLOSURE_RATE, v("0.6667")), 1e-9);
    }

    @Test
    void countsMeansAndHours() {
        assertEquals("2", FigureText.display(Metric.NEEDS_CLOSED, v("2.0000")));
        assertEquals("4.00", FigureText.display(Metric.SATISFACTION_AVG, v("4.0000")));
        assertEquals("0.90", FigureText.display(Metric.SERVICE_SCORE, v("0.9000")));
        assertEquals("132.0", FigureText.display(Metric.NEEDS_MEDIAN_CLOSURE_HOURS, v("132.0000")));
        assertEquals("3.5", FigureText.display(Metric.INSPECTION_HOURS, v("3.5000")));
        assertEquals("3.5", FigureText.csv(Metric.INSPECTION_HOURS, v("3.5000")));
        assertEquals("10", FigureText.csv(Metric.NEEDS_REGISTERED, v("10.0000")));
    }

    @Test
    void absentFigures() {
        assertEquals("—", FigureText.display(Metric.NEEDS_CLOSURE_RATE, Optional.empty()));
        assertEquals("0", FigureText.display(Metric.NEEDS_CLOSED, Optional.empty()));
        assertEquals("", FigureText.csv(Metric.NEEDS_MEDIAN_CLOSURE_HOURS, Optional.empty()));
        assertEquals("0", FigureText.csv(Metric.INSPECTIONS, Optional.empty()));
    }
}
