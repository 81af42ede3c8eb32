package org.wushe.reports.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonthlyReportsTest {

    @Test
    void theCommunitiesParameterTakesCommasSemicolonsOrSpaces() {
        assertEquals(List.of("C001", "C002", "C003"), ReportSnapshots.codes(" C001,C002; C003 C001"));
        assertEquals(List.of(), ReportSnapshots.codes("  "));
        assertEquals(List.of(), ReportSnapshots.codes(null));
    }

    @Test
    void aCodeInAFileNameKeepsOnlySafeCharacters() {
        assertEquals("C001", MonthlyReports.safe("C001"));
        assertEquals("C_01__", MonthlyReports.safe("C/01.."));
    }

    @Test
    void theMonthParameter_blankIsLastMonth_otherwiseYearAndMonth() {
        assertEquals(YearMonth.of(2026, 11), MonthlyReports.month(" ", LocalDate.of(2026, 12, 6)));
        assertEquals(YearMonth.of(2025, 12), MonthlyReports.month(null, LocalDate.of(2026, 1, 1)));
        assertEquals(YearMonth.of(2026, 3), MonthlyReports.month(" 2026-03 ", LocalDate.of(2026, 12, 6)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MonthlyReports.month("2026/03", LocalDate.of(2026, 12, 6)));
        assertEquals("job parameter month must be yyyy-MM, not '2026/03'", e.getMessage());
    }
}
