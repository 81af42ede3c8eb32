package org.wushe.reports.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.wushe.assessment.application.FundShares;
import org.wushe.assessment.domain.Figures;
import org.wushe.assessment.domain.Metric;
import org.wushe.reports.domain.CityTally;
import org.wushe.reports.domain.Place;

/** The community and city layouts on the installed report font (skipped where it is not installed). */
class ReportLayoutTest {

    private static final YearMonth MONTH = YearMonth.of(2026, 10);
    private static final LocalDateTime AT = LocalDateTime.of(2026, 11, 1, 2, 3, 4, 500);

    private static ReportFont font() {
        Path p = Path.of(ReportFont.DEFAULT);
        assumeTrue(Files.isRegularFile(p), "fonts-wqy-microhei is not installed");
        return ReportFont.at(p);
    }

    private static Figures figures(int closed, int base) {
        return new Figures(Map.of(Metric.NEEDS_REGISTERED, BigDecimal.valueOf(base), Metric.NEEDS_CLOSED,
                BigDecimal.valueOf(closed), Metric.NEEDS_OPEN_BASE, BigDecimal.valueOf(base))).withRatios();
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void theCommunityReport_figuresWithMedian_fundTableAndTime() throws Exception {
        Map<YearMonth, Figures> trend = new LinkedHashMap<>();
        for (YearMonth m = MONTH.minusMonths(11); !m.isAfter(MONTH); m = m.plusMonths(1)) {
            trend.put(m, m.equals(MONTH) ? figures(2, 3) : new Figures(Map.of()));
        }
        FundShares.Row elder = new FundShares.Row("ELDER_RENOVATION", 550_000, 870, 0, -12_345, 870, null, null, 2000, "HARD",
                true, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ReportFont.Parsed parsed = font().parse()) {
            CommunityReportLayout.write(parsed, new CommunityReportLayout.Content(new Place("C001", "东湖社区", "SD1", "东湖街道"),
                    MONTH, figures(2, 3), Map.of(Metric.NEEDS_CLOSED, new BigDecimal("5")), trend, List.of(elder),
                    Map.of("ELDER_RENOVATION", "适老化改造"), AT), out);
        }
        String text = text(out.toByteArray());
        assertTrue(text.contains("东湖社区 社区月度考核报告"), text);
        assertTrue(text.contains("社区：东湖社区（C001） 街道：东湖街道 月份：2026 年 10 月（2026-10）"), text);
        assertTrue(text.contains("办结需求 2 件 5"), text);
        assertTrue(text.contains("需求办结率 66.7%"), text);
        assertTrue(text.contains("基金按类别支出与比例限制（年初至今）"), text);
        assertTrue(text.contains("适老化改造 5,500.00 8.7% 超限 -123.45"), text);
        assertTrue(text.contains("生成时间：2026-11-01 02:03:04"), text);
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            assertEquals("东湖社区 社区月度考核报告 2026-10", doc.getDocumentInformation().getTitle());
            assertEquals("月报, C001, 2026-10", doc.getDocumentInformation().getKeywords());
        }
    }

    @Test
    void theCommunityReport_withoutFund_saysSo() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ReportFont.Parsed parsed = font().parse()) {
            CommunityReportLayout.write(parsed, new CommunityReportLayout.Content(new Place("C002", "西山社区", "SD1", "东湖街道"),
                    MONTH, figures(1, 1), Map.of(), Map.of(MONTH, figures(1, 1)), List.of(), Map.of(), AT), out);
        }
        assertTrue(text(out.toByteArray()).contains("本年至本月末无基金拨款或支出。"));
    }

    @Test
    void theCityReport_subDistrictsTotalAndRankings() throws Exception {
        CityTally tally = new CityTally();
        tally.add(new Place("C001", "东湖社区", "SD1", "东湖街道"), figures(1, 4));
        tally.add(new Place("C002", "西山社区", "SD1", "东湖街道"), figures(3, 4));
        tally.add(new Place("C003", "南浦社区", "SD2", "西山街道"), figures(2, 2));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CityReportLayout.write(font(), MONTH, tally, 7, AT, out);
        String text = text(out.toByteArray());
        assertTrue(text.contains("全市社区月度考核报告"), text);
        assertTrue(text.contains("本月有考核快照的社区 3 个，均列入本报告；7 个社区本月无考核快照，未列入。"), text);
        assertTrue(text.contains("东湖街道 2 8 4 50.0"), text);
        assertTrue(text.contains("全市合计 3 10 6 60.0"), text);
        assertTrue(text.contains("1 C003 南浦社区 西山街道 100.0"), text);
        assertTrue(text.contains("需求办结率最低的社区"), text);
        assertTrue(text.contains("生成时间：2026-11-01 02:03:04"), text);
    }
}
