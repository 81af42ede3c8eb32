import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.wushe.community.domain.Gender;
import org.wushe.community.domain.IdNumber;
import org.wushe.imports.domain.ChunkResult;
import org.wushe.imports.domain.CsvLine;
import org.wushe.imports.domain.GeographyIndex;
import org.wushe.imports.domain.ImportFileReader;
import org.wushe.imports.domain.ImportKind;
import org.wushe.imports.domain.LineResult;
import org.wushe.imports.domain.ResidentLineValidator;
import org.wushe.imports.domain.ResidentRow;
import org.wushe.imports.infrastructure.ResidentTable;
import org.wushe.imports.infrastructure.RunTable;

/**
 * The residents import benchmark, without a server:
 * <ul>
 *   <li>{@code generate <file> <lines>}: a valid residents file (UTF-8 with BOM, CRLF) over 3,000
 *       communities of 7 grid cells, every tag and field used;</li>
 *   <li>{@code validate <file>}: reading and checking every line with the product's reader and
 *       validator (full validation), lines/s and live heap;</li>
 *   <li>{@code store <file> <derbyDir>}: the same, and storing the good lines with the product's
 *       chunk writer into an embedded Derby (schema from the migrations), a commit per 1,000 lines;
 *       run it twice to time the re-import that changes nothing.</li>
 *   <li>{@code search <derbyDir> <lines> <count>}: after a store, {@code count} look-ups of a resident by
 *       a random ID number of the file, each as the product does it (see {@link IdSearch}): the row
 *       found, its ID number and phone as the masked view shows them; mean, p50, p95, look-ups/s.</li>
 *   <li>{@code crypto <count>}: what a stored resident costs in cryptography alone (schema 22 on): the
 *       ID number and the phone encrypted and hashed, then decrypted, per resident, in one thread.</li>
 * </ul>
 */
public class ImportBench {

