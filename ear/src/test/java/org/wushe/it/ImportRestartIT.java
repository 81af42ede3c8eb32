package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.community.domain.Gender;
import org.wushe.community.domain.IdNumber;
import org.wushe.imports.application.ImportRunView;
import org.wushe.imports.application.ImportRuns;
import org.wushe.imports.domain.ImportRun;
import org.wushe.imports.domain.Inbox;
import org.wushe.it.support.Fixtures;
import org.wushe.it.support.Fixtures.Town;
import org.wushe.jobs.application.ExecutionView;
import org.wushe.jobs.application.Jobs;
import org.wushe.shared.Installation;

/**
 * {@code residents-import} as a chunk step with checkpoints: stopped after its first chunks and
 * restarted, it goes on after the last checkpoint with the same run; every good line is stored
 * exactly once, every bad line is in the report once (a duplicate of a line read before the stop
 * is still found), and the run read each line once. The same file again changes nothing.
 */
@ExtendWith(ArquillianExtension.class)
class ImportRestartIT {

    static final String HEADER = "id_number,name,gender,birth_date,phone,address,community_code,grid_code,tags";

    @Inject
    Fixtures fixtures;

    @EJB
    Jobs console;

    @EJB
    ImportRuns runs;

    @Resource(lookup = "jdbc/wushe")
    DataSource db;

