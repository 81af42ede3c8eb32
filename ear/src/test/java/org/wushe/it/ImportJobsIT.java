package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.community.domain.Gender;
import org.wushe.community.domain.IdNumber;
import org.wushe.imports.application.ImportRunView;
import org.wushe.imports.application.ImportRuns;
import org.wushe.imports.domain.Inbox;
import org.wushe.it.support.Fixtures.Town;
import org.wushe.it.support.Fixtures;
import org.wushe.jobs.application.ExecutionView;
import org.wushe.jobs.application.Jobs;
import org.wushe.shared.Installation;
import org.wushe.shared.ValidationException;

/**
 * The import jobs as the nightly run uses them: a GBK residents file dropped into the inbox is
 * imported by {@code residents-import} without parameters and moves to {@code done/}, its report
 * to {@code reports/}; a second file run again by name changes nothing; a name outside the inbox
 * is refused, and fails a job started around the console; the retention deletes old imported files
 * only.
 */
@ExtendWith(ArquillianExtension.class)
class ImportJobsIT {

    @Inject
    Fixtures fixtures;

    @EJB
    Jobs console;

    @EJB
    ImportRuns runs;

    private ExecutionView run(String operator, String job, Map<String, String> params) throws InterruptedException {
        long id = runAs(operator, () -> console.start(job, params));
        for (int i = 0; i < 1200; i++) {
            ExecutionView e = runAs(operator, () -> console.execution(id));
            if (!e.running()) {
                return e;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(job + " did not end");
    }

    private ImportRunView runOf(String operator, String fileName) {
        List<ImportRunView> recent = runAs(operator, () -> runs.recent(50));
        return recent.stream().filter(r -> r.fileName().equals(fileName)).findFirst()
                .orElseThrow(() -> new AssertionError("no import run of " + fileName + " in " + recent));
    }

    @Test
    void aFileInTheInboxIsImportedAndMovedToDoneAndARunByNameIsIdempotent() throws Exception {
        Town town = fixtures.town("A");
        String operator = fixtures.operator(town, "operator");
        LocalDate birth = LocalDate.of(1948, 5, 6).plusDays(System.nanoTime() % 3000);
        String id = IdNumber.compose("420106", birth, (int) (System.nanoTime() % 400), Gender.MALE);
        String csv = "id_number,name,gender,birth_date,phone,address,community_code,grid_code,tags\r\n"
                + id + ",收件箱居民,男," + birth + ",13812345678,江城市东湖区幸福路2号," + town.community("A") + ","
                + town.grid("A", 1) + ",ELDERLY_ALONE\r\n"
                + "bad,坏行,男,1948-05-06,138,地址," + town.community("A") + "," + town.grid("A", 1) + ",\r\n";
        Path inbox = Installation.inbox();
        String name = "residents-" + town.prefix().toLowerCase() + ".csv";
        Files.write(inbox.resolve(name), csv.getBytes(Charset.forName("GBK")));

        ExecutionView done = run(operator, "residents-import", Map.of());
        assertEquals("COMPLETED", done.status(), () -> "ended " + done);
        ImportRunView r = runOf(operator, name);
        assertEquals(1, r.inserted());
        assertEquals(1, r.rejected());
        assertEquals("GBK", r.charset(), "detected as GBK");
        assertFalse(Files.exists(inbox.resolve(name)), "the file left the inbox");
        try (Stream<Path> moved = Files.list(inbox.resolve("done"))) {
            List<String> names = moved.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().anyMatch(n -> n.endsWith(name)), () -> "moved to done: " + names);
        }
        try (Stream<Path> reports = Files.list(inbox.resolve("reports"))) {
            List<String> names = reports.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().anyMatch(n -> n.endsWith(name + ".report.csv")), () -> "its report: " + names);
        }

        // Named by the parameter, relative to the inbox: run, then moved to done/ as well.
        String againName = "residents-again-" + town.prefix().toLowerCase() + ".csv";
        Path again = Files.write(inbox.resolve(Inbox.UPLOADS).resolve(againName), csv.getBytes(Charset.forName("GBK")));
        assertEquals("COMPLETED", run(operator, "residents-import", Map.of("file", Inbox.UPLOADS + "/" + againName,
                "encoding", "GBK")).status());
        ImportRunView second = runOf(operator, againName);
        assertEquals(0, second.inserted());
        assertEquals(0, second.updated());
        assertEquals(1, second.unchanged(), "the same file again changes nothing");
        assertFalse(Files.exists(again), "moved to done/ after its run");

        String missing = assertThrows(ValidationException.class, () -> runAs(operator,
                () -> console.start("residents-import", Map.of("file", "uploads/no-such-file.csv")))).errors().get(0).key();
        assertEquals("import.file.missing", missing);
    }