    static final int COMMUNITIES = 3000;
    static final int GRIDS = 7;
    static final String[] NAMES = {"王秀英", "张伟", "李娜", "刘洋", "陈静", "杨帆", "赵磊", "黄丽", "周杰", "吴敏"};
    static final String[] TAGS = {"", "", "", "独居老人", "高龄老人;慢性病", "党员", "退役军人", "低保户;残疾人", "", "留守儿童"};

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "generate" -> generate(Path.of(args[1]), Integer.parseInt(args[2]));
            case "validate" -> validate(Path.of(args[1]));
            case "store" -> store(Path.of(args[1]), Path.of(args[2]));
            case "search" -> search(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "crypto" -> crypto(Integer.parseInt(args[1]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static String community(int c) {
        return String.format("C%04d", c + 1);
    }

    static String grid(int c, int g) {
        return community(c) + String.format("-G%02d", g + 1);
    }

    static void generate(Path file, int lines) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write('\uFEFF');
            w.write(String.join(",", ImportKind.RESIDENTS.header()));
            w.write("\r\n");
            LocalDate start = LocalDate.of(1940, 1, 1);
            for (int i = 0; i < lines; i++) {
                LocalDate birth = start.plusDays((i / 500) % 25_000);
                Gender gender = i % 2 == 0 ? Gender.FEMALE : Gender.MALE;
                String id = IdNumber.compose(String.valueOf(110101 + i / (500 * 25_000)), birth, i % 500, gender);
                int c = i % COMMUNITIES;
                int g = (i / COMMUNITIES) % GRIDS;
                w.write(id);
                w.write(',');
                w.write(NAMES[i % NAMES.length]);
                w.write(',');
                w.write(gender.label());
                w.write(',');
                w.write(birth.toString());
                w.write(',');
                w.write(i % 3 == 0 ? "" : String.format("139%08d", i % 100_000_000));
                w.write(",\"江城市东湖区幸福路" + (i % 300) + "号" + (i % 12 + 1) + "栋" + (i % 30 + 101) + "室\",");
                w.write(community(c));
                w.write(',');
                w.write(grid(c, g));
                w.write(',');
                w.write(TAGS[i % TAGS.length]);
                w.write("\r\n");
            }
        }
        System.out.printf("generated %s: %,d lines, %,d bytes%n", file, lines, Files.size(file));
    }

    /** The ID number of line {@code i} of a generated file. */
    static String idOf(int i) {
        LocalDate birth = LocalDate.of(1940, 1, 1).plusDays((i / 500) % 25_000);
        Gender gender = i % 2 == 0 ? Gender.FEMALE : Gender.MALE;
        return IdNumber.compose(String.valueOf(110101 + i / (500 * 25_000)), birth, i % 500, gender);
    }

    static void search(Path derby, int lines, int count) throws Exception {
        String url = "jdbc:derby:" + derby.toAbsolutePath();
        java.util.Random random = new java.util.Random(19);
        long[] nanos = new long[count];
        int found = 0;
        double cpu0 = 0;
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            IdSearch search = new IdSearch(c);
            for (int i = 0; i < 200; i++) {          // warm-up: class loading, the JIT, Derby's plan cache
                search.find(idOf(random.nextInt(lines)));
            }
            cpu0 = cpuSeconds();
            for (int i = 0; i < count; i++) {
                String id = idOf(random.nextInt(lines));
                long t = System.nanoTime();
                String masked = search.find(id);
                nanos[i] = System.nanoTime() - t;
                if (masked != null) {
                    found++;
                }
            }
            c.commit();
        }
        double cpu = cpuSeconds() - cpu0;
        try {
            DriverManager.getConnection("jdbc:derby:;shutdown=true");
        } catch (SQLException expected) {
            // Derby says so with an exception
        }
        long[] sorted = nanos.clone();
        java.util.Arrays.sort(sorted);
        double total = java.util.Arrays.stream(nanos).sum() / 1e9;
        System.out.printf("search by ID number: %,d look-ups (%,d found) in %.2f s = %,.0f look-ups/s; mean %.3f ms,"
                        + " p50 %.3f ms, p95 %.3f ms; CPU %.2f s = %.1f µs a look-up%n", count, found, total, count / total,
                total * 1000 / count, sorted[count / 2] / 1e6, sorted[(int) (count * 0.95)] / 1e6, cpu, cpu * 1e6 / count);
    }

    static void crypto(int count) {
        String[] ids = new String[count];
        for (int i = 0; i < count; i++) {
            ids[i] = idOf(i);
        }
        long sink = 0;
        for (int round = 0; round < 2; round++) {     // the first round warms the JIT up
            long t0 = System.nanoTime();
            String[] sealed = new String[count];
            for (int i = 0; i < count; i++) {
                sealed[i] = org.wushe.shared.protect.Sealed.seal(ids[i]);
                sink += org.wushe.shared.protect.Sealed.hash(ids[i]).length();
                sink += org.wushe.shared.protect.Sealed.seal("139" + ids[i].substring(10, 18).replace('X', '0')).length();
                sink += org.wushe.shared.protect.Sealed.hash("139" + ids[i].substring(10, 18)).length();
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < count; i++) {
                sink += org.wushe.shared.protect.Sealed.open(sealed[i]).length();
            }
            long t2 = System.nanoTime();
            if (round == 1) {
                System.out.printf("crypto per resident: seal + hash of the ID number and the phone %.1f µs, open of one value"
                        + " %.1f µs (%,d residents, one thread; %d)%n", (t1 - t0) / 1e3 / count, (t2 - t1) / 1e3 / count,
                        count, sink % 10);
            }
        }
    }

    static GeographyIndex geography() {
        GeographyIndex index = new GeographyIndex();
        long id = 1;
        for (int c = 0; c < COMMUNITIES; c++) {
            index.community(c + 1, community(c), "社区" + c);
            for (int g = 0; g < GRIDS; g++) {
                index.grid(100_000 + (long) c * GRIDS + g, grid(c, g), "网格" + g, community(c));
            }
        }
        return index;
    }

