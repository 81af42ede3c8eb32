package org.wushe.reports.pdf;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.wushe.reports.domain.LineBreaker;
import org.wushe.reports.domain.ReportTexts;

/**
 * A small writer of A4 report documents over PDFBox, in the report font (a subset of it embedded):
 * a title, headings, paragraphs broken into lines (Chinese per character, Latin per word), tables
 * (a header row repeated on every page, numbers right-aligned, long cells wrapped), images (PNG or
 * JPEG bytes, e.g. a chart or a photo, scaled to fit), the document's metadata and, on saving, the
 * page numbers "第 n 页 / 共 m 页". Written top to bottom; a new page starts where the content
 * does not fit.
 *
 * <p>Usage: {@code try (PdfReport pdf = PdfReport.create(font)) { pdf.title("…").paragraph("…"); pdf.save(out); }}
 */
public final class PdfReport implements Closeable {

    /** A table: header cells, rows, which columns are numbers (right-aligned), relative widths (null: by content). */
    public record Table(List<String> header, List<List<String>> rows, boolean[] numeric, float[] weights) {
        public Table(List<String> header, List<List<String>> rows, boolean[] numeric) {
            this(header, rows, numeric, null);
        }
    }

    private static final float MARGIN_X = 50;
    private static final float MARGIN_TOP = 56;
    private static final float MARGIN_BOTTOM = 60;
    private static final float BODY = 10.5f;
    private static final Color RULE = new Color(180, 180, 180);
    private static final Color HEADER_FILL = new Color(238, 238, 238);

    private final PDDocument doc;
    private final PDType0Font font;
    /** The font's tables when this document read them itself (closed with it), else null. */
    private final ReportFont.Parsed owned;
    private final Map<Integer, Boolean> glyphs = new HashMap<>();
    private final PDRectangle size = PDRectangle.A4;
    private PDPageContentStream cs;
    private float y;

    private PdfReport(PDDocument doc, PDType0Font font, ReportFont.Parsed owned) {
        this.doc = doc;
        this.font = font;
        this.owned = owned;
    }

    /** A document that reads the font itself: for a single document (see {@link #create(ReportFont.Parsed)} for many). */
    public static PdfReport create(ReportFont reportFont) {
        ReportFont.Parsed parsed = reportFont.parse();
        try {
            return create(parsed, parsed);
        } catch (RuntimeException e) {
            try {
                parsed.close();
            } catch (IOException ignored) {
                // the first failure is the one to report
            }
            throw e;
        }
    }

    /**
     * A document in a font already read, which the caller closes after its last document; for a
     * job writing one document after another in the same thread.
     */
    public static PdfReport create(ReportFont.Parsed parsed) {
        return create(parsed, null);
    }

    private static PdfReport create(ReportFont.Parsed parsed, ReportFont.Parsed owned) {
        PDDocument doc = new PDDocument();
        try {
            // a subset of the glyphs the document shows is embedded when it is saved
            return new PdfReport(doc, PDType0Font.load(doc, parsed.font(), true), owned);
        } catch (IOException | RuntimeException e) {
            try {
                doc.close();
            } catch (IOException ignored) {
                // the first failure is the one to report
            }
            throw new IllegalStateException("the report font " + parsed.source().file() + " cannot be embedded ("
                    + ReportFont.SETTING + "; a TrueType font with glyf outlines is needed): " + e.getMessage(), e);
        }
    }

