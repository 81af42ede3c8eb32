import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The database side of bench/import-server.sh (plain JDBC, no product classes):
 *
 * <pre>
 *   java -cp DRIVER:CLASSES ServerImportCity URL USER - city      the communities C0001..C3000 with grid cells
 *                                                               -G01..-G07 (the geography of ImportBench's
 *                                                               generated files) and the account bench.operator
 *                                                               (a copy of the demo account operator), once
 *   ... clean       removes the residents of those communities, their tags and change history (the first
 *                   import of the benchmark then stores new residents only)
 *   ... counts      residents, tags and change rows of those communities, and the last import runs
 * </pre>
 *
 * The password "-" is read from BENCH_DB_PASSWORD. Every id comes from the table's sequence the way
 * the entities take them (INCREMENT BY 50: one value reserves 50 ids).
 */
public class ServerImportCity {

    static final int COMMUNITIES = 3000;
    static final int GRIDS = 7;
    /** The bench communities: codes of five characters C0001..C3000 (the demo's are C001..C004). */
    static final String BENCH = "SELECT id FROM community WHERE code LIKE 'C%' AND LENGTH(code) = 5";

    final Connection c;
    final boolean derby;

    ServerImportCity(Connection c) throws SQLException {
        this.c = c;
        this.derby = c.getMetaData().getDatabaseProductName().toLowerCase().contains("derby");
    }

    public static void main(String[] args) throws Exception {
        String password = "-".equals(args[2]) ? System.getenv("BENCH_DB_PASSWORD") : args[2];
        try (Connection c = DriverManager.getConnection(args[0], args[1], password)) {
            ServerImportCity b = new ServerImportCity(c);
            switch (args[3]) {
                case "city" -> b.city();
                case "clean" -> b.clean();
                case "counts" -> b.counts();
                default -> throw new IllegalArgumentException(args[3]);
            }
        }
    }

    long one(String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    final class Ids {
        private final String sql;
        private long next = 1;
        private long last = 0;

        Ids(String sequence) {
            sql = derby ? "VALUES NEXT VALUE FOR " + sequence : "SELECT nextval('" + sequence + "')";
        }

        long next() throws SQLException {
            if (next > last) {
                last = one(sql);
                next = last - 49;
            }
            return next++;
        }
    }

    void city() throws SQLException {
        c.setAutoCommit(false);
        if (one("SELECT COUNT(*) FROM account WHERE username = 'bench.operator'") == 0) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO account (id, username, password_hash, display_name,"
                    + " account_role, community_id, supervisor_id, resident_id, failed_sign_ins, locked_until, enabled,"
                    + " created_at, version) SELECT ?, 'bench.operator', password_hash, '导入基准运维', account_role, community_id,"
                    + " CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), 0, CAST(NULL AS TIMESTAMP), enabled, CURRENT_TIMESTAMP, 0"
                    + " FROM account WHERE username = 'operator'")) {
                ps.setLong(1, new Ids("account_seq").next());
                if (ps.executeUpdate() != 1) {
                    throw new IllegalStateException("no demo account 'operator' to copy");
                }
            }
        }
        long have = one("SELECT COUNT(*) FROM (" + BENCH + ") x");
        if (have == COMMUNITIES) {
            c.commit();
            System.out.println("bench communities present: " + have);
            return;
        }
        if (have != 0) {
            throw new IllegalStateException(have + " bench communities in the database, expected 0 or " + COMMUNITIES);
        }
        Ids subIds = new Ids("sub_district_seq");
        Ids communityIds = new Ids("community_seq");
        Ids gridIds = new Ids("grid_cell_seq");
        try (PreparedStatement sd = c.prepareStatement("INSERT INTO sub_district (id, code, name, version) VALUES (?, ?, ?, 0)");
             PreparedStatement co = c.prepareStatement("INSERT INTO community (id, code, name, sub_district_id, version)"
                     + " VALUES (?, ?, ?, ?, 0)");
             PreparedStatement gc = c.prepareStatement("INSERT INTO grid_cell (id, code, name, community_id, version)"
                     + " VALUES (?, ?, ?, ?, 0)")) {
            long sub = 0;
            for (int i = 0; i < COMMUNITIES; i++) {
                if (i % 30 == 0) {
                    sub = subIds.next();
                    sd.setLong(1, sub);
                    sd.setString(2, String.format("IMP%03d", i / 30 + 1));
                    sd.setString(3, "导入街道" + (i / 30 + 1));
                    sd.executeUpdate();
                }
                long community = communityIds.next();
                co.setLong(1, community);
                co.setString(2, String.format("C%04d", i + 1));
                co.setString(3, "导入社区" + (i + 1));
                co.setLong(4, sub);
                co.addBatch();
                for (int g = 0; g < GRIDS; g++) {
                    gc.setLong(1, gridIds.next());
                    gc.setString(2, String.format("C%04d-G%02d", i + 1, g + 1));
                    gc.setString(3, "网格" + (g + 1));
                    gc.setLong(4, community);
                    gc.addBatch();
                }
                if (i % 100 == 99) {
                    co.executeBatch();
                    gc.executeBatch();
                }
            }
            co.executeBatch();
            gc.executeBatch();
        }
        c.commit();
        System.out.println("bench communities made: " + COMMUNITIES + " with " + GRIDS + " grid cells each");
    }

    void clean() throws SQLException {
        c.setAutoCommit(false);
        String residents = "SELECT id FROM resident WHERE community_id IN (" + BENCH + ")";
        try (Statement s = c.createStatement()) {
            if (!derby) {
                // The bench cluster's owner is its superuser: the foreign keys that point at residents
                // (two dozen tables, some without an index on the key) are not checked row by row
                // for rows that nothing but their own tags and history refers to.
                s.execute("SET LOCAL session_replication_role = replica");
            }
            int changes = s.executeUpdate("DELETE FROM resident_change WHERE resident_id IN (" + residents + ")");
            int tags = s.executeUpdate("DELETE FROM resident_tag WHERE resident_id IN (" + residents + ")");
            int gone = s.executeUpdate("DELETE FROM resident WHERE community_id IN (" + BENCH + ")");
            c.commit();
            System.out.println("removed the bench residents of an earlier run: " + gone + " residents, " + tags
                    + " tags, " + changes + " change rows");
        }
    }

    void counts() throws SQLException {
        String residents = "SELECT id FROM resident WHERE community_id IN (" + BENCH + ")";
        System.out.println("residents=" + one("SELECT COUNT(*) FROM resident WHERE community_id IN (" + BENCH + ")"));
        System.out.println("tags=" + one("SELECT COUNT(*) FROM resident_tag WHERE resident_id IN (" + residents + ")"));
        System.out.println("changes=" + one("SELECT COUNT(*) FROM resident_change WHERE resident_id IN (" + residents + ")"));
        System.out.println("created=" + one("SELECT COUNT(*) FROM resident_change WHERE field_name = 'created' AND resident_id IN ("
                + residents + ")"));
    }
}
