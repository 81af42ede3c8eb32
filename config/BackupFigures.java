import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What config/backup.sh compares between a database and its backup: the rows of every table, the
 * points ledger's balance per account, the fund ledger's balance per account and the fund's
 * invariant per community (docs/fund.md), the audit chain's head, the report files' names and
 * sha256. Printed as sorted "name value" lines; long lists (balances per account) as a count, a sum
 * and a sha256 over the ordered "account balance" lines. Every figure is one aggregate query.
 *
 * <pre>
 *   java -cp JARS config/BackupFigures.java figures URL USER              the figures, now
 *   java -cp JARS config/BackupFigures.java derby-backup URL USER DIR     Derby: the figures and
 *       SYSCS_UTIL.SYSCS_BACKUP_DATABASE(DIR) in one transaction that holds a share lock on every
 *       table, so both show the same moment (writers wait while it runs; readers do not)
 *   java -cp JARS config/BackupFigures.java pg-snapshot URL USER CMD...    PostgreSQL: exports a
 *       snapshot, takes the figures in it, runs CMD with the argument {snapshot} replaced by its
 *       name (pg_dump --snapshot={snapshot}), then ends the transaction: the dump and the figures
 *       show the same moment, and nobody waits
 *   java -cp JARS config/BackupFigures.java derby-restore DBPATH USER FROMDIR   Derby, embedded:
 *       creates the database DBPATH from the backup copy FROMDIR (createFrom=), prints its figures,
 *       then runs the update STATEMENT if one is given, and shuts the database down
 *   java -cp JARS config/BackupFigures.java sql URL USER STATEMENT       runs one update statement
 *   java -cp JARS config/BackupFigures.java rows URL USER QUERY          prints a query's rows (tabs)
 *   java BackupFigures.java totp BASE32SECRET                             the current TOTP code
 * </pre>
 * The database password comes from the environment (WUSHE_BACKUP_DB_PASSWORD), never an argument.
 * Figures go to standard output; messages to standard error.
 */
