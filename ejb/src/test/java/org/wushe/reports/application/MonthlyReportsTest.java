package org.wushe.reports.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.wushe.assessment.application.FundShares;
import org.wushe.assessment.domain.Figures;
import org.wushe.assessment.domain.Metric;
import org.wushe.reports.domain.Place;
import org.wushe.reports.pdf.CommunityReportLayout;

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

    private static CommunityReportLayout.Content content(String inspectionHours, Map<String, String> names,
                                                         LocalDateTime generated) {
        Map<Metric, BigDecimal> figures = new EnumMap<>(Metric.class);
        figures.put(Metric.NEEDS_CLOSED, new BigDecimal("2"));
        figures.put(Metric.INSPECTION_HOURS, new BigDecimal(inspectionHours));
        Map<Metric, BigDecimal> medians = new EnumMap<>(Metric.class);
        medians.put(Metric.NEEDS_CLOSED, new BigDecimal("1.5"));
        Map<YearMonth, Figures> trend = new LinkedHashMap<>();
        trend.put(YearMonth.of(2026, 10), new Figures(Map.of(Metric.NEEDS_CLOSED, BigDecimal.ONE)));
        trend.put(YearMonth.of(2026, 11), new Figures(figures));
        List<FundShares.Row> fund = List.of(new FundShares.Row("PUBLICITY", 213_000, 2130, 0, 100_000, 1000, 1500, "STRICT",
                null, null, true, false));
        return new CommunityReportLayout.Content(new Place("C001", "幸福社区", "S01", "东城街道"), YearMonth.of(2026, 11),
                new Figures(figures), medians, trend, fund, names, generated);
    }

    @Test
    void theDigestOfACommunityReport_isWhatItShows_notWhenItWasMade() {
        Map<String, String> names = new HashMap<>(Map.of("PUBLICITY", "宣传形象", "ELDER_CARE", "养老服务"));
        String first = MonthlyReports.digest(content("3.5", names, LocalDateTime.of(2026, 12, 1, 2, 0)), "font|1|2");
        assertEquals(64, first.length());
        assertEquals(first, MonthlyReports.digest(content("3.5", new TreeMap<>(names), LocalDateTime.of(2026, 12, 2, 2, 0)),
                "font|1|2"), "another night, the names in another order: the same digest");
        assertNotEquals(first, MonthlyReports.digest(content("4.5", names, LocalDateTime.of(2026, 12, 1, 2, 0)), "font|1|2"),
                "another figure");
        assertNotEquals(first, MonthlyReports.digest(content("3.5", Map.of("PUBLICITY", "宣传"), LocalDateTime.of(2026, 12, 1, 2, 0)),
                "font|1|2"), "another category name");
        assertNotEquals(first, MonthlyReports.digest(content("3.5", names, LocalDateTime.of(2026, 12, 1, 2, 0)), "font|1|3"),
                "another font");
    }
}