    /** The largest heap in use (garbage included) seen while running, sampled every 50 ms. */
    static final class HeapWatch implements AutoCloseable {
        final AtomicLong peak = new AtomicLong();
        final Thread thread;
        volatile boolean running = true;

        HeapWatch() {
            thread = new Thread(() -> {
                while (running) {
                    peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join();
        }
    }

    static void validate(Path file) throws Exception {
        GeographyIndex geo = geography();
        long accepted = 0;
        long rejected = 0;
        long started;
        long ended;
        ResidentLineValidator validator;
        try (HeapWatch heap = new HeapWatch()) {
            started = System.nanoTime();
            validator = new ResidentLineValidator(geo, LocalDate.of(2026, 11, 25));
            try (ImportFileReader reader = ImportFileReader.open(file, ImportKind.RESIDENTS, null)) {
                CsvLine line;
                while ((line = reader.next()) != null) {
                    if (validator.validate(line) instanceof LineResult.Accepted) {
                        accepted++;
                    } else {
                        rejected++;
                    }
                }
            }
            ended = System.nanoTime();
            heap.close();
            long live = liveHeap();
            java.lang.ref.Reference.reachabilityFence(validator);
            report("parse+validate", file, accepted, rejected, ended - started, heap.peak.get(), live);
        }
    }

    /** The heap still in use after a full collection: what the run keeps, garbage excluded. */
    static long liveHeap() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static void report(String what, Path file, long accepted, long rejected, long nanos, long peakUsed, long live) {
        double seconds = nanos / 1e9;
        System.out.printf("%s %s: %,d lines (%,d good, %,d bad) in %.2f s = %,.0f lines/s; heap in use at most %.1f MB,"
                        + " live at the end %.1f MB (-Xmx %d MB); CPU of the JVM so far %.1f s%n", what, file.getFileName(),
                accepted + rejected, accepted, rejected, seconds, (accepted + rejected) / seconds, peakUsed / 1048576.0,
                live / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576, cpuSeconds());
    }

    /** CPU time the JVM has used so far, all threads (on a shared machine, steadier than the wall clock). */
    static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    static void store(Path file, Path derby) throws Exception {
        String url = "jdbc:derby:" + derby.toAbsolutePath() + ";create=true";
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            if (!tableExists(c, "IMPORT_RUN")) {
                migrate(c);
                seed(c);
            }
            long runId;
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("VALUES NEXT VALUE FOR import_run_seq")) {
                rs.next();
                runId = rs.getLong(1);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO import_run (id, import_kind, file_name, status,"
                    + " started_by, started_at, lines_read, inserted, updated, unchanged, rejected, version)"
                    + " VALUES (?, 'RESIDENTS', ?, 'RUNNING', 'bench', ?, 0, 0, 0, 0, 0, 1)")) {
                ps.setLong(1, runId);
                ps.setString(2, file.getFileName().toString());
                ps.setTimestamp(3, Timestamp.from(Instant.now()));
                ps.executeUpdate();
            }
            c.commit();
            GeographyIndex geo = geographyOf(c);
            ChunkResult total = ChunkResult.NONE;
            long started;
            long ended;
            ResidentLineValidator validator;
            try (HeapWatch heap = new HeapWatch()) {
                started = System.nanoTime();
                validator = new ResidentLineValidator(geo, LocalDate.of(2026, 11, 25));
                List<LineResult<ResidentRow>> chunk = new ArrayList<>(1000);
                try (ImportFileReader reader = ImportFileReader.open(file, ImportKind.RESIDENTS, null)) {
                    CsvLine line;
                    while ((line = reader.next()) != null) {
                        chunk.add(validator.validate(line));
                        if (chunk.size() == 1000) {
                            total = total.plus(write(c, runId, chunk).counts());
                            chunk.clear();
                        }
                    }
                    total = total.plus(write(c, runId, chunk).counts());
                }
                ended = System.nanoTime();
                heap.close();
                long live = liveHeap();
                java.lang.ref.Reference.reachabilityFence(validator);
                report("parse+validate+store (Derby)", file, total.read() - total.rejected(), total.rejected(),
                        ended - started, heap.peak.get(), live);
            }
            System.out.printf("  run %d: inserted %,d, updated %,d, unchanged %,d, refused %,d%n", runId,
                    total.inserted(), total.updated(), total.unchanged(), total.rejected());
        }
        try {
            DriverManager.getConnection("jdbc:derby:;shutdown=true");
        } catch (SQLException expected) {
            // Derby says so with an exception
        }
    }

