package org.wushe.reports.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonthlyReportsTest {

    private static List<BigDecimal> values(String... v) {
        return java.util.Arrays.stream(v).map(BigDecimal::new).toList();
    }

    @Test
    void theMedianOfAnOddAndAnEvenCount() {
        assertEquals(new BigDecimal("2"), MonthlyReports.median(values("1", "2", "9")).orElseThrow());
        assertEquals(0, new BigDecimal("1.5").compareTo(MonthlyReports.median(values("1", "2")).orElseThrow()));
        assertTrue(MonthlyReports.median(List.of()).isEmpty());
    }

    @Test
    void theCommunitiesParameterTakesCommasSemicolonsOrSpaces() {
        assertEquals(List.of("C001", "C002", "C003"), MonthlyReports.codes(" C001,C002; C003 C001"));
        assertEquals(List.of(), MonthlyReports.codes("  "));
        assertEquals(List.of(), MonthlyReports.codes(null));
    }

    @Test
    void aCodeInAFileNameKeepsOnlySafeCharacters() {
        assertEquals("C001", MonthlyReports.safe("C001"));
        assertEquals("C_01__", MonthlyReports.safe("C/01.."));
    }
}
