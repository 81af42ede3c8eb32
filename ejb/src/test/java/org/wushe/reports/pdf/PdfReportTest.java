package org.wushe.reports.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The writer on the installed report font (skipped where the font package is not installed). */
class PdfReportTest {

    private static ReportFont font() {
        Path p = Path.of(ReportFont.DEFAULT);
        assumeTrue(Files.isRegularFile(p), "fonts-wqy-microhei is not installed");
        return ReportFont.at(p);
    }

    @Test
    void writesChineseTextTablesChartsAndPageNumbers() throws Exception {
        ReportFont font = font();
        Charts charts = new Charts(font);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            rows.add(List.of("社区" + i, String.valueOf(i), i + ".5%"));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfReport pdf = PdfReport.create(font)) {
            pdf.metadata("东湖社区月报", "2019-03", "民政局", "月报").title("东湖社区月报 2019-03")
                    .paragraph("本月需求办结率为 66.7%，the closure rate of the month.".repeat(5))
                    .image(charts.bar("本月关键指标", "%", "办结率", List.of(new Charts.Point("办结率", 66.7),
                            new Charts.Point("轮换率", 50.0)), 800, 400), "bar", 200)
                    .image(charts.line("近十二个月办结率", "%", "办结率", List.of(new Charts.Point("2019-02", 10.0),
                            new Charts.Point("2019-03", 66.7)), 800, 400), "line", 200)
                    .table(new PdfReport.Table(List.of("社区", "办结", "办结率"), rows, new boolean[] {false, true, true}));
            pdf.save(out);
        }
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("东湖社区月报 2019-03"), text);
            assertTrue(text.contains("社区119"));
            int pages = doc.getNumberOfPages();
            assertTrue(pages > 1, "the long table goes on over pages");
            assertTrue(text.contains("第 1 页 / 共 " + pages + " 页"));
            assertEquals("东湖社区月报", doc.getDocumentInformation().getTitle());
            PDFont f = doc.getPage(0).getResources().getFont(doc.getPage(0).getResources().getFontNames().iterator().next());
            assertTrue(f.getName().contains("WenQuanYi"), f.getName());
            assertTrue(f.getName().matches("[A-Z]{6}\\+.*"), "a subset: " + f.getName());
            String second = new PDFTextStripper() {{ setStartPage(2); setEndPage(2); }}.getText(doc);
            assertTrue(second.contains("办结率"), "the header row repeats on the next page");
        }
    }

    @Test
    void aMissingFontNamesTheSettingAndThePackage() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ReportFont.at(Path.of("/no/such/font.ttc")));
        assertTrue(e.getMessage().contains("wushe.reports.font"));
        assertTrue(e.getMessage().contains("fonts-wqy-microhei"));
    }
}
