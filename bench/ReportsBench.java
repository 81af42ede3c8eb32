import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The database side of the monthly reports benchmark (bench/reports.sh runs it with the JDK's
 * single-file launch, the JDBC driver and PDFBox on the class path), the same on PostgreSQL and
 * Derby. The bench city itself is made by bench/SettleBench.java (communities ST0001..).
 *
 * <pre>
 *   java -cp CP bench/ReportsBench.java URL USER PASSWORD snapshots yyyy-MM   the assessment snapshots of
 *                         the bench communities for the twelve months up to yyyy-MM (made again when absent)
 *   ... verify yyyy-MM EXECUTION [kept]   checks the month's files: every one written by the execution, or
 *                         with "kept", by it or by an earlier one (a run that left current files as they were)
 *   (PASSWORD "-": from the environment variable BENCH_DB_PASSWORD)
 * </pre>
 *
 * The snapshots are made by one INSERT ... SELECT (communities x months x figures), with values that
 * vary by community and month and agree with each other the way AssessmentRun writes them: closed
 * needs at most the open base, the ratios from their parts (4 decimals), participants at most the
 * attendances. Results are printed as key=value lines for the script.
 */
public class ReportsBench {

    /** The bench communities' code prefix: ST (bench/SettleBench.java), or B for bench/night.sh's city (-Dbench.code=B). */
    static final String CODE = System.getProperty("bench.code", "ST");

