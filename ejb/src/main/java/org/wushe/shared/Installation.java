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

    /** The setting of {@link #dataDir()}. */
    public static final String DATA_DIR = "wushe.data.dir";

    /**
     * Where the application keeps its files (report files, the import inbox) unless a setting names
     * their own place: {@value #DATA_DIR}; otherwise the directory the server declares for its
     * instance's data: the domain directory on GlassFish and Payara ({@code com.sun.aas.instanceRoot}),
     * {@code jboss.server.data.dir} on WildFly. Never the home directory of the server's user.
     *
     * @throws IllegalStateException when neither the setting nor a server's data directory is known
     */
    public static Path dataDir() {
        String dir = setting(DATA_DIR, null);
        if (dir == null) {
            dir = System.getProperty("com.sun.aas.instanceRoot");
        }
        if (dir == null) {
            dir = System.getProperty("jboss.server.data.dir");
        }
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("Wushe needs a directory for its files (reports, import inbox): set the system property "
                    + DATA_DIR + " (or the same key in the file named by wushe.config) to a directory the server's user may write");
        }
        return Path.of(dir);
    }

    /**
     * The import inbox: {@code wushe.import.inbox}, by default {@code wushe-inbox} in the
     * {@linkplain #dataDir() data directory} (created when missing).
     */
    public static Path inbox() {
        Path dir = Path.of(setting("wushe.import.inbox", dataDir().resolve("wushe-inbox").toString()));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the import inbox " + dir, e);
        }
        return dir;
    }

    /** The setting of {@link #inboxRetentionDays()}. */
    public static final String INBOX_RETENTION = "wushe.inbox.retentionDays";

    /**
     * How many days an imported file (and its report) is kept in the inbox's {@code done/} and
     * {@code reports/} before the nightly {@code inbox-purge} deletes it: {@value #INBOX_RETENTION},
     * by default 30, at least 1.
     *
     * @throws IllegalArgumentException when the setting is not a whole number of at least 1
     */
    public static int inboxRetentionDays() {
        String v = setting(INBOX_RETENTION, "30");
        try {
            int days = Integer.parseInt(v);
            if (days >= 1) {
                return days;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException(INBOX_RETENTION + " must be a whole number of days, at least 1, not '" + v + "'");
    }

    /** The setting of {@link #importUploadMaxBytes()}. */
    public static final String IMPORT_UPLOAD_MAX = "wushe.upload.importMaxMB";

    /**
     * The largest request the operator console accepts for a CSV upload, in bytes:
     * {@value #IMPORT_UPLOAD_MAX} megabytes, by default 1024 (a city's residents file is large).
     * Every other page accepts far less (see the web module's upload limits).
     */
    public static long importUploadMaxBytes() {
        String v = setting(IMPORT_UPLOAD_MAX, "1024");
        try {
            long mb = Long.parseLong(v);
            if (mb >= 1) {
                return mb * 1024 * 1024;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException(IMPORT_UPLOAD_MAX + " must be a whole number of megabytes, at least 1, not '" + v + "'");
    }

    /**
     * The reports directory: {@code wushe.reports.dir}, by default {@code wushe-reports} in the
     * {@linkplain #dataDir() data directory} (created when missing); one sub-directory per period.
     */
    public static Path reportsDir() {
        Path dir = Path.of(setting("wushe.reports.dir", dataDir().resolve("wushe-reports").toString()));
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

    /**
     * This node's name where nodes share one database (the nightly run's lease, the inbox's claims):
     * {@code wushe.node.name} if set, otherwise the host, the server instance and the process, so
     * two servers on one machine differ.
     */
    public static String nodeName() {
        String own = setting("wushe.node.name", null);
        if (own != null) {
            return own;
        }
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "localhost";
        }
        String instance = System.getProperty("com.sun.aas.instanceName", System.getProperty("jboss.node.name", "server"));
        return host + "/" + instance + "/" + ProcessHandle.current().pid();
    }
}
