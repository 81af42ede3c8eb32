package org.wushe.reports.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDCIDFont;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
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
    void oneParsedFontServesDocumentAfterDocument_eachWithItsOwnSubset() throws Exception {
        ReportFont font = font();
        List<byte[]> pdfs = new ArrayList<>();
        try (ReportFont.Parsed parsed = font.parse()) {
            for (String name : List.of("东湖社区", "西岭社区", "南浦社区")) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (PdfReport pdf = PdfReport.create(parsed)) {
                    pdf.title(name + "月报").image(new Charts(parsed.source()).bar("本月关键指标", "数量", "本月",
                            List.of(new Charts.Point("登记需求", 12.0)), 600, 300), "key", 150);
                    pdf.save(out);
                }
                pdfs.add(out.toByteArray());
            }
        }
        for (int i = 0; i < 3; i++) {
            String name = List.of("东湖社区", "西岭社区", "南浦社区").get(i);
            try (PDDocument doc = Loader.loadPDF(pdfs.get(i))) {
                String text = new PDFTextStripper().getText(doc);
                assertTrue(text.contains(name + "月报"), () -> "document " + name + ": " + text);
                PDFont f = doc.getPage(0).getResources().getFont(doc.getPage(0).getResources().getFontNames().iterator().next());
                assertTrue(f.getName().matches("[A-Z]{6}\\+WenQuanYi.*"), "a subset: " + f.getName());
                assertEquals(1, countImages(doc), "the chart, as one image without a mask");
            }
        }
    }

    /**
     * The rule the monthly reports rely on when a partition writes all its communities with one
     * parsed font: a document leaves nothing in the font for the next one. The same text written
     * after forty documents of other characters embeds exactly the subset it embeds when written
     * first with a font of its own: the same glyphs (subset tag, font program), widths and Unicode map.
     */
    @Test
    void aSharedFontCarriesNothingOfOneDocumentIntoTheNext() throws Exception {
        ReportFont font = font();
        String own = "东湖社区月报：登记需求 12 件，办结 9 件，办结率 75.0%。";
        Embedded alone;
        try (ReportFont.Parsed parsed = font.parse()) {
            alone = embedded(write(parsed, own));
        }
        Embedded shared;
        try (ReportFont.Parsed parsed = font.parse()) {
            for (int i = 0; i < 40; i++) {
                StringBuilder other = new StringBuilder();
                for (int cp = 0x4E00 + i * 60; cp < 0x4E00 + (i + 1) * 60; cp++) {
                    other.appendCodePoint(cp);
                }
                embedded(write(parsed, other.toString()));
            }
            shared = embedded(write(parsed, own));
        }
        assertTrue(alone.name().matches("[A-Z]{6}\\+WenQuanYi.*"), "a subset: " + alone.name());
        assertEquals(alone.name(), shared.name(), "the same glyphs, hence the same subset tag");
        assertEquals(alone.widths(), shared.widths());
        assertArrayEquals(alone.program(), shared.program(), "the same font program");
        assertArrayEquals(alone.toUnicode(), shared.toUnicode(), "the same Unicode map");
    }

    /** What a document embeds of the report font. */
    private record Embedded(String name, String widths, byte[] program, byte[] toUnicode) {
    }

    private static byte[] write(ReportFont.Parsed parsed, String text) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfReport pdf = PdfReport.create(parsed)) {
            pdf.title(text).paragraph(text);
            pdf.save(out);
        }
        return out.toByteArray();
    }

    private static Embedded embedded(byte[] pdf) throws java.io.IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var resources = doc.getPage(0).getResources();
            PDFont f = resources.getFont(resources.getFontNames().iterator().next());
            PDCIDFont cid = ((PDType0Font) f).getDescendantFont();
            try (var program = cid.getFontDescriptor().getFontFile2().createInputStream();
                 var toUnicode = f.getCOSObject().getCOSStream(COSName.TO_UNICODE).createInputStream()) {
                return new Embedded(f.getName(), String.valueOf(cid.getCOSObject().getDictionaryObject(COSName.W)),
                        program.readAllBytes(), toUnicode.readAllBytes());
            }
        }
    }

    private static int countImages(PDDocument doc) throws java.io.IOException {
        int n = 0;
        for (var name : doc.getPage(0).getResources().getXObjectNames()) {
            var x = doc.getPage(0).getResources().getXObject(name);
            if (x instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject img) {
                assertTrue(img.getCOSObject().getItem(org.apache.pdfbox.cos.COSName.SMASK) == null, "no soft mask");
                n++;
            }
        }
        return n;
    }

    @Test
    void aFileThatIsNoFontIsRefusedNamingTheSetting() throws Exception {
        Path notAFont = Files.createTempFile("not-a-font", ".ttf");
        try {
            Files.writeString(notAFont, "no font here");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> ReportFont.at(notAFont).parse());
            assertTrue(e.getMessage().contains("wushe.reports.font"), e.getMessage());
        } finally {
            Files.delete(notAFont);
        }
    }

    @Test
    void aMissingFontNamesTheSettingAndThePackage() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ReportFont.at(Path.of("/no/such/font.ttc")));
        assertTrue(e.getMessage().contains("wushe.reports.font"));
        assertTrue(e.getMessage().contains("fonts-wqy-microhei"));
    }
}
