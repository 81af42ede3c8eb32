package org.wushe.reports.pdf;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

/**
 * The CJK font of the reports: a TrueType font or collection with glyf outlines (by default
 * WenQuanYi Micro Hei of Debian's package fonts-wqy-microhei), named by the installation setting
 * {@value #SETTING}. PDF documents embed a subset of it; the charts draw with it through Java 2D.
 */
public final class ReportFont {

    public static final String SETTING = "wushe.reports.font";
    public static final String DEFAULT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
    public static final String PACKAGE = "fonts-wqy-microhei";

    private static final Map<Path, Font> AWT = new ConcurrentHashMap<>();

    private final Path file;

    private ReportFont(Path file) {
        this.file = file;
    }

    /**
     * @throws IllegalStateException naming the setting and the package when the file is missing
     */
    public static ReportFont at(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            throw new IllegalStateException("the report font " + file + " does not exist: install Debian's package "
                    + PACKAGE + " (apt-get install " + PACKAGE + ") or set " + SETTING
                    + " in config/wushe.properties to a TrueType font (.ttf or .ttc) with CJK outlines");
        }
        return new ReportFont(file);
    }

    public Path file() {
        return file;
    }

    public boolean collection() {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc");
    }

    /** The font for Java 2D (the charts), the first of a collection, at the given size. */
    public Font awt(float size) {
        Font base = AWT.computeIfAbsent(file, f -> {
            try {
                return Font.createFonts(f.toFile())[0];
            } catch (IOException | FontFormatException e) {
                throw new IllegalStateException("the report font " + f + " cannot be read (" + SETTING + "): " + e.getMessage(), e);
            }
        });
        return base.deriveFont(size);
    }

    /**
     * Reads the font's tables (the first font of a collection) for the documents to come: parsing
     * the collection costs more than writing a small report, so a job parses it once and embeds a
     * subset of it into each document it writes. The result is for one thread at a time; close it
     * after the last document.
     *
     * @throws IllegalStateException naming the setting when the file is not a readable TrueType font
     */
    public Parsed parse() {
        TrueTypeCollection ttc = null;
        try {
            if (collection()) {
                ttc = new TrueTypeCollection(file.toFile());
                TrueTypeFont[] first = new TrueTypeFont[1];
                ttc.processAllFonts(f -> {
                    if (first[0] == null) {
                        first[0] = f;
                    }
                });
                if (first[0] == null) {
                    throw new IOException("the collection holds no font");
                }
                return new Parsed(this, first[0], ttc);
            }
            return new Parsed(this, new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile())), null);
        } catch (IOException | RuntimeException e) {
            if (ttc != null) {
                try {
                    ttc.close();
                } catch (IOException ignored) {
                    // the first failure is the one to report
                }
            }
            throw new IllegalStateException("the report font " + file + " cannot be read (" + SETTING
                    + "; a TrueType font with glyf outlines is needed): " + e.getMessage(), e);
        }
    }

    /** The font's tables, read once, for the documents one thread writes one after another. */
    public static final class Parsed implements Closeable {

        private final ReportFont source;
        private final TrueTypeFont font;
        private final TrueTypeCollection collection;

        private Parsed(ReportFont source, TrueTypeFont font, TrueTypeCollection collection) {
            this.source = source;
            this.font = font;
            this.collection = collection;
        }

        /** The font this was read from (its file, and the charts' Java 2D font). */
        public ReportFont source() {
            return source;
        }

        TrueTypeFont font() {
            return font;
        }

        @Override
        public void close() throws IOException {
            if (collection != null) {
                collection.close();
            } else {
                font.close();
            }
        }
    }
}