public final class BackupFigures {

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            usage();
        }
        if (args[0].equals("totp")) {
            System.out.println(totp(args[1], System.currentTimeMillis() / 1000 / 30));
            return;
        }
        if (args.length < 3) {
            usage();
        }
        String password = System.getenv().getOrDefault("WUSHE_BACKUP_DB_PASSWORD", "");
        switch (args[0]) {
            case "figures" -> {
                try (Connection c = DriverManager.getConnection(args[1], args[2], password)) {
                    print(figures(c));
                }
            }
            case "derby-backup" -> derbyBackup(args[1], args[2], password, args[3]);
            case "pg-snapshot" -> pgSnapshot(args[1], args[2], password, List.of(args).subList(3, args.length));
            case "derby-restore" -> {
                String url = "jdbc:derby:" + args[1] + ";createFrom=" + args[3];
                try (Connection c = DriverManager.getConnection(url, args[2], password)) {
                    print(figures(c));
                    if (args.length > 4) {
                        update(c, args[4]);
                    }
                }
                shutdownDerby(args[1]);
            }
            case "sql" -> {
                try (Connection c = DriverManager.getConnection(args[1], args[2], password)) {
                    update(c, args[3]);
                }
            }
            case "rows" -> {
                try (Connection c = DriverManager.getConnection(args[1], args[2], password);
                     Statement s = c.createStatement(); ResultSet rs = s.executeQuery(args[3])) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder line = new StringBuilder();
                        for (int i = 1; i <= n; i++) {
                            line.append(i > 1 ? "\t" : "").append(rs.getString(i));
                        }
                        System.out.println(line);
                    }
                }
            }
            default -> usage();
        }
    }

    private static void update(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            System.err.println("[backup] " + s.executeUpdate(sql) + " rows changed: " + sql);
        }
    }

    private static void usage() {
        System.err.println("usage: BackupFigures figures|derby-backup|pg-snapshot|derby-restore|sql|rows|totp ... (see the class comment)");
        System.exit(2);
    }

    private static void derbyBackup(String url, String user, String password, String dir) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
                try (Statement s = c.createStatement()) {
                    long locked = System.nanoTime();
                    for (String table : tables(c)) {
                        s.execute("LOCK TABLE " + quote(table) + " IN SHARE MODE");
                    }
                    Map<String, String> figures = figures(c);
                    long started = System.nanoTime();
                    s.execute("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE('" + dir.replace("'", "''") + "')");
                    c.commit();
                    System.err.printf("[backup] Derby's online backup took %.1f s; the application's writers waited %.1f s"
                            + " (figures and copy)%n", (System.nanoTime() - started) / 1e9, (System.nanoTime() - locked) / 1e9);
                    print(figures);
                    return;
                } catch (SQLException e) {
                    c.rollback();
                    // a deadlock or lock timeout with a writer of the application: try again
                    if (attempt < 5 && ("40001".equals(e.getSQLState()) || "40XL1".equals(e.getSQLState()))) {
                        System.err.println("[backup] " + e.getMessage() + "; trying again");
                        continue;
                    }
                    throw e;
                }
            }
        }
    }

    private static void pgSnapshot(String url, String user, String password, List<String> command) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            String snapshot;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_export_snapshot()")) {
                rs.next();
                snapshot = rs.getString(1);
            }
            Map<String, String> figures = figures(c);
            List<String> cmd = new ArrayList<>();
            for (String a : command) {
                cmd.add(a.replace("{snapshot}", snapshot));
            }
            // The command writes its own file (pg_dump -f); its messages go to standard error, and
            // nothing of it to standard output, which carries the figures.
            Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            int rc = p.waitFor();
            c.commit();
            if (rc != 0) {
                System.err.println("[backup] ERROR: " + cmd.get(0) + " ended with exit code " + rc);
                System.exit(rc);
            }
            print(figures);
        }
    }

    private static void shutdownDerby(String path) {
        try {
            DriverManager.getConnection("jdbc:derby:" + path + ";shutdown=true").close();
        } catch (SQLException e) {
            if (!"08006".equals(e.getSQLState())) {   // 08006: the database was shut down, as asked
                System.err.println("[backup] shutting the restored database down: " + e.getMessage());
            }
        }
    }

    private static void print(Map<String, String> figures) {
        figures.forEach((k, v) -> System.out.println(k + " " + v));
    }

    /** The application's tables: those of the connection's own schema. */
    static List<String> tables(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String schema = c.getSchema();
        List<String> names = new ArrayList<>();
        try (ResultSet rs = md.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        if (names.isEmpty()) {
            throw new SQLException("no tables in schema " + schema + ": not a Wushe database, or an empty one");
        }
        return names;
    }

    private static String quote(String table) {
        return '"' + table.replace("\"", "\"\"") + '"';
    }

    static Map<String, String> figures(Connection c) throws SQLException {
        Map<String, String> f = new TreeMap<>();
        for (String t : tables(c)) {
            f.put("rows." + t.toLowerCase(), one(c, "SELECT COUNT(*) FROM " + quote(t)));
        }
        list(c, f, "points.balances", "SELECT account_id, SUM(amount) FROM point_entry GROUP BY account_id ORDER BY account_id");
        f.put("points.unbalancedTransactions", one(c, "SELECT COUNT(*) FROM (SELECT transaction_id FROM point_entry"
                + " GROUP BY transaction_id HAVING SUM(amount) <> 0) x"));
        list(c, f, "fund.balances", "SELECT account_id, SUM(CASE WHEN side = 'D' THEN amount_fen ELSE 0 - amount_fen END)"
                + " FROM fund_entry GROUP BY account_id ORDER BY account_id");
        f.put("fund.unbalancedTransactions", one(c, "SELECT COUNT(*) FROM (SELECT transaction_id FROM fund_entry GROUP BY"
                + " transaction_id HAVING SUM(CASE WHEN side = 'D' THEN amount_fen ELSE 0 - amount_fen END) <> 0) x"));
        fundInvariant(c, f);
        f.put("audit.chainHead", one(c, "SELECT last_seq FROM audit_chain_head WHERE id = 1") + ':'
                + one(c, "SELECT last_hash FROM audit_chain_head WHERE id = 1"));
        f.put("audit.lastEntry", one(c, "SELECT MAX(chain_seq) FROM audit_entry"));
        list(c, f, "reports.files", "SELECT report_period || '/' || file_name, sha256 FROM report_file ORDER BY report_period, file_name");
        return f;
    }

    /**
     * The fund's invariant per community: money held (CASH + RESTRICTED + BUDGET, summed from the
     * entries) = donations - refunds - booked expenditures, and the accounts' kept balances agree
     * with their entries. fund.invariantBroken counts the communities where either fails.
     */
    private static void fundInvariant(Connection c, Map<String, String> f) throws SQLException {
        Map<Long, long[]> byCommunity = new HashMap<>();   // held by entries, kept balances, records
        sums(c, byCommunity, 0, "SELECT a.community_id, SUM(CASE WHEN e.side = 'D' THEN e.amount_fen ELSE 0 - e.amount_fen END)"
                + " FROM fund_entry e JOIN fund_account a ON a.id = e.account_id"
                + " WHERE a.kind IN ('CASH', 'RESTRICTED', 'BUDGET') GROUP BY a.community_id");
        sums(c, byCommunity, 1, "SELECT community_id, SUM(balance_fen) FROM fund_account"
                + " WHERE kind IN ('CASH', 'RESTRICTED', 'BUDGET') GROUP BY community_id");
        sums(c, byCommunity, 2, "SELECT community_id, SUM(amount_fen) FROM fund_donation GROUP BY community_id");
        sums(c, byCommunity, 2, "SELECT community_id, 0 - SUM(amount_fen) FROM fund_refund GROUP BY community_id");
        sums(c, byCommunity, 2, "SELECT community_id, 0 - SUM(amount_fen) FROM fund_expenditure WHERE status = 'BOOKED'"
                + " GROUP BY community_id");
        long broken = 0;
        long held = 0;
        for (long[] v : byCommunity.values()) {
            held += v[0];
            if (v[0] != v[1] || v[0] != v[2]) {
                broken++;
            }
        }
        f.put("fund.invariantBroken", Long.toString(broken));
        f.put("fund.held", Long.toString(held));
    }

    private static void sums(Connection c, Map<Long, long[]> into, int slot, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                into.computeIfAbsent(rs.getLong(1), k -> new long[3])[slot] += rs.getLong(2);
            }
        }
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? String.valueOf(rs.getString(1)) : "none";
        }
    }

    /** A list of (key, value) rows as name.count, name.sum (of the values, when numbers) and name.sha256. */
    private static void list(Connection c, Map<String, String> f, String name, String sql) throws SQLException {
        MessageDigest sha = sha256();
        long count = 0;
        long sum = 0;
        boolean numbers = true;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String v = rs.getString(2);
                sha.update((rs.getString(1) + ' ' + v + '\n').getBytes(StandardCharsets.UTF_8));
                count++;
                try {
                    sum += Long.parseLong(v);
                } catch (NumberFormatException e) {
                    numbers = false;
                }
            }
        }
        f.put(name + ".count", Long.toString(count));
        if (numbers) {
            f.put(name + ".sum", Long.toString(sum));
        }
        f.put(name + ".sha256", HexFormat.of().formatHex(sha.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 6238 TOTP, SHA-1, 6 digits, 30 s (the product's second factor), for the bench's API calls. */
    static String totp(String base32, long step) throws Exception {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        java.io.ByteArrayOutputStream key = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char ch : base32.toUpperCase().replace("=", "").toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(ch);
            bits += 5;
            if (bits >= 8) {
                key.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
        mac.init(new javax.crypto.spec.SecretKeySpec(key.toByteArray(), "HmacSHA1"));
        byte[] h = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(step).array());
        int o = h[h.length - 1] & 0xf;
        int code = ((h[o] & 0x7f) << 24 | (h[o + 1] & 0xff) << 16 | (h[o + 2] & 0xff) << 8 | (h[o + 3] & 0xff)) % 1_000_000;
        return String.format("%06d", code);
    }
}
