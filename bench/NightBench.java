import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;
import org.wushe.community.domain.Gender;
import org.wushe.community.domain.IdNumber;
import org.wushe.imports.domain.ImportKind;
import org.wushe.shared.protect.Sealed;

/**
 * The city and the inputs of bench/night.sh (PostgreSQL only), with the product's classes on the class
 * path for the ID numbers and the sealing of residents' identifiers:
 *
 * <pre>
 *   java -Dwushe.data.keyFile=KEYS -cp ... NightBench URL USER - city C R
 *        the city-scale geography (sub-districts BSD001.. of 20 communities, communities B0001..,
 *        grid cells B0001-G01..-G07), one volunteer position per community, the account
 *        bench.operator (a copy of the demo's operator) and C x R residents written sealed the way the
 *        product stores them (Sealed.seal of the ID number and the phone, Sealed.hash beside each) with
 *        COPY; once (a city of another size: start from an empty database)
 *   ... files DIR LINES VOLUNTEERS   the night's residents file (LINES lines over the stored residents,
 *        spread over every community: 1 in 100 bad, an invalid ID number's check character; 1 in 10
 *        changed, another address; the rest as stored) and volunteers file (one certification for each
 *        of VOLUNTEERS stored residents), written as residents-night.csv and volunteers-night.csv
 *   ... reset N        undoes what a night changed (addresses back, the bench residents' change
 *        history and imported certifications removed, the bench ledger removed) and makes exactly N
 *        verified, unbooked service hours in the bench communities
 *   ... counts         key=value lines for the script: residents, hours, booked, certifications, changes
 * </pre>
 *
 * Resident k (0-based) lives in community k / R, grid cell k % 7; its ID number is {@link #idOf}. The
 * ids of each table are one block reserved from the table's sequence (the entities take 50 ids per
 * value, so the sequence is moved past the block), so that hours and file lines find residents by
 * arithmetic.
 */
public class NightBench {

    static final String[] NAMES = {"王秀英", "张伟", "李娜", "刘洋", "陈静", "杨帆", "赵磊", "黄丽", "周杰", "吴敏"};
    static final int GRIDS = 7;
    static final String BENCH = "SELECT id FROM community WHERE code LIKE 'B%' AND LENGTH(code) = 5";

    final Connection c;

    NightBench(Connection c) {
        this.c = c;
    }

    public static void main(String[] args) throws Exception {
        String password = "-".equals(args[2]) ? System.getenv("BENCH_DB_PASSWORD") : args[2];
        try (Connection c = DriverManager.getConnection(args[0], args[1], password)) {
            NightBench b = new NightBench(c);
            switch (args[3]) {
                case "city" -> b.city(Integer.parseInt(args[4]), Integer.parseInt(args[5]));
                case "files" -> b.files(Path.of(args[4]), Integer.parseInt(args[5]), Integer.parseInt(args[6]));
                case "reset" -> b.reset(Integer.parseInt(args[4]));
                case "counts" -> b.counts();
                default -> throw new IllegalArgumentException(args[3]);
            }
        }
    }

    static LocalDate birthOf(long k) {
        return LocalDate.of(1940, 1, 1).plusDays((k / 500) % 25_000);
    }

    static Gender genderOf(long k) {
        return k % 2 == 0 ? Gender.FEMALE : Gender.MALE;
    }

    /** The ID number of resident k: a region of Nanjing no other bench uses, valid check character. */
    static String idOf(long k) {
        return IdNumber.compose(String.valueOf(320102 + k / (500L * 25_000)), birthOf(k), (int) (k % 500), genderOf(k));
    }

    static String phoneOf(long k) {
        return k % 3 == 0 ? null : String.format("139%08d", (k * 7) % 100_000_000);
    }

    static String addressOf(long k, boolean moved) {
        return "江城市东湖区" + (moved ? "和平路" : "幸福路") + (k % 300) + "号" + (k % 12 + 1) + "栋" + (k % 30 + 101) + "室";
    }

