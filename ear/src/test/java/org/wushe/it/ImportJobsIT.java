package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.batch.console.ExecutionView;
import org.wushe.batch.console.JobConsole;
import org.wushe.community.domain.Gender;
import org.wushe.community.domain.IdNumber;
import org.wushe.imports.application.ImportRunView;
import org.wushe.imports.application.ImportRuns;
import org.wushe.it.support.Fixtures.Town;
import org.wushe.it.support.Fixtures;
import org.wushe.shared.Installation;

/**
 * The import jobs as the nightly run uses them: a GBK residents file dropped into the inbox is
 * imported by {@code residents-import} without parameters and moves to {@code done/} with its
 * report; a second file run again by name changes nothing; a missing file fails the run.
 */
@ExtendWith(ArquillianExtension.class)
class ImportJobsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withTests(ImportJobsIT.class);
    }

    @Inject
    Fixtures fixtures;

    @EJB
    JobConsole console;

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
            assertTrue(names.stream().anyMatch(n -> n.contains(name.replace(".csv", "")) && n.endsWith(".report.csv")),
                    () -> "with its report: " + names);
        }

        Path again = Files.createTempFile("residents-again-", ".csv");
        Files.write(again, csv.getBytes(Charset.forName("GBK")));
        assertEquals("COMPLETED", run(operator, "residents-import", Map.of("file", again.toString(), "encoding", "GBK")).status());
        ImportRunView second = runOf(operator, again.getFileName().toString());
        assertEquals(0, second.inserted());
        assertEquals(0, second.updated());
        assertEquals(1, second.unchanged(), "the same file again changes nothing");
        Files.deleteIfExists(again);

        assertEquals("FAILED", run(operator, "residents-import", Map.of("file", "/no/such/file.csv")).status());
    }
}