    /**
     * The JDBC password: "-" reads it from the environment variable BENCH_DB_PASSWORD (what
     * bench/lib.sh passes), so the Derby password is not an argument other users could read.
     */
    static String password(String arg) {
        if (!"-".equals(arg)) {
            return arg;
        }
        String password = System.getenv("BENCH_DB_PASSWORD");
        if (password == null) {
            throw new IllegalStateException("PASSWORD is -, but BENCH_DB_PASSWORD is not set");
        }
        return password;
    }
    static final List<String> METRICS = List.of("NEEDS_REGISTERED", "NEEDS_CLOSED", "NEEDS_OPEN_BASE", "NEEDS_CLOSURE_RATE",
            "NEEDS_MEDIAN_CLOSURE_HOURS", "SATISFACTION_SUM", "SATISFACTION_COUNT", "SATISFACTION_AVG", "SERVICES_COMPLETED",
            "SERVICE_SCORE", "ATTENDANCES", "DISTINCT_PARTICIPANTS", "ROTATION_SHARE", "INSPECTIONS", "INSPECTION_HOURS");

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: ReportsBench URL USER PASSWORD snapshots yyyy-MM | verify yyyy-MM EXECUTION [kept]");
            System.exit(2);
        }
        try (Connection c = DriverManager.getConnection(args[0], args[1], password(args[2]))) {
            ReportsBench b = new ReportsBench(c);
            YearMonth month = YearMonth.parse(args[4]);
            switch (args[3]) {
                case "snapshots" -> b.snapshots(month);
                case "verify" -> {
                    if (!b.verify(month, Long.parseLong(args[5]), args.length > 6 && "kept".equals(args[6]))) {
                        System.exit(1);
                    }
                }
                default -> throw new IllegalArgumentException("unknown command " + args[3]);
            }
        }
    }

    final Connection c;
    final boolean derby;
    long lo;
    long hi;
    long communities;

    ReportsBench(Connection c) throws SQLException {
        this.c = c;
        this.derby = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("derby");
    }

    static void out(String key, Object value) {
        System.out.println(key + "=" + value);
    }

    static void log(String text) {
        System.out.println("[bench] " + text);
    }

    /** The ids of the bench communities lie in [lo, hi], and no other community does (as SettleBench). */
    void range() throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MIN(id), MAX(id), COUNT(*) FROM community WHERE code LIKE '" + CODE + "%'")) {
            rs.next();
            lo = rs.getLong(1);
            hi = rs.getLong(2);
            communities = rs.getLong(3);
        }
        if (communities == 0) {
            throw new IllegalStateException("no bench city");
        }
        if (count("SELECT COUNT(*) FROM community WHERE id BETWEEN " + lo + " AND " + hi + " AND code NOT LIKE '" + CODE
                + "%'") != 0) {
            throw new IllegalStateException("other communities lie among the bench city's ids");
        }
    }

    String inBench(String column) {
        return column + " BETWEEN " + lo + " AND " + hi;
    }

    // ------------------------------------------------------------------------------------- snapshots

    void snapshots(YearMonth month) throws SQLException {
        range();
        YearMonth from = month.minusMonths(11);
        String months = "period_month BETWEEN DATE('" + from.atDay(1) + "') AND DATE('" + month.atDay(1) + "')";
        months = months.replace("DATE('", derby ? "DATE('" : "DATE '").replace("')", derby ? "')" : "'");
        long want = communities * 12 * METRICS.size();
        long have = count("SELECT COUNT(*) FROM assessment_snapshot WHERE " + inBench("community_id") + " AND " + months);
        long all = count("SELECT COUNT(*) FROM assessment_snapshot WHERE " + inBench("community_id"));
        if (have == want && all == want) {
            log("bench snapshots present: " + have + " rows (" + communities + " communities x 12 months x "
                    + METRICS.size() + " figures)");
        } else {
            long started = System.nanoTime();
            try (Statement s = c.createStatement()) {   // outside a transaction: a failed DROP aborts one on PostgreSQL
                drop(s, "bench_month");
                drop(s, "bench_metric");
            }
            c.setAutoCommit(false);
            long removed = update("DELETE FROM assessment_snapshot WHERE " + inBench("community_id"));
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE bench_month (n INTEGER NOT NULL PRIMARY KEY, d DATE NOT NULL)");
                s.execute("CREATE TABLE bench_metric (metric VARCHAR(40) NOT NULL PRIMARY KEY)");
            }
            try (PreparedStatement pm = c.prepareStatement("INSERT INTO bench_month (n, d) VALUES (?, ?)");
                 PreparedStatement pf = c.prepareStatement("INSERT INTO bench_metric (metric) VALUES (?)")) {
                for (int i = 0; i < 12; i++) {
                    pm.setInt(1, i);
                    pm.setDate(2, Date.valueOf(from.plusMonths(i).atDay(1)));
                    pm.addBatch();
                }
                pm.executeBatch();
                for (String m : METRICS) {
                    pf.setString(1, m);
                    pf.addBatch();
                }
                pf.executeBatch();
            }
            long inserted = update(insert());
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE bench_month");
                s.execute("DROP TABLE bench_metric");
            }
            c.commit();
            c.setAutoCommit(true);
            log(String.format("snapshots made in %.1f s: %d rows (%d of an earlier run removed)",
                    (System.nanoTime() - started) / 1e9, inserted, removed));
            if (inserted != want) {
                throw new IllegalStateException("expected " + want + " snapshot rows, made " + inserted);
            }
        }
        long started = System.nanoTime();
        try (Statement s = c.createStatement()) {
            if (derby) {
                String schema;
                try (ResultSet rs = s.executeQuery("VALUES CURRENT SCHEMA")) {
                    rs.next();
                    schema = rs.getString(1);
                }
                for (String t : List.of("ASSESSMENT_SNAPSHOT", "COMMUNITY", "SUB_DISTRICT", "REPORT_FILE")) {
                    s.execute("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('" + schema + "', '" + t + "', NULL)");
                }
            } else {
                s.execute("ANALYZE assessment_snapshot");
                s.execute("ANALYZE community");
                s.execute("ANALYZE report_file");
            }
        }
        log(String.format("statistics updated in %.1f s", (System.nanoTime() - started) / 1e9));
        out("communities", communities);
        out("snapshot_rows", count("SELECT COUNT(*) FROM assessment_snapshot WHERE " + inBench("community_id")));
        out("month_communities_all", count("SELECT COUNT(DISTINCT community_id) FROM assessment_snapshot WHERE period_month = "
                + (derby ? "DATE('" + month.atDay(1) + "')" : "DATE '" + month.atDay(1) + "'")));
        out("communities_all", count("SELECT COUNT(*) FROM community"));
    }

    /**
     * One row per bench community, month and figure. The parts of a community's month come from
     * its id and the month's number (x), the figure's value from the parts (CASE). Every count is
     * at least 1 where it is a ratio's base, so every community has every figure every month.
     */
    String insert() {
        String k = "c.id";
        String n = "m.n";
        String dec = "DECIMAL(18,4)";
        String parts = "SELECT c.id AS cid, m.d AS d,"
                + " 5 + MOD(" + k + " * 31 + " + n + " * 17, 40) AS reg,"
                + " 5 + MOD(" + k + " * 31 + " + n + " * 17, 40) + MOD(" + k + " * 13 + " + n + " * 7, 25) AS base,"
                + " MOD(" + k + " * 11 + " + n + " * 3, 61) AS closedPct,"
                + " 12 + MOD(" + k + " * 19 + " + n + " * 5, 300) AS medianHours,"
                + " MOD(" + k + " * 7 + " + n + " * 29, 50) AS ratedPct,"
                + " MOD(" + k + " * 3 + " + n + " * 41, 200) AS starPct,"
                + " MOD(" + k + " * 23 + " + n + " * 11, 30) AS services,"
                + " 20 + MOD(" + k + " * 29 + " + n + " * 13, 200) AS attendances,"
                + " MOD(" + k + " * 43 + " + n + " * 7, 70) AS distinctPct,"
                + " MOD(" + k + " * 37 + " + n + " * 19, 6) AS inspections"
                + " FROM community c, bench_month m WHERE " + inBench("c.id");
        // closed = base * (40..100)% ; rated = 1 + closed * (50..99)% ; stars sum = rated * (3.00..4.99)
        String closed = "(x.base * (40 + x.closedPct) / 100)";
        String rated = "(1 + " + closed + " * (50 + x.ratedPct) / 100)";
        String stars = "(" + rated + " * (300 + x.starPct) / 100)";
        String distinct = "(1 + x.attendances * (30 + x.distinctPct) / 100)";
        String value = "CASE f.metric"
                + " WHEN 'NEEDS_REGISTERED' THEN CAST(x.reg AS " + dec + ")"
                + " WHEN 'NEEDS_CLOSED' THEN CAST(" + closed + " AS " + dec + ")"
                + " WHEN 'NEEDS_OPEN_BASE' THEN CAST(x.base AS " + dec + ")"
                + " WHEN 'NEEDS_CLOSURE_RATE' THEN CAST(CAST(" + closed + " AS DECIMAL(18,8)) / x.base AS " + dec + ")"
                + " WHEN 'NEEDS_MEDIAN_CLOSURE_HOURS' THEN CAST(x.medianHours AS " + dec + ") + CAST(MOD(x.cid, 10) AS " + dec + ") / 10"
                + " WHEN 'SATISFACTION_SUM' THEN CAST(" + stars + " AS " + dec + ")"
                + " WHEN 'SATISFACTION_COUNT' THEN CAST(" + rated + " AS " + dec + ")"
                + " WHEN 'SATISFACTION_AVG' THEN CAST(CAST(" + stars + " AS DECIMAL(18,8)) / " + rated + " AS " + dec + ")"
                + " WHEN 'SERVICES_COMPLETED' THEN CAST(x.services AS " + dec + ")"
                + " WHEN 'SERVICE_SCORE' THEN CAST(x.services * (300 + x.starPct) AS " + dec + ") / 100"
                + " WHEN 'ATTENDANCES' THEN CAST(x.attendances AS " + dec + ")"
                + " WHEN 'DISTINCT_PARTICIPANTS' THEN CAST(" + distinct + " AS " + dec + ")"
                + " WHEN 'ROTATION_SHARE' THEN CAST(CAST(" + distinct + " AS DECIMAL(18,8)) / x.attendances AS " + dec + ")"
                + " WHEN 'INSPECTIONS' THEN CAST(x.inspections AS " + dec + ")"
                + " ELSE CAST(x.inspections * (2 + MOD(x.cid, 5)) AS " + dec + ") / 2 END";
        return "INSERT INTO assessment_snapshot (period_month, community_id, metric, metric_value, taken_at)"
                + " SELECT x.d, x.cid, f.metric, CAST(" + value + " AS " + dec + "), CURRENT_TIMESTAMP"
                + " FROM (" + parts + ") x, bench_metric f";
    }

    static void drop(Statement s, String table) {
        try {
            s.execute("DROP TABLE " + table);
        } catch (SQLException absent) {
            // not there: fine
        }
    }

    // ---------------------------------------------------------------------------------------- verify

    /**
     * The files of the month that the execution wrote: two per community with a snapshot, two for
     * the city, every file present with its recorded size, every PDF starting with %PDF, and one
     * bench community's PDF holding its name in its text.
     */
    boolean verify(YearMonth month, long execution, boolean kept) throws Exception {
        range();
        String period = month.toString();
        boolean ok = true;
        long withSnapshot = count("SELECT COUNT(DISTINCT community_id) FROM assessment_snapshot WHERE period_month = "
                + (derby ? "DATE('" + month.atDay(1) + "')" : "DATE '" + month.atDay(1) + "'"));
        long benchWithSnapshot = count("SELECT COUNT(DISTINCT community_id) FROM assessment_snapshot WHERE period_month = "
                + (derby ? "DATE('" + month.atDay(1) + "')" : "DATE '" + month.atDay(1) + "'") + " AND " + inBench("community_id"));
        long files = 0;
        long bytes = 0;
        long pdfs = 0;
        long pdfBytes = 0;
        long bad = 0;
        long fromOtherExecutions = 0;
        long benchFiles = 0;
        long cityFiles = 0;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT f.report_kind, f.community_id, f.file_path, f.size_bytes, f.job_execution_id"
                     + " FROM report_file f WHERE f.report_period = '" + period + "' AND f.report_kind LIKE '%MONTHLY%'")) {
            while (rs.next()) {
                files++;
                String kind = rs.getString(1);
                long community = rs.getLong(2);
                boolean city = rs.wasNull();
                Path path = Path.of(rs.getString(3));
                long size = rs.getLong(4);
                if (rs.getLong(5) != execution) {
                    fromOtherExecutions++;
                }
                if (city) {
                    cityFiles++;
                } else if (community >= lo && community <= hi) {
                    benchFiles++;
                }
                bytes += size;
                if (!Files.isRegularFile(path) || Files.size(path) != size) {
                    if (bad++ < 5) {
                        log("missing or of another size: " + path);
                    }
                    continue;
                }
                if (kind.endsWith("_PDF")) {
                    pdfs++;
                    pdfBytes += size;
                    byte[] head = new byte[4];
                    try (InputStream in = Files.newInputStream(path)) {
                        if (in.readNBytes(head, 0, 4) != 4 || !"%PDF".equals(new String(head, "ISO-8859-1"))) {
                            if (bad++ < 5) {
                                log("not a PDF: " + path);
                            }
                        }
                    }
                }
            }
        }
        out("files", files);
        out("files_bytes", bytes);
        out("pdf_files", pdfs);
        out("pdf_bytes", pdfBytes);
        out("bench_community_files", benchFiles);
        out("city_files", cityFiles);
        out("communities_with_snapshot", withSnapshot);
        out("bench_communities_with_snapshot", benchWithSnapshot);
        out("files_bad", bad);
        out("files_of_other_executions", fromOtherExecutions);
        out("files_of_this_execution", files - fromOtherExecutions);
        ok &= bad == 0 && (kept || fromOtherExecutions == 0) && cityFiles == 2 && benchFiles == 2 * benchWithSnapshot
                && files == 2 * withSnapshot + 2;
        // one sample: the bench community in the middle of the city
        String code = CODE + String.format("%04d", Math.max(1, communities / 2));
        try (PreparedStatement ps = c.prepareStatement("SELECT c.name, f.file_path FROM report_file f JOIN community c"
                + " ON c.id = f.community_id WHERE f.report_period = ? AND f.report_kind = 'COMMUNITY_MONTHLY_PDF' AND c.code = ?")) {
            ps.setString(1, period);
            ps.setString(2, code);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    log("no PDF of " + code);
                    return false;
                }
                String name = rs.getString(1);
                Path path = Path.of(rs.getString(2));
                try (PDDocument doc = Loader.loadPDF(path.toFile())) {
                    String text = new PDFTextStripper().getText(doc);
                    boolean holds = text.contains(name) && text.contains(code);
                    out("sample_pdf", path);
                    out("sample_pdf_pages", doc.getNumberOfPages());
                    out("sample_pdf_holds_name", holds + " (" + name + ", " + code + ")");
                    ok &= holds;
                }
            }
        }
        return ok;
    }

    // --------------------------------------------------------------------------------------- helpers

    long count(String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    long update(String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        }
    }
}
