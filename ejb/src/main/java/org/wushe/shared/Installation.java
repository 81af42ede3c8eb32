package org.wushe.shared;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.wushe.reports.pdf.ReportFont;

/**
 * The installation's settings: the file named by the system property {@code wushe.config}
 * ({@code config/wushe.properties}), each key overridable by a system property of the same name.
 * The file is read again on every call, so an edit takes effect at the next job run without a
 * restart (the callers read a setting once per run, not per item).
 */
public final class Installation {

    private Installation() {
    }

    public static String setting(String key, String fallback) {
        String own = System.getProperty(key);
        if (own != null && !own.isBlank()) {
            return own.trim();
        }
        Properties file = new Properties();
        String path = System.getProperty("wushe.config");
        if (path != null && Files.isRegularFile(Path.of(path))) {
            try (InputStream in = Files.newInputStream(Path.of(path))) {
                file.load(in);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + path, e);
            }
        }
        String v = file.getProperty(key);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    /**
     * The import inbox: {@code wushe.import.inbox}, by default {@code wushe-inbox} in the server's
     * domain directory (created when missing).
     */
    public static Path inbox() {
        String domain = System.getProperty("com.sun.aas.instanceRoot", System.getProperty("user.home"));
        Path dir = Path.of(setting("wushe.import.inbox", Path.of(domain, "wushe-inbox").toString()));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the import inbox " + dir, e);
        }
        return dir;
    }

    /**
     * The reports directory: {@code wushe.reports.dir}, by default {@code wushe-reports} in the
     * server's domain directory (created when missing); one sub-directory per period.
     */
    public static Path reportsDir() {
        String domain = System.getProperty("com.sun.aas.instanceRoot", System.getProperty("user.home"));
        Path dir = Path.of(setting("wushe.reports.dir", Path.of(domain, "wushe-reports").toString()));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the reports directory " + dir + " (wushe.reports.dir)", e);
        }
        return dir;
    }

    /** The reports' CJK font: {@value ReportFont#SETTING}, by default {@value ReportFont#DEFAULT} (fonts-wqy-microhei). */
    public static Path reportsFont() {
        return Path.of(setting(ReportFont.SETTING, ReportFont.DEFAULT));
    }
}