    private ExecutionView await(String operator, long id) throws InterruptedException {
        for (int i = 0; i < 3000; i++) {
            ExecutionView e = runAs(operator, () -> console.execution(id));
            if (!e.running()) {
                return e;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(id + " did not end");
    }

    private long query(String sql, Object... args) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    @Test
    void aStoppedImportRestartsAfterItsCheckpoint_storingEveryLineOnce_withAWholeReport() throws Exception {
        stopAndRestart("S", 1);
    }

    /**
     * The same in two partitions (each stores the lines of its ID numbers, with its own checkpoints):
     * every line is stored once, the duplicate of line 2 found by the partition that has line 2, and
     * the run ended once, by the partition that reached the file's end last.
     */
    @Test
    void inTwoPartitions_aStoppedImportRestartsAfterEachPartitionsCheckpoint_storingEveryLineOnce() throws Exception {
        stopAndRestart("SP", 2);
    }

    private void stopAndRestart(String prefix, int partitions) throws Exception {
        Town town = fixtures.town(prefix);
        String operator = fixtures.operator(town, "operator");
        String community = town.community(prefix);
        int lines = 3000;
        LocalDate first = LocalDate.of(1931, 1, 1).plusDays(System.nanoTime() % 15000);
        int seq = (int) (System.nanoTime() % 900);
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        List<Long> badLines = new ArrayList<>();
        String secondLineId = null;
        int good = 0;
        for (int i = 0; i < lines; i++) {
            long lineNo = i + 2;
            LocalDate birth = first.plusDays(i);
            String id = IdNumber.compose("370102", birth, seq, Gender.MALE);
            if (i == 0) {
                secondLineId = id;
            }
            if (i % 500 == 250) {
                csv.append("bad,坏行,男\r\n");
                badLines.add(lineNo);
            } else if (i == lines - 40) {
                // the ID number of line 2, long after the stop: found only if the restart saw line 2 again
                csv.append(secondLineId).append(",重复,男,").append(first).append(",,,").append(community).append(',')
                        .append(town.grid(prefix, 1)).append(",\r\n");
                badLines.add(lineNo);
            } else {
                csv.append(id).append(",居民").append(i).append(",男,").append(birth).append(",,幸福路").append(i)
                        .append("号,").append(community).append(',').append(town.grid(prefix, 1 + i % 2)).append(",\r\n");
                good++;
            }
        }
        String name = "residents-restart-" + town.prefix().toLowerCase() + ".csv";
        Inbox inbox = Inbox.at(Installation.inbox());
        Path upload = Files.writeString(inbox.uploads().resolve(name), csv, StandardCharsets.UTF_8);

        long id = runAs(operator, () -> console.start("residents-import", Map.of("file", Inbox.UPLOADS + "/" + name,
                "chunkSize", "10", "partitions", Integer.toString(partitions))));
        Instant give = Instant.now().plus(Duration.ofMinutes(3));
        while (query("SELECT COALESCE(MAX(lines_read), 0) FROM import_run WHERE file_name = ?", name) == 0
                && Instant.now().isBefore(give)) {
            Thread.sleep(20);
        }
        runAs(operator, () -> console.stop(id));
        ExecutionView stopped = await(operator, id);
        assertEquals("STOPPED", stopped.status(), () -> "ended " + stopped);
        ImportRunView halfWay = only(operator, name);
        assertEquals(ImportRun.Status.STOPPED, halfWay.status(), "the run waits for the restart");
        long readBefore = halfWay.linesRead();
        assertTrue(readBefore > 0 && readBefore < lines, () -> "stopped half-way: " + halfWay);
        assertEquals(lines + 1L, halfWay.linesTotal(), "the file's lines, header included");
        // One partition reads every line: its checkpoint is at most the lines it stored (and the header);
        // two each read every line and store about half, so the furthest checkpoint is further on.
        long furthest = partitions == 1 ? readBefore + 1 : lines + 1L;
        assertTrue(halfWay.lineAt() > 1 && halfWay.lineAt() <= furthest, () -> "the checkpoint's line: " + halfWay);
        assertEquals(readBefore, query("SELECT COUNT(*) FROM resident r JOIN community c ON c.id = r.community_id"
                + " WHERE c.code = ?", community) + halfWay.rejected(), "the committed chunks' lines, nothing more");
        assertTrue(Files.exists(upload), "the file stays in uploads/ until its run ends");

        // The rest in chunks of the job's default size (10,000 lines: the whole rest in one chunk).
        long again = runAs(operator, () -> console.restart(id, Map.of("chunkSize", "10000")));
        ExecutionView done = await(operator, again);
        assertEquals("COMPLETED", done.status(), () -> "restart ended " + done);
        ImportRunView r = only(operator, name);
        assertEquals(halfWay.id(), r.id(), "the restart went on with the same run");
        assertEquals(ImportRun.Status.COMPLETED, r.status());
        assertEquals(lines, r.linesRead(), "every line read once: the restart began after the checkpoint");
        assertEquals(good, r.inserted() + r.updated() + r.unchanged(), () -> "every good line stored: " + r);
        assertEquals(badLines.size(), r.rejected());
        long restartRead = done.steps().stream().filter(s -> s.name().equals("import")).mapToLong(
                ExecutionView.StepView::read).sum();
        // The partitions' read counts go on from the stopped execution's: each line once, and the file's end in each.
        assertTrue(restartRead <= lines + partitions, () -> "no line read twice: " + restartRead + " after " + readBefore);
        assertEquals(partitions, query("SELECT parts FROM import_run WHERE id = ?", r.id()), "the run's partitions");
        assertEquals(partitions, query("SELECT parts_ended FROM import_run WHERE id = ?", r.id()),
                "each partition reached the file's end once");
        assertEquals(good, query("SELECT COUNT(*) FROM resident r JOIN community c ON c.id = r.community_id"
                + " WHERE c.code = ?", community), "each good line's resident once");
        assertEquals(0, query("SELECT COUNT(*) FROM (SELECT resident_id FROM resident_change WHERE changed_by = ?"
                + " AND field_name = 'created' GROUP BY resident_id HAVING COUNT(*) > 1) x", ImportRun.changedBy(r.id())),
                "no resident created twice");

        Path report;
        try (Stream<Path> reports = Files.list(inbox.reports())) {
            report = reports.filter(p -> p.getFileName().toString().endsWith(name + ".report.csv")).findFirst()
                    .orElseThrow(() -> new AssertionError("the report in reports/"));
        }
        byte[] bytes = Files.readAllBytes(report);
        List<CSVRecord> rows;
        try (Reader in = new StringReader(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            rows = p.getRecords();
        }
        TreeSet<Long> reported = new TreeSet<>();
        rows.forEach(row -> reported.add(Long.parseLong(row.get("line"))));
        assertEquals(new TreeSet<>(badLines), reported, "every bad line in the report, before and after the stop");
        CSVRecord duplicate = rows.stream().filter(row -> row.get("reason_key").equals("import.idNumber.duplicateInFile"))
                .findFirst().orElseThrow(() -> new AssertionError("the duplicate of line 2: " + rows));
        assertEquals("2", duplicate.get("reason_args"));
        assertTrue(duplicate.get("reason").contains("第 2 行"), () -> "in Chinese: " + duplicate.get("reason"));
        assertTrue(!Files.exists(upload), "moved to done/ when its run ended");

        // The same file again: nothing changes.
        String twice = "residents-restart-again-" + town.prefix().toLowerCase() + ".csv";
        Files.writeString(inbox.uploads().resolve(twice), csv, StandardCharsets.UTF_8);
        assertEquals("COMPLETED", await(operator, runAs(operator, () -> console.start("residents-import",
                Map.of("file", Inbox.UPLOADS + "/" + twice, "partitions", Integer.toString(partitions))))).status());
        ImportRunView second = only(operator, twice);
        assertEquals(0, second.inserted());
        assertEquals(0, second.updated());
        assertEquals(good, second.unchanged());
        assertEquals(badLines.size(), second.rejected());
    }

    private ImportRunView only(String operator, String fileName) {
        List<ImportRunView> found = runAs(operator, () -> runs.recent(200)).stream()
                .filter(v -> v.fileName().equals(fileName)).toList();
        assertEquals(1, found.size(), () -> "one run of " + fileName + ": " + found);
        return found.get(0);
    }
}
