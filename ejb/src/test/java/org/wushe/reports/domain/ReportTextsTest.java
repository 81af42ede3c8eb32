package org.wushe.reports.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wushe.assessment.domain.Metric;

class ReportTextsTest {

    @Test
    void everyFigureHasANameAndAUnitInTheBundle() {
        for (Metric m : Metric.values()) {
            assertFalse(FigureText.name(m).isBlank(), m.name());
            assertFalse(FigureText.unit(m).isBlank(), m.name());
        }
        assertEquals("办结时长中位数", FigureText.name(Metric.NEEDS_MEDIAN_CLOSURE_HOURS));
        assertEquals("人次", FigureText.unit(Metric.ATTENDANCES));
    }

    @Test
    void argumentsAreFilledInAsPlainText_numbersUngrouped() {
        assertEquals("社区：东湖（C001）　街道：东湖街道　月份：2026 年 3 月（2026-03）",
                ReportTexts.text("community.subtitle", "东湖", "C001", "东湖街道", 2026, 3, "2026-03"));
        assertEquals("第 1 页 / 共 12 页", ReportTexts.text("report.page", 1, 12));
    }

    @Test
    void aListIsSplitAtTheBars() {
        assertEquals(List.of("指标", "本月", "单位", "全市中位数"), ReportTexts.list("community.figures.header"));
    }

    @Test
    void leadingSpacesOfAValueAreKept() {
        assertEquals(" 超限", ReportTexts.text("report.overLimit"));
        assertEquals("　超出限制", ReportTexts.text("report.breakingLimit"));
    }
}