    /** The document's title, subject, author and keywords, with today as its creation date. */
    public PdfReport metadata(String title, String subject, String author, String keywords) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setSubject(subject);
        info.setAuthor(author);
        info.setKeywords(keywords);
        info.setCreator("Wushe");
        info.setProducer("Wushe reports (Apache PDFBox)");
        info.setCreationDate(Calendar.getInstance());
        return this;
    }

    public PdfReport title(String text) {
        block(text, 18, Color.BLACK, 8, true);
        return this;
    }

    /** A line under the title: who, where, which period. */
    public PdfReport subtitle(String text) {
        block(text, 11, new Color(90, 90, 90), 10, false);
        return this;
    }

    public PdfReport heading(String text) {
        ensure(14 * 1.5f + BODY * 3);
        y -= 6;
        block(text, 14, new Color(140, 20, 20), 4, true);
        return this;
    }

    public PdfReport paragraph(String text) {
        block(text, BODY, Color.BLACK, 6, false);
        return this;
    }

    /** A note in small grey type. */
    public PdfReport note(String text) {
        block(text, 9, new Color(100, 100, 100), 4, false);
        return this;
    }

    public PdfReport space(float points) {
        y -= points;
        return this;
    }

    /** An image (PNG or JPEG bytes, e.g. a photo) scaled to the text width and at most {@code maxHeight} points high, keeping its proportions. */
    public PdfReport image(byte[] bytes, String name, float maxHeight) {
        try {
            return place(PDImageXObject.createFromByteArray(doc, bytes, name), maxHeight);
        } catch (IOException e) {
            throw new IllegalStateException("cannot place the image " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * A drawn image (e.g. a chart) placed as {@link #image(byte[], String, float)} does, compressed
     * losslessly straight from its pixels (no PNG written and read back).
     */
    public PdfReport image(BufferedImage image, String name, float maxHeight) {
        try {
            return place(LosslessFactory.createFromImage(doc, image), maxHeight);
        } catch (IOException e) {
            throw new IllegalStateException("cannot place the image " + name + ": " + e.getMessage(), e);
        }
    }

    private PdfReport place(PDImageXObject img, float maxHeight) {
        try {
            float w = width();
            float h = w * img.getHeight() / img.getWidth();
            if (h > maxHeight) {
                h = maxHeight;
                w = h * img.getWidth() / img.getHeight();
            }
            ensure(h + 6);
            y -= h;
            stream().drawImage(img, MARGIN_X + (width() - w) / 2, y, w, h);
            y -= 8;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    public PdfReport table(Table t) {
        int n = t.header().size();
        float[] widths = TableGrid.widths(t, width(), s -> textWidth(s, 9.5f));
        float fontSize = 9.5f;
        float leading = fontSize * 1.4f;
        List<List<String>> headerCells = TableGrid.wrap(t.header(), widths, s -> textWidth(s, fontSize));
        float headerHeight = TableGrid.height(headerCells, leading);
        ensure(headerHeight + leading * 2 + 8);
        drawRow(headerCells, widths, t.numeric(), fontSize, leading, headerHeight, true);
        for (List<String> row : t.rows()) {
            List<List<String>> cells = TableGrid.wrap(row, widths, s -> textWidth(s, fontSize));
            float h = TableGrid.height(cells, leading);
            if (y - h < MARGIN_BOTTOM) {
                newPage();
                drawRow(headerCells, widths, t.numeric(), fontSize, leading, headerHeight, true);
            }
            drawRow(cells, widths, t.numeric(), fontSize, leading, h, false);
        }
        y -= 8;
        return this;
    }

    /** Writes the page numbers and the document to {@code out}. */
    public void save(OutputStream out) throws IOException {
        closeStream();
        int total = doc.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            PDPage page = doc.getPage(i);
            try (PDPageContentStream s = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                String text = ReportTexts.text("report.page", i + 1, total);
                float w = textWidth(text, 9);
                s.setNonStrokingColor(new Color(100, 100, 100));
                s.beginText();
                s.setFont(font, 9);
                s.newLineAtOffset((size.getWidth() - w) / 2, 30);
                s.showText(text);
                s.endText();
            }
        }
        doc.save(out);
    }

    @Override
    public void close() throws IOException {
        try {
            closeStream();
            doc.close();
        } finally {
            if (owned != null) {
                owned.close();
            }
        }
    }

    /** The width of a text in the report font (characters the font lacks count as "?"). */
    public float textWidth(String text, float fontSize) {
        try {
            return font.getStringWidth(printable(text)) / 1000 * fontSize;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private float width() {
        return size.getWidth() - 2 * MARGIN_X;
    }

    private void block(String text, float fontSize, Color color, float after, boolean stroke) {
        float leading = fontSize * 1.45f;
        for (String line : LineBreaker.wrap(text, width(), s -> textWidth(s, fontSize))) {
            ensure(leading);
            y -= leading;
            text(line, MARGIN_X, y + leading * 0.25f, fontSize, color, stroke);
        }
        y -= after;
    }

    private void text(String s, float x, float baseline, float fontSize, Color color, boolean stroke) {
        try {
            PDPageContentStream c = stream();
            c.setNonStrokingColor(color);
            c.beginText();
            c.setFont(font, fontSize);
            if (stroke) {
                c.setStrokingColor(color);
                c.setLineWidth(fontSize / 40);
                c.setRenderingMode(org.apache.pdfbox.pdmodel.graphics.state.RenderingMode.FILL_STROKE);
            }
            c.newLineAtOffset(x, baseline);
            c.showText(printable(s));
            if (stroke) {
                c.setRenderingMode(org.apache.pdfbox.pdmodel.graphics.state.RenderingMode.FILL);
            }
            c.endText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void drawRow(List<List<String>> cells, float[] widths, boolean[] numeric, float fontSize, float leading,
                         float h, boolean header) {
        try {
            PDPageContentStream c = stream();
            float top = y;
            if (header) {
                c.setNonStrokingColor(HEADER_FILL);
                c.addRect(MARGIN_X, top - h, width(), h);
                c.fill();
            }
            c.setStrokingColor(RULE);
            c.setLineWidth(0.5f);
            c.moveTo(MARGIN_X, top - h);
            c.lineTo(MARGIN_X + width(), top - h);
            c.stroke();
            float x = MARGIN_X;
            for (int i = 0; i < widths.length; i++) {
                float line = top - 3 - leading * 0.8f;
                boolean right = numeric != null && i < numeric.length && numeric[i];
                for (String s : cells.get(i)) {
                    float tx = right ? x + widths[i] - 4 - textWidth(s, fontSize) : x + 4;
                    text(s, tx, line, fontSize, Color.BLACK, header);
                    line -= leading;
                }
                x += widths[i];
            }
            y = top - h;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts a new page when less than {@code needed} points are left on this one. */
    private void ensure(float needed) {
        if (cs == null || y - needed < MARGIN_BOTTOM) {
            newPage();
        }
    }

    private PDPageContentStream stream() {
        if (cs == null) {
            newPage();
        }
        return cs;
    }

    private void newPage() {
        try {
            closeStream();
            PDPage page = new PDPage(size);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            y = size.getHeight() - MARGIN_TOP;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void closeStream() throws IOException {
        if (cs != null) {
            cs.close();
            cs = null;
        }
    }

    /** The text with every character the font cannot show replaced by "?" (and control characters dropped). */
    private String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                return;
            }
            boolean ok = glyphs.computeIfAbsent(cp, k -> {
                try {
                    font.encode(new String(Character.toChars(k)));
                    return true;
                } catch (IOException | IllegalArgumentException e) {
                    return false;
                }
            });
            b.append(ok ? new String(Character.toChars(cp)) : "?");
        });
        return b.toString();
    }
}
