import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The database side of the settlement benchmark (bench/settle.sh runs it with the JDK's single-file
 * launch and the JDBC driver on the class path), the same on PostgreSQL and Derby:
 *
 * <pre>
 *   java -cp DRIVER bench/SettleBench.java URL USER PASSWORD city C R    the bench city (once)
 *                         (PASSWORD "-": from the environment variable BENCH_DB_PASSWORD)
 *   ... hours N           removes the bench city's ledger, then makes exactly N verified, unbooked service hours
 *   ... baseline FILE     runs the set-based SQL of FILE in one transaction, times it, rolls it back
 *   ... tidy              after the rolled-back baseline: VACUUM ANALYZE (PostgreSQL) or compress (Derby)
 *   ... verify N          checks the bench ledger after the job
 *   ... booked            how many bench sources the ledger holds (after a job stopped at the time limit)
 * </pre>
 *
 * The bench city: C communities ST0001.. (one sub-district STD001.. per 30, one grid cell each), R
 * residents each, one volunteer position each (ELDERLY_VISITING, priced by its own rule, in even
 * communities; ENVIRONMENT, priced by HOUR.DEFAULT, in odd ones) and the account bench.operator (a
 * copy of the demo account operator). Every id comes from the table's sequence the way the
 * application takes them (one value v reserves v-49..v), so nothing the server allocates later can
 * collide. Results are printed as key=value lines for the script.
 */
public class SettleBench {