    @Test
    void aNumberOfPartitionsOutsideOneToEight_isRefusedWithTheValueGiven() {
        Town town = fixtures.town("Q");
        String operator = fixtures.operator(town, "operator");
        for (String parts : List.of("0", "9", "two", "-1", "1.5")) {
            ValidationException e = assertThrows(ValidationException.class, () -> runAs(operator,
                    () -> console.start("residents-import", Map.of("partitions", parts))), parts);
            assertEquals("job.partitions.range", e.errors().get(0).key(), parts);
            assertEquals(List.of(parts), e.errors().get(0).args());
        }
    }

    @Test
    void aFileParameterOutsideTheInbox_isRefusedByTheService_andFailsTheJobStartedAnotherWay() throws Exception {
        Town town = fixtures.town("T");
        String operator = fixtures.operator(town, "operator");
        for (String file : List.of("../../etc/passwd", "/etc/passwd", "..%2F..%2Fetc%2Fpasswd", "uploads/../../x.csv")) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> runAs(operator, () -> console.start("residents-import", Map.of("file", file))), file);
            assertEquals("import.file.outsideInbox", e.errors().get(0).key(), file);
            assertEquals(List.of(file), e.errors().get(0).args());
        }
        // A symbolic link in the inbox that leads out of it.
        Path outside = Files.createTempFile("grids-outside-", ".csv");
        Files.writeString(outside, "community_code,grid_code,name\r\n");
        Path link = Installation.inbox().resolve("uploads").resolve("link-" + town.prefix().toLowerCase() + ".csv");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, outside);
        try {
            assertEquals("import.file.outsideInbox", assertThrows(ValidationException.class, () -> runAs(operator,
                    () -> console.start("grids-import", Map.of("file", "uploads/" + link.getFileName()))))
                    .errors().get(0).key());

            // Started around the console (straight on the batch runtime): the job fails before reading.
            java.util.Properties p = new java.util.Properties();
            p.setProperty("file", "../../etc/passwd");
            long id = jakarta.batch.runtime.BatchRuntime.getJobOperator().start("residents-import", p);
            ExecutionView failed = await(operator, id);
            assertEquals("FAILED", failed.status(), () -> "ended " + failed);
            java.util.Properties q = new java.util.Properties();
            q.setProperty("file", "uploads/" + link.getFileName());
            assertEquals("FAILED", await(operator, jakarta.batch.runtime.BatchRuntime.getJobOperator()
                    .start("grids-import", q)).status(), "a link out of the inbox is not followed");
            assertTrue(Files.exists(link), "and stays where it is");
            assertFalse(Files.exists(outside.resolveSibling(outside.getFileName() + ".report.csv")), "no report next to it");
        } finally {
            Files.deleteIfExists(link);
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void theRetention_deletesOldImportedFilesReportsAndFilesLeftWaiting_andKeepsFreshOnes() throws Exception {
        Town town = fixtures.town("R");
        String operator = fixtures.operator(town, "operator");
        Inbox inbox = Inbox.at(Installation.inbox());
        String tag = town.prefix().toLowerCase();
        FileTime old = FileTime.from(Instant.now().minus(Duration.ofDays(31)));
        Path oldDone = Files.writeString(inbox.done().resolve("20200101-000000-residents-old-" + tag + ".csv"), "x");
        Path oldReport = Files.writeString(inbox.reports().resolve("20200101-000000-residents-old-" + tag + ".csv.report.csv"), "x");
        Path freshDone = Files.writeString(inbox.done().resolve("20200101-000000-residents-fresh-" + tag + ".csv"), "x");
        Path waiting = Files.writeString(inbox.root().resolve("waiting-" + tag + ".csv"), "x");
        Path uploaded = Files.writeString(inbox.uploads().resolve("1-residents-" + tag + ".csv"), "x");
        Path freshWaiting = Files.writeString(inbox.root().resolve("waiting-fresh-" + tag + ".csv"), "x");
        for (Path p : List.of(oldDone, oldReport, waiting, uploaded)) {
            Files.setLastModifiedTime(p, old);
        }
        try {
            ExecutionView purge = run(operator, "inbox-purge", Map.of());
            assertEquals("COMPLETED", purge.status(), () -> "ended " + purge);
            assertFalse(Files.exists(oldDone), "imported 31 days ago: deleted (30 days by default)");
            assertFalse(Files.exists(oldReport), "its report too");
            assertTrue(Files.exists(freshDone), "imported today: kept");
            assertFalse(Files.exists(waiting), "left waiting for 31 days: deleted (full identifiers)");
            assertFalse(Files.exists(uploaded), "uploaded 31 days ago and never imported: deleted");
            assertTrue(Files.exists(freshWaiting), "waiting since today: kept");

            assertEquals("COMPLETED", run(operator, "inbox-purge", Map.of("retentionDays", "40")).status());
            assertTrue(Files.exists(freshDone));
        } finally {
            for (Path p : List.of(oldDone, oldReport, freshDone, waiting, uploaded, freshWaiting)) {
                Files.deleteIfExists(p);
            }
        }
    }

    private ExecutionView await(String operator, long id) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            ExecutionView e = runAs(operator, () -> console.execution(id));
            if (!e.running()) {
                return e;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(id + " did not end");
    }
}