    static String community(long c) {
        return String.format("B%04d", c + 1);
    }

    long one(String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** n consecutive ids base+1..base+n of a sequence; the sequence moved past them (50 ids a value). */
    long block(String sequence, long n) throws SQLException {
        long base = one("SELECT nextval('" + sequence + "')");
        one("SELECT setval('" + sequence + "', " + (base + n + 50) + ")");
        return base;
    }

    record City(long communities, long residentsEach, long communityBase, long gridBase, long positionBase,
                long residentBase) {
        long total() {
            return communities * residentsEach;
        }
    }

    /** The city as stored: its size and the first ids of its blocks. */
    City stored() throws SQLException {
        long communities = one("SELECT COUNT(*) FROM (" + BENCH + ") x");
        if (communities == 0) {
            return null;
        }
        long residents = one("SELECT COUNT(*) FROM resident WHERE community_id IN (" + BENCH + ")");
        return new City(communities, residents / communities, one("SELECT MIN(id) - 1 FROM (" + BENCH + ") x"),
                one("SELECT MIN(id) - 1 FROM grid_cell WHERE community_id IN (" + BENCH + ")"),
                one("SELECT MIN(id) - 1 FROM volunteer_position WHERE community_id IN (" + BENCH + ")"),
                one("SELECT MIN(id) - 1 FROM resident WHERE community_id IN (" + BENCH + ")"));
    }

    void city(int communities, int residentsEach) throws Exception {
        City have = stored();
        if (have != null) {
            if (have.communities() != communities || have.residentsEach() != residentsEach) {
                throw new IllegalStateException("a city of " + have.communities() + " communities of " + have.residentsEach()
                        + " residents is in the database: start from an empty database (FRESH=1)");
            }
            System.out.println("[bench] city present: " + communities + " communities, " + have.total() + " residents");
            return;
        }
        long started = System.nanoTime();
        c.setAutoCommit(false);
        long operator = one("SELECT nextval('account_seq')");
        if (one("SELECT COUNT(*) FROM account WHERE username = 'bench.operator'") == 0) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO account (id, username, password_hash, display_name,"
                    + " account_role, community_id, supervisor_id, resident_id, failed_sign_ins, locked_until, enabled,"
                    + " created_at, version) SELECT ?, 'bench.operator', password_hash, '夜间基准运维', account_role, community_id,"
                    + " NULL, NULL, 0, NULL, enabled, now(), 0 FROM account WHERE username = 'operator'")) {
                ps.setLong(1, operator);
                if (ps.executeUpdate() != 1) {
                    throw new IllegalStateException("no demo account 'operator' to copy");
                }
            }
        } else {
            operator = one("SELECT id FROM account WHERE username = 'bench.operator'");
        }
        int subs = (communities + 19) / 20;
        long sub = block("sub_district_seq", subs);
        long com = block("community_seq", communities);
        long grid = block("grid_cell_seq", (long) communities * GRIDS);
        long pos = block("volunteer_position_seq", communities);
        long total = (long) communities * residentsEach;
        long res = block("resident_seq", total);
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO sub_district (id, code, name, version) SELECT " + sub + " + g, 'BSD' || lpad(g::text, 3, '0'),"
                    + " '基准街道' || g, 0 FROM generate_series(1, " + subs + ") g");
            s.executeUpdate("INSERT INTO community (id, code, name, sub_district_id, version) SELECT " + com + " + g,"
                    + " 'B' || lpad(g::text, 4, '0'), '基准社区' || g, " + sub + " + (g - 1) / 20 + 1, 0"
                    + " FROM generate_series(1, " + communities + ") g");
            s.executeUpdate("INSERT INTO grid_cell (id, code, name, community_id, version) SELECT " + grid + " + g,"
                    + " 'B' || lpad(((g - 1) / 7 + 1)::text, 4, '0') || '-G' || lpad(((g - 1) % 7 + 1)::text, 2, '0'),"
                    + " '基准网格' || ((g - 1) % 7 + 1), " + com + " + (g - 1) / 7 + 1, 0"
                    + " FROM generate_series(1, " + (long) communities * GRIDS + ") g");
            s.executeUpdate("INSERT INTO volunteer_position (id, community_id, name, position_type, supervisor_id, description,"
                    + " active, version) SELECT " + pos + " + g, " + com + " + g,"
                    + " CASE WHEN g % 2 = 0 THEN '探访独居老人' ELSE '楼道环境整治' END,"
                    + " CASE WHEN g % 2 = 0 THEN 'ELDERLY_VISITING' ELSE 'ENVIRONMENT' END, " + operator + ", '夜间基准', true, 0"
                    + " FROM generate_series(1, " + communities + ") g");
            // The residents' indexes are built after the COPY (a sort each, not 6 random inserts a row);
            // their foreign keys are not checked row by row (the rows refer to the blocks above).
            List<String> again = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT 'ALTER TABLE resident ADD CONSTRAINT ' || conname || ' '"
                    + " || pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'resident'::regclass AND contype = 'u'")) {
                while (rs.next()) {
                    again.add(rs.getString(1));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT indexdef FROM pg_indexes WHERE tablename = 'resident' AND indexname NOT IN"
                    + " (SELECT conname FROM pg_constraint WHERE conrelid = 'resident'::regclass)")) {
                while (rs.next()) {
                    again.add(rs.getString(1));
                }
            }
            List<String> drop = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT 'ALTER TABLE resident DROP CONSTRAINT ' || conname FROM pg_constraint"
                    + " WHERE conrelid = 'resident'::regclass AND contype = 'u' UNION ALL SELECT 'DROP INDEX ' || indexname"
                    + " FROM pg_indexes WHERE tablename = 'resident' AND indexname NOT IN (SELECT conname FROM pg_constraint"
                    + " WHERE conrelid = 'resident'::regclass)")) {
                while (rs.next()) {
                    drop.add(rs.getString(1));
                }
            }
            for (String d : drop) {
                s.execute(d);
            }
            s.execute("SET LOCAL session_replication_role = replica");
            CopyManager copy = new CopyManager(c.unwrap(BaseConnection.class));
            String sql = "COPY resident (id, id_number, id_number_hash, name, gender, birth_date, phone, phone_hash, address,"
                    + " community_id, grid_cell_id, created_at, updated_at, version) FROM STDIN";
            String now = java.time.LocalDateTime.now().withNano(0).toString().replace('T', ' ');
            int block = 100_000;
            for (long from = 0; from < total; from += block) {
                long first = from;
                int n = (int) Math.min(block, total - from);
                // Sealing is the costly part: both cores make the rows, in order.
                String text = IntStream.range(0, n).parallel().mapToObj(j -> {
                    long k = first + j;
                    String id = idOf(k);
                    String phone = phoneOf(k);
                    long community = k / residentsEach;
                    return (res + 1 + k) + "\t" + Sealed.seal(id) + "\t" + Sealed.hash(id) + "\t" + NAMES[(int) (k % 10)]
                            + "\t" + (genderOf(k) == Gender.MALE ? "M" : "F") + "\t" + birthOf(k) + "\t"
                            + (phone == null ? "\\N" : Sealed.seal(phone)) + "\t" + (phone == null ? "\\N" : Sealed.hash(phone))
                            + "\t" + addressOf(k, false) + "\t" + (com + 1 + community) + "\t"
                            + (grid + 1 + community * GRIDS + k % GRIDS) + "\t" + now + "\t" + now + "\t0\n";
                }).collect(java.util.stream.Collectors.joining());
                copy.copyIn(sql, new StringReader(text));
                if ((from / block) % 10 == 9) {
                    System.out.printf("[bench]   %,d residents written%n", from + n);
                }
            }
            long copied = System.nanoTime();
            for (String a : again) {
                s.execute(a);
            }
            System.out.printf("[bench]   residents' indexes built in %.1f s%n", (System.nanoTime() - copied) / 1e9);
        }
        c.commit();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("ANALYZE");
        }
        System.out.printf("[bench] city made in %.1f s: %,d communities, %,d grid cells, %,d residents (sealed)%n",
                (System.nanoTime() - started) / 1e9, communities, (long) communities * GRIDS, total);
    }

    void files(Path dir, int lines, int volunteers) throws IOException, SQLException {
        City city = stored();
        if (city == null) {
            throw new IllegalStateException("no city");
        }
        long total = city.total();
        if (lines > total || volunteers > total) {
            throw new IllegalArgumentException("more lines than stored residents (" + total + ")");
        }
        Files.createDirectories(dir);
        Path residents = dir.resolve("residents-night.csv");
        long bad = 0;
        long changed = 0;
        try (BufferedWriter w = Files.newBufferedWriter(residents, StandardCharsets.UTF_8)) {
            w.write('\uFEFF');
            w.write(String.join(",", ImportKind.RESIDENTS.header()));
            w.write("\r\n");
            for (int i = 0; i < lines; i++) {
                long k = (long) i * total / lines;
                String id = idOf(k);
                if (i % 100 == 99) {
                    // a bad line: the check character of another number
                    char check = id.charAt(17);
                    id = id.substring(0, 17) + (check == '0' ? '1' : '0');
                    bad++;
                } else if (i % 10 == 3) {
                    changed++;
                }
                long community = k / city.residentsEach();
                String phone = phoneOf(k);
                w.write(id + "," + NAMES[(int) (k % 10)] + "," + genderOf(k).label() + "," + birthOf(k) + ","
                        + (phone == null ? "" : phone) + "," + addressOf(k, i % 10 == 3 && i % 100 != 99) + ","
                        + community(community) + "," + community(community) + String.format("-G%02d", k % GRIDS + 1) + ",\r\n");
            }
        }
        Path vol = dir.resolve("volunteers-night.csv");
        try (BufferedWriter w = Files.newBufferedWriter(vol, StandardCharsets.UTF_8)) {
            w.write('\uFEFF');
            w.write(String.join(",", ImportKind.VOLUNTEERS.header()));
            w.write("\r\n");
            for (int j = 0; j < volunteers; j++) {
                long k = (long) j * total / volunteers + total / volunteers / 2;
                w.write(idOf(k) + "," + NAMES[(int) (k % 10)] + ",ELDER_CARE,助老服务,2026-01-10,2028-01-09\r\n");
            }
        }
        System.out.printf("[bench] %s: %,d lines (%,d changed, %,d bad, the rest as stored), %,d bytes; %s: %,d lines%n",
                residents.getFileName(), lines, changed, bad, Files.size(residents), vol.getFileName(), volunteers);
        System.out.println("lines=" + lines);
        System.out.println("changed=" + changed);
        System.out.println("bad=" + bad);
    }

    void reset(int hours) throws SQLException {
        City city = stored();
        if (city == null) {
            throw new IllegalStateException("no city");
        }
        long started = System.nanoTime();
        c.setAutoCommit(false);
        String residents = "SELECT id FROM resident WHERE community_id IN (" + BENCH + ")";
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL session_replication_role = replica");
            long moved = s.executeUpdate("UPDATE resident SET address = replace(address, '和平路', '幸福路')"
                    + " WHERE community_id IN (" + BENCH + ") AND address LIKE '%和平路%'");
            long changes = s.executeUpdate("DELETE FROM resident_change WHERE resident_id IN (" + residents + ")");
            long certs = s.executeUpdate("DELETE FROM certification WHERE issued_by_kind = 'IMPORT' AND resident_id IN ("
                    + residents + ")");
            String accounts = "SELECT id FROM point_account WHERE community_id IN (" + BENCH + ")";
            s.executeUpdate("DELETE FROM point_entry WHERE account_id IN (" + accounts + ")");
            s.executeUpdate("DELETE FROM point_entry WHERE transaction_id IN (SELECT id FROM point_transaction WHERE community_id IN ("
                    + BENCH + "))");
            long txs = s.executeUpdate("DELETE FROM point_transaction WHERE community_id IN (" + BENCH + ")");
            s.executeUpdate("DELETE FROM point_expiry WHERE account_id IN (" + accounts + ")");
            s.executeUpdate("DELETE FROM point_statement WHERE account_id IN (" + accounts + ")");
            s.executeUpdate("DELETE FROM point_account WHERE community_id IN (" + BENCH + ")");
            long have = one("SELECT COUNT(*) FROM service_hours WHERE community_id IN (" + BENCH + ")");
            if (have != hours) {
                s.executeUpdate("DELETE FROM service_hours WHERE community_id IN (" + BENCH + ")");
                // hour i: community i mod C, its ((i / C) mod R)-th resident, 30..240 minutes, verified on one
                // of the 360 days before today
                long C = city.communities();
                long R = city.residentsEach();
                s.executeUpdate("INSERT INTO service_hours (id, community_id, position_id, shift_id, resident_id, started_at,"
                        + " ended_at, minutes, description, recorded_by, recorded_at, status, first_verifier, second_verifier,"
                        + " verified_at, rejection_reason, reverses_id, reversal_reason, version)"
                        + " SELECT nextval('service_hours_seq'), " + city.communityBase() + " + 1 + x.c, " + city.positionBase()
                        + " + 1 + x.c, NULL, " + city.residentBase() + " + 1 + x.c * " + R + " + x.r, x.s, x.s + x.m * interval '1 minute',"
                        + " x.m, '夜间基准服务记录', 'bench.operator', x.s + x.m * interval '1 minute', 'VERIFIED', 'bench.operator', NULL,"
                        + " x.s + (x.m + 120) * interval '1 minute', NULL, NULL, NULL, 0"
                        + " FROM (SELECT i % " + C + " AS c, (i / " + C + ") % " + R + " AS r, 30 + (i * 37) % 211 AS m,"
                        + " current_date - (1 + i % 360) * interval '1 day' + ((8 + i % 9) * 60 + (i % 4) * 15) * interval '1 minute' AS s"
                        + " FROM generate_series(0, " + (hours - 1) + ") i) x");
            }
            c.commit();
            c.setAutoCommit(true);
            s.execute("VACUUM ANALYZE resident");
            s.execute("ANALYZE");
            System.out.printf("[bench] reset in %.1f s: %,d addresses back, %,d change rows, %,d certifications, %,d transactions"
                    + " removed; %,d verified service hours waiting%n", (System.nanoTime() - started) / 1e9, moved, changes, certs,
                    txs, hours);
        }
    }

    void counts() throws SQLException {
        String residents = "SELECT id FROM resident WHERE community_id IN (" + BENCH + ")";
        System.out.println("residents=" + one("SELECT COUNT(*) FROM resident WHERE community_id IN (" + BENCH + ")"));
        System.out.println("moved=" + one("SELECT COUNT(*) FROM resident WHERE community_id IN (" + BENCH + ") AND address LIKE '%和平路%'"));
        System.out.println("changes=" + one("SELECT COUNT(*) FROM resident_change WHERE resident_id IN (" + residents + ")"));
        System.out.println("certifications=" + one("SELECT COUNT(*) FROM certification WHERE issued_by_kind = 'IMPORT' AND resident_id IN ("
                + residents + ")"));
        System.out.println("hours=" + one("SELECT COUNT(*) FROM service_hours WHERE community_id IN (" + BENCH + ")"));
        System.out.println("booked=" + one("SELECT COUNT(*) FROM point_transaction WHERE source_type = 'SERVICE_HOURS' AND community_id IN ("
                + BENCH + ")"));
    }
}
