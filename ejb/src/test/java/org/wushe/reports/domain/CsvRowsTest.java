package org.wushe.reports.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.wushe.assessment.domain.Figures;
import org.wushe.assessment.domain.Metric;

class CsvRowsTest {

    private static final Figures F = new Figures(Map.of(Metric.NEEDS_CLOSED, new BigDecimal("2"),
            Metric.NEEDS_OPEN_BASE, new BigDecimal("3"))).withRatios();

    @Test
    void aCommunityHasOneRowPerFigure() {
        List<List<String>> rows = CsvRows.community(F);
        assertEquals(Metric.values().length, rows.size());
        assertEquals(List.of("NEEDS_CLOSURE_RATE", "需求办结率", "66.67", "%"),
                rows.stream().filter(r -> r.get(0).equals("NEEDS_CLOSURE_RATE")).findFirst().orElseThrow());
        assertEquals(List.of("NEEDS_MEDIAN_CLOSURE_HOURS", "办结时长中位数", "", "小时"),
                rows.stream().filter(r -> r.get(0).equals("NEEDS_MEDIAN_CLOSURE_HOURS")).findFirst().orElseThrow());
    }

    @Test
    void theCityRowHasEveryFigureAfterTheNames() {
        List<String> row = CsvRows.cityRow("C1", "东湖社区", "SD1", "东湖街道", F);
        assertEquals(CsvRows.cityHeader().size(), row.size());
        assertEquals("66.67", row.get(CsvRows.cityCodes().indexOf("NEEDS_CLOSURE_RATE")));
        assertEquals("需求办结率（%）", CsvRows.cityHeader().get(CsvRows.cityCodes().indexOf("NEEDS_CLOSURE_RATE")));
        assertEquals("平均满意度（分）", CsvRows.cityHeader().get(CsvRows.cityCodes().indexOf("SATISFACTION_AVG")));
        assertEquals(List.of("社区代码", "社区名称", "街道代码", "街道名称"), CsvRows.cityHeader().subList(0, 4));
    }

    @Test
    void everyHeaderIsChineseAndNoTwoColumnsShareOne() {
        List<String> city = CsvRows.cityHeaderWithFund();
        assertEquals(CsvRows.cityCodesWithFund().size(), new java.util.HashSet<>(city).size(), () -> "distinct: " + city);
        for (String h : city) {
            assertTrue(h.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    () -> "a Chinese header, not a code: " + h);
        }
    }

    @Test
    void filesAreUtf8WithBomAndCrlf() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CSVPrinter p = CsvRows.open(out, CsvRows.COMMUNITY_HEADER)) {
            p.printRecord(List.of("A", "名称, 带逗号", "1", "件"));
        }
        byte[] bytes = out.toByteArray();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertEquals("指标代码,指标名称,数值,单位\r\nA,\"名称, 带逗号\",1,件\r\n", text);
        assertTrue(text.endsWith("\r\n"));
    }
}