    static ChunkResult write(Connection c, long runId, List<LineResult<ResidentRow>> lines) throws SQLException {
        List<ResidentRow> good = new ArrayList<>(lines.size());
        for (LineResult<ResidentRow> l : lines) {
            if (l instanceof LineResult.Accepted<ResidentRow> a) {
                good.add(a.row());
            }
        }
        ChunkResult stored = ResidentTable.upsert(c, "import#" + runId, good, Instant.now());
        ChunkResult result = new ChunkResult(lines.size(), stored.inserted(), stored.updated(), stored.unchanged(),
                lines.size() - good.size(), List.of());
        RunTable.record(c, runId, result);
        c.commit();
        return result;
    }

    static boolean tableExists(Connection c, String name) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, null, name, null)) {
            return rs.next();
        }
    }

    /** The product's migrations, statement by statement (they are plain SQL without procedures). */
    static void migrate(Connection c) throws Exception {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("migrations")))) {
            scripts = files.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted((a, b) -> Integer.compare(version(a), version(b))).toList();
        }
        try (Statement s = c.createStatement()) {
            for (Path script : scripts) {
                StringBuilder sql = new StringBuilder();
                for (String line : Files.readAllLines(script)) {
                    int comment = line.indexOf("--");
                    String code = comment >= 0 ? line.substring(0, comment) : line;
                    sql.append(code.replace("${blob_type}", "BLOB")).append('\n');
                }
                for (String statement : sql.toString().split(";")) {
                    if (!statement.isBlank()) {
                        s.execute(statement);
                    }
                }
            }
        }
        c.commit();
        System.out.println("schema: " + scripts.size() + " migrations applied");
    }

    static int version(Path p) {
        String n = p.getFileName().toString();
        return Integer.parseInt(n.substring(1, n.indexOf("__")));
    }

    static void seed(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO sub_district (id, code, name, version) VALUES (1, 'SD01', '街道', 1)");
        }
        try (PreparedStatement pc = c.prepareStatement(
                "INSERT INTO community (id, code, name, sub_district_id, version) VALUES (?, ?, ?, 1, 1)");
             PreparedStatement pg = c.prepareStatement(
                     "INSERT INTO grid_cell (id, code, name, community_id, version) VALUES (?, ?, ?, ?, 1)")) {
            for (int i = 0; i < COMMUNITIES; i++) {
                pc.setLong(1, i + 1);
                pc.setString(2, community(i));
                pc.setString(3, "社区" + i);
                pc.addBatch();
                for (int g = 0; g < GRIDS; g++) {
                    pg.setLong(1, 100_000 + (long) i * GRIDS + g);
                    pg.setString(2, grid(i, g));
                    pg.setString(3, "网格" + g);
                    pg.setLong(4, i + 1);
                    pg.addBatch();
                }
            }
            pc.executeBatch();
            pg.executeBatch();
        }
        c.commit();
    }

    static GeographyIndex geographyOf(Connection c) throws SQLException {
        GeographyIndex index = new GeographyIndex();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT id, code, name FROM community")) {
                while (rs.next()) {
                    index.community(rs.getLong(1), rs.getString(2), rs.getString(3));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT g.id, g.code, g.name, c.code FROM grid_cell g"
                    + " JOIN community c ON c.id = g.community_id")) {
                while (rs.next()) {
                    index.grid(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4));
                }
            }
        }
        return index;
    }
}
