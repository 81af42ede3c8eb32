package org.wushe.reports.pdf;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
}