    static final String CODE = "ST";

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

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: SettleBench URL USER PASSWORD city C R | hours N | baseline FILE | tidy | verify N");
            System.exit(2);
        }
        try (Connection c = DriverManager.getConnection(args[0], args[1], password(args[2]))) {
            try {
                run(new SettleBench(c), args);
            } catch (Exception e) {
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
                throw e;
            }
        }
    }

    static void run(SettleBench b, String[] args) throws Exception {
        switch (args[3]) {
            case "city" -> b.city(Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            case "hours" -> b.hours(Integer.parseInt(args[4]));
            case "baseline" -> b.baseline(Path.of(args[4]));
            case "tidy" -> b.tidy();
            case "booked" -> {
                b.range();
                out("booked", b.count("SELECT COUNT(*) FROM point_transaction WHERE source_type = 'SERVICE_HOURS' AND "
                        + b.inBench("community_id")));
            }
            case "verify" -> {
                if (!b.verify(Long.parseLong(args[4]))) {
                    System.exit(1);
                }
            }
            default -> throw new IllegalArgumentException("unknown command " + args[3]);
        }
    }

    final Connection c;
    final boolean derby;

    SettleBench(Connection c) throws SQLException {
        this.c = c;
        this.derby = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("derby");
    }

    static void out(String key, Object value) {
        System.out.println(key + "=" + value);
    }

    static void log(String text) {
        System.out.println("[bench] " + text);
    }

    // ------------------------------------------------------------------------------------------ city

    void city(int communities, int residentsEach) throws SQLException {
        long have = count("SELECT COUNT(*) FROM community WHERE code LIKE '" + CODE + "%'");
        if (have == communities && count("SELECT COUNT(*) FROM resident r JOIN community k ON k.id = r.community_id"
                + " WHERE k.code LIKE '" + CODE + "%'") == (long) communities * residentsEach) {
            log("bench city present: " + communities + " communities, " + (long) communities * residentsEach + " residents");
            return;
        }
        if (have != 0) {
            throw new IllegalStateException("a bench city of another size is in the database (" + have
                    + " communities): start from an empty database (FRESH=1)");
        }
        long started = System.nanoTime();
        c.setAutoCommit(false);
        long operator;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO account (id, username, password_hash, display_name,"
                + " account_role, community_id, supervisor_id, resident_id, failed_sign_ins, locked_until, enabled,"
                + " created_at, version) SELECT ?, 'bench.operator', password_hash, '结算基准运维', account_role, community_id,"
                + " CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), 0, CAST(NULL AS TIMESTAMP), enabled, CURRENT_TIMESTAMP, 0"
                + " FROM account WHERE username = 'operator'")) {
            operator = new Ids("account_seq").next();
            ps.setLong(1, operator);
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("no demo account 'operator' to copy: the demo city is loaded into an"
                        + " empty database only (FRESH=1)");
            }
        }
        Ids subIds = new Ids("sub_district_seq");
        Ids communityIds = new Ids("community_seq");
        Ids gridIds = new Ids("grid_cell_seq");
        Ids residentIds = new Ids("resident_seq");
        Ids positionIds = new Ids("volunteer_position_seq");
        Timestamp now = new Timestamp(System.currentTimeMillis());
        try (PreparedStatement sd = c.prepareStatement("INSERT INTO sub_district (id, code, name, version) VALUES (?, ?, ?, 0)");
             PreparedStatement co = c.prepareStatement("INSERT INTO community (id, code, name, sub_district_id, version)"
                     + " VALUES (?, ?, ?, ?, 0)");
             PreparedStatement gc = c.prepareStatement("INSERT INTO grid_cell (id, code, name, community_id, version)"
                     + " VALUES (?, ?, ?, ?, 0)");
             PreparedStatement vp = c.prepareStatement("INSERT INTO volunteer_position (id, community_id, name,"
                     + " position_type, supervisor_id, description, active, version) VALUES (?, ?, ?, ?, ?, ?, ?, 0)");
             PreparedStatement re = c.prepareStatement("INSERT INTO resident (id, id_number, name, gender, birth_date,"
                     + " phone, address, community_id, grid_cell_id, created_at, updated_at, version)"
                     + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
            String[] family = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};
            String[] given = {"秀英", "建国", "桂兰", "志强", "晨", "浩宇", "欣怡", "明", "丽", "军"};
            long sub = 0;
            long k = 0;
            for (int i = 1; i <= communities; i++) {
                if ((i - 1) % 30 == 0) {
                    sub = subIds.next();
                    int s = (i - 1) / 30 + 1;
                    sd.setLong(1, sub);
                    sd.setString(2, "STD" + String.format("%03d", s));
                    sd.setString(3, "结算街道" + s);
                    sd.executeUpdate();
                }
                long community = communityIds.next();
                String code = CODE + String.format("%04d", i);
                co.setLong(1, community);
                co.setString(2, code);
                co.setString(3, "结算社区" + i);
                co.setLong(4, sub);
                co.executeUpdate();
                long grid = gridIds.next();
                gc.setLong(1, grid);
                gc.setString(2, code + "-G01");
                gc.setString(3, "结算网格");
                gc.setLong(4, community);
                gc.executeUpdate();
                boolean visiting = i % 2 == 0;
                vp.setLong(1, positionIds.next());
                vp.setLong(2, community);
                vp.setString(3, visiting ? "探访独居老人" : "楼道环境整治");
                vp.setString(4, visiting ? "ELDERLY_VISITING" : "ENVIRONMENT");
                vp.setLong(5, operator);
                vp.setString(6, "结算基准");
                vp.setBoolean(7, true);
                vp.executeUpdate();
                for (int r = 0; r < residentsEach; r++) {
                    k++;
                    re.setLong(1, residentIds.next());
                    re.setString(2, "7" + String.format("%017d", k));
                    re.setString(3, family[(int) (k % 10)] + given[(int) (k / 10 % 10)]);
                    re.setString(4, k % 2 == 0 ? "M" : "F");
                    re.setDate(5, java.sql.Date.valueOf(LocalDate.of(1940, 1, 1).plusDays(k % 25000)));
                    re.setString(6, "138" + String.format("%08d", k % 100_000_000));
                    re.setString(7, "江城市结算区幸福路" + (k % 300) + "号");
                    re.setLong(8, community);
                    re.setLong(9, grid);
                    re.setTimestamp(10, now);
                    re.setTimestamp(11, now);
                    re.addBatch();
                }
                re.executeBatch();
                if (i % 300 == 0) {
                    c.commit();
                }
            }
        }
        c.commit();
        c.setAutoCommit(true);
        log(String.format("bench city made in %.1f s: %d communities, %d residents, %d positions",
                (System.nanoTime() - started) / 1e9, communities, (long) communities * residentsEach, communities));
    }

    // ----------------------------------------------------------------------------------------- hours

    /** The ids of the bench communities lie in [lo, hi], and no other community does. */
    long lo;
    long hi;

    void range() throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MIN(id), MAX(id), COUNT(*) FROM community WHERE code LIKE '" + CODE + "%'")) {
            rs.next();
            lo = rs.getLong(1);
            hi = rs.getLong(2);
            if (rs.getLong(3) == 0) {
                throw new IllegalStateException("no bench city");
            }
        }
        if (count("SELECT COUNT(*) FROM community WHERE id BETWEEN " + lo + " AND " + hi + " AND code NOT LIKE '" + CODE
                + "%'") != 0) {
            throw new IllegalStateException("other communities lie among the bench city's ids");
        }
    }

    String inBench(String column) {
        return column + " BETWEEN " + lo + " AND " + hi;
    }

    void hours(int n) throws SQLException {
        range();
        long started = System.nanoTime();
        // The bench communities' ledger goes (entries, transactions, expiries, statements, accounts), so
        // the baseline and the job both find every bench source unbooked and every account missing.
        String accounts = "SELECT id FROM point_account WHERE " + inBench("community_id");
        long removed = update("DELETE FROM point_entry WHERE account_id IN (" + accounts + ")");
        update("DELETE FROM point_entry WHERE transaction_id IN (SELECT id FROM point_transaction WHERE "
                + inBench("community_id") + ")");
        long txs = update("DELETE FROM point_transaction WHERE " + inBench("community_id"));
        update("DELETE FROM point_expiry WHERE account_id IN (" + accounts + ")");
        update("DELETE FROM point_statement WHERE account_id IN (" + accounts + ")");
        long accountsRemoved = update("DELETE FROM point_account WHERE " + inBench("community_id"));
        if (removed + txs + accountsRemoved > 0) {
            log(String.format("removed the bench ledger of an earlier run in %.1f s: %d transactions, %d entries, %d accounts",
                    (System.nanoTime() - started) / 1e9, txs, removed, accountsRemoved));
        }
        long have = count("SELECT COUNT(*) FROM service_hours WHERE " + inBench("community_id"));
        if (have == n) {
            log("bench service hours present: " + n);
        } else {
            started = System.nanoTime();
            if (have > 0) {
                update("DELETE FROM service_hours WHERE " + inBench("community_id"));
            }
            generate(n);
            log(String.format("%d verified service hours made in %.1f s", n, (System.nanoTime() - started) / 1e9));
        }
        statistics();
        out("communities", count("SELECT COUNT(*) FROM community WHERE " + inBench("id")));
        out("residents", count("SELECT COUNT(*) FROM resident WHERE " + inBench("community_id")));
        out("hours", count("SELECT COUNT(*) FROM service_hours WHERE " + inBench("community_id") + " AND status = 'VERIFIED'"));
        out("unbooked_hours_all", count("SELECT COUNT(*) FROM service_hours h WHERE h.status = 'VERIFIED' AND NOT EXISTS"
                + " (SELECT 1 FROM point_transaction t WHERE t.source_type = 'SERVICE_HOURS' AND t.source_id = h.id)"));
    }

    /**
     * N verified hours spread evenly over the bench communities (hour i in the i-th community modulo
     * their number) and their residents, 30 to 240 minutes each, verified on one of the 360 days
     * before today (so none expires on the run's day). One INSERT ... SELECT over a cross join of a
     * helper table of the numbers 0..999 (no generate_series on Derby): the database makes the rows
     * itself, ten times faster on Derby than JDBC batches. Each row takes its id from the sequence.
     */
    void generate(int n) throws SQLException {
        long communities = count("SELECT COUNT(*) FROM community WHERE " + inBench("id"));
        long residentsEach = count("SELECT COUNT(*) FROM resident WHERE " + inBench("community_id")) / communities;
        try (Statement s = c.createStatement()) {
            try {
                s.execute("DROP TABLE bench_number");
            } catch (SQLException absent) {
                // not there: fine
            }
            try {
                s.execute("DROP TABLE bench_resident");
            } catch (SQLException absent) {
                // not there: fine
            }
            // The bench residents in order (community, then id): the server encrypts the ID numbers
            // the city was made with, so the hours find their resident by this ordinal.
            s.execute("CREATE TABLE bench_resident (ordinal INTEGER NOT NULL PRIMARY KEY, resident_id BIGINT NOT NULL)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench_resident (ordinal, resident_id) VALUES (?, ?)");
                 Statement q = c.createStatement();
                 ResultSet rs = q.executeQuery("SELECT id FROM resident WHERE " + inBench("community_id")
                         + " ORDER BY community_id, id")) {
                int ordinal = 0;
                while (rs.next()) {
                    ps.setInt(1, ordinal++);
                    ps.setLong(2, rs.getLong(1));
                    ps.addBatch();
                    if (ordinal % 5000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            s.execute("CREATE TABLE bench_number (n INTEGER NOT NULL PRIMARY KEY)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench_number (n) VALUES (?)")) {
                for (int i = 0; i < 1000; i++) {
                    ps.setInt(1, i);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            String i = "(a.n * 1000 + b.n)";
            String day = "{ts '" + LocalDate.now() + " 00:00:00'}";
            String at = "{fn TIMESTAMPADD(SQL_TSI_MINUTE, %s, " + day + ")}";
            String sql = "INSERT INTO service_hours (id, community_id, position_id, shift_id, resident_id, started_at,"
                    + " ended_at, minutes, description, recorded_by, recorded_at, status, first_verifier, second_verifier,"
                    + " verified_at, rejection_reason, reverses_id, reversal_reason, version)"
                    + " SELECT " + (derby ? "NEXT VALUE FOR service_hours_seq" : "nextval('service_hours_seq')")
                    + ", r.community_id, p.id, CAST(NULL AS BIGINT), r.id, "
                    + String.format(at, "x.start_minute") + ", " + String.format(at, "x.start_minute + x.minutes")
                    + ", x.minutes, '结算基准服务记录', 'bench.operator', " + String.format(at, "x.start_minute + x.minutes")
                    + ", 'VERIFIED', 'bench.operator', CAST(NULL AS VARCHAR(50)), "
                    + String.format(at, "x.start_minute + x.minutes + 120")
                    + ", CAST(NULL AS VARCHAR(500)), CAST(NULL AS BIGINT), CAST(NULL AS VARCHAR(500)), 0"
                    + " FROM (SELECT 30 + MOD(" + i + " * 37, 211) AS minutes,"
                    + " 0 - (1 + MOD(" + i + ", 360)) * 1440 + (8 + MOD(" + i + ", 9)) * 60 + MOD(" + i + ", 4) * 15 AS start_minute,"
                    // the resident: the (i / communities)-th of the (i mod communities)-th community, by its ordinal
                    + " MOD(" + i + ", " + communities + ") * " + residentsEach
                    + " + MOD(" + i + " / " + communities + ", " + residentsEach + ") AS ordinal"
                    + " FROM bench_number a, bench_number b WHERE " + i + " < " + n + ") x"
                    + " JOIN bench_resident br ON br.ordinal = x.ordinal"
                    + " JOIN resident r ON r.id = br.resident_id"
                    + " JOIN volunteer_position p ON p.community_id = r.community_id";
            if (n > 1_000_000) {
                throw new IllegalArgumentException("at most 1,000,000 hours");
            }
            s.executeUpdate(sql);
            s.execute("DROP TABLE bench_number");
            s.execute("DROP TABLE bench_resident");
        }
    }

    String schema() throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("VALUES CURRENT SCHEMA")) {
            rs.next();
            return rs.getString(1);
        }
    }

    void statistics() throws SQLException {
        long started = System.nanoTime();
        String schema = derby ? schema() : null;
        try (Statement s = c.createStatement()) {
            if (derby) {
                for (String t : List.of("SERVICE_HOURS", "RESIDENT", "VOLUNTEER_POSITION", "COMMUNITY", "POINT_ACCOUNT",
                        "POINT_TRANSACTION", "POINT_ENTRY")) {
                    s.execute("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('" + schema + "', '" + t + "', NULL)");
                }
            } else {
                s.execute("ANALYZE");
            }
        }
        log(String.format("statistics updated in %.1f s", (System.nanoTime() - started) / 1e9));
    }

    // -------------------------------------------------------------------------------------- baseline

    /**
     * Runs the statements of the file (separated by a ';' at a line's end; {@code :account_base},
     * {@code :tx_base} and {@code :entry_base} are replaced by a value just taken from the sequence)
     * in one transaction, prints the time, a fingerprint of the bench ledger they wrote, and rolls back.
     */
    void baseline(Path file) throws Exception {
        range();
        List<String> statements = statements(Files.readString(file, StandardCharsets.UTF_8));
        c.setAutoCommit(false);
        long started = System.nanoTime();
        Map<String, String> bases = Map.of(":account_base", Long.toString(new Ids("point_account_seq").next()),
                ":tx_base", Long.toString(new Ids("point_transaction_seq").next()),
                ":entry_base", Long.toString(new Ids("point_entry_seq").next()));
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                for (Map.Entry<String, String> b : bases.entrySet()) {
                    sql = sql.replace(b.getKey(), b.getValue());
                }
                long t0 = System.nanoTime();
                int rows = s.executeUpdate(sql);
                log(String.format("  %8d rows in %6.1f s  %s", rows, (System.nanoTime() - t0) / 1e9, firstLine(sql)));
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        out("baseline_seconds", String.format(Locale.ROOT, "%.1f", seconds));
        String[] print = fingerprint();
        out("baseline_transactions", print[0]);
        out("baseline_entries", print[1]);
        out("baseline_fingerprint", print[2]);
        long t0 = System.nanoTime();
        c.rollback();
        c.setAutoCommit(true);
        log(String.format("baseline rolled back in %.1f s", (System.nanoTime() - t0) / 1e9));
    }

    static List<String> statements(String script) {
        List<String> list = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (String line : script.split("\n")) {
            String t = line.strip();
            if (t.startsWith("--") || t.isEmpty()) {
                continue;
            }
            sb.append(line).append('\n');
            if (t.endsWith(";")) {
                String sql = sb.toString().strip();
                list.add(sql.substring(0, sql.length() - 1));
                sb.setLength(0);
            }
        }
        return list;
    }

    static String firstLine(String sql) {
        String first = sql.strip().split("\n")[0];
        return first.length() > 90 ? first.substring(0, 90) + "…" : first;
    }

    /**
     * The bench ledger summed per account kind and expiry day: transactions, entries, and a hash of
     * the sums (amounts, sources, accounts' residents and communities, memos) that is equal exactly
     * when two runs wrote the same entries, whatever ids they took.
     */
    String[] fingerprint() throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        long entries = 0;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT a.account_kind, e.expires_on, COUNT(*), SUM(e.amount), SUM(t.source_id),"
                     + " SUM(a.resident_id), SUM(a.community_id), SUM(LENGTH(t.memo)), SUM(t.community_id)"
                     + " FROM point_entry e JOIN point_transaction t ON t.id = e.transaction_id"
                     + " JOIN point_account a ON a.id = e.account_id"
                     + " WHERE t.source_type = 'SERVICE_HOURS' AND " + inBench("t.community_id")
                     + " GROUP BY a.account_kind, e.expires_on ORDER BY a.account_kind, e.expires_on")) {
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= 9; i++) {
                    row.append(rs.getString(i)).append('|');
                }
                md.update(row.toString().getBytes(StandardCharsets.UTF_8));
                entries += rs.getLong(3);
            }
        }
        long txs = count("SELECT COUNT(*) FROM point_transaction WHERE source_type = 'SERVICE_HOURS' AND "
                + inBench("community_id"));
        return new String[] {Long.toString(txs), Long.toString(entries), HexFormat.of().formatHex(md.digest(), 0, 8)};
    }

    // ------------------------------------------------------------------------------------ tidy, verify

    /** Takes away what the rolled-back baseline left in the ledger tables' files, so the job starts as clean. */
    void tidy() throws SQLException {
        long started = System.nanoTime();
        String schema = derby ? schema() : null;
        try (Statement s = c.createStatement()) {
            for (String t : List.of("point_account", "point_transaction", "point_entry")) {
                if (derby) {
                    s.execute("CALL SYSCS_UTIL.SYSCS_COMPRESS_TABLE('" + schema + "', '" + t.toUpperCase(Locale.ROOT) + "', 1)");
                } else {
                    s.execute("VACUUM ANALYZE " + t);
                }
            }
            if (!derby) {
                s.execute("CHECKPOINT");
            }
        }
        log(String.format("ledger tables tidied in %.1f s", (System.nanoTime() - started) / 1e9));
    }

    boolean verify(long n) throws Exception {
        range();
        String tx = "point_transaction t WHERE t.source_type = 'SERVICE_HOURS' AND " + inBench("t.community_id");
        long txs = count("SELECT COUNT(*) FROM " + tx);
        long entries = count("SELECT COUNT(*) FROM point_entry e JOIN " + tx.replace(" WHERE ", " ON t.id = e.transaction_id WHERE "));
        long twice = count("SELECT COUNT(*) FROM (SELECT t.source_id FROM " + tx + " GROUP BY t.source_id HAVING COUNT(*) > 1) x");
        long unbooked = count("SELECT COUNT(*) FROM service_hours h WHERE " + inBench("h.community_id")
                + " AND NOT EXISTS (SELECT 1 FROM point_transaction t WHERE t.source_type = 'SERVICE_HOURS' AND t.source_id = h.id)");
        long unbalanced = count("SELECT COUNT(*) FROM (SELECT e.transaction_id FROM point_entry e JOIN "
                + tx.replace(" WHERE ", " ON t.id = e.transaction_id WHERE ")
                + " GROUP BY e.transaction_id HAVING SUM(e.amount) <> 0 OR COUNT(*) <> 2) x");
        String[] print = fingerprint();
        out("job_transactions", txs);
        out("job_entries", entries);
        out("sources_twice", twice);
        out("sources_unbooked", unbooked);
        out("transactions_unbalanced", unbalanced);
        out("job_fingerprint", print[2]);
        return txs == n && entries == 2 * n && twice == 0 && unbooked == 0 && unbalanced == 0;
    }

    // ----------------------------------------------------------------------------------------- helpers

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

    /** Ids from a sequence as the application takes them: one value v reserves v-49..v. */
    final class Ids {
        private final String sql;
        private long next = 1;
        private long last = 0;

        Ids(String sequence) {
            sql = derby ? "VALUES NEXT VALUE FOR " + sequence : "SELECT nextval('" + sequence + "')";
        }

        long next() throws SQLException {
            if (next > last) {
                last = count(sql);
                next = last - 49;
            }
            return next++;
        }
    }
}
