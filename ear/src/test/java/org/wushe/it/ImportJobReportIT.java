package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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
 * The report an import job writes to the inbox's {@code reports/} names each reason in the bureau's
 * language (it read {@code import.line.columns [9, 3]} when the job's thread did not find the
 * texts), and the run row counts the file's lines and the line reached, which the console shows
 * as the run's progress.
 */
@ExtendWith(ArquillianExtension.class)
class ImportJobReportIT {

    static final String HEADER = "id_number,name,gender,birth_date,phone,address,community_code,grid_code,tags";

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

    @Test
    void theJobsReportNamesEachReasonInChinese_andTheRunCountsTheFilesLines() throws Exception {
        Town town = fixtures.town("Q");
        String operator = fixtures.operator(town, "operator");
        LocalDate birth = LocalDate.of(1950, 3, 4).plusDays(System.nanoTime() % 3000);
        String id = IdNumber.compose("420106", birth, (int) (System.nanoTime() % 400), Gender.FEMALE);
        String csv = HEADER + "\r\n"
                + id + ",报告居民,女," + birth + ",13812345678,幸福路3号," + town.community("Q") + "," + town.grid("Q", 1) + ",\r\n"
                + "only,three,columns\r\n"
                + "420106195003040000,坏号码,女,1950-03-04,,," + town.community("Q") + "," + town.grid("Q", 1) + ",富豪\r\n";
        String name = "residents-report-" + town.prefix().toLowerCase() + ".csv";
        Inbox inbox = Inbox.at(Installation.inbox());
        Files.writeString(inbox.uploads().resolve(name), csv, StandardCharsets.UTF_8);

        ExecutionView done = run(operator, "residents-import", Map.of("file", Inbox.UPLOADS + "/" + name));
        assertEquals("COMPLETED", done.status(), () -> "ended " + done);
        ImportRunView r = runAs(operator, () -> runs.recent(50)).stream().filter(v -> v.fileName().equals(name))
                .findFirst().orElseThrow();
        assertEquals(ImportRun.Status.COMPLETED, r.status());
        assertEquals(1, r.inserted());
        assertEquals(2, r.rejected());
        assertEquals(4L, r.linesTotal(), "header and three lines, counted when the run began");
        assertEquals(4L, r.lineAt(), "the run reached the last line");

        Path report;
        try (Stream<Path> reports = Files.list(inbox.reports())) {
            report = reports.filter(p -> p.getFileName().toString().endsWith(name + ".report.csv")).findFirst()
                    .orElseThrow(() -> new AssertionError("the job wrote its report to reports/"));
        }
        byte[] bytes = Files.readAllBytes(report);
        assertEquals((byte) 0xEF, bytes[0], "UTF-8 with a byte order mark");
        List<CSVRecord> rows;
        try (Reader in = new StringReader(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            rows = p.getRecords();
        }
        CSVRecord columns = rows.stream().filter(row -> row.get("reason_key").equals("import.line.columns")).findFirst()
                .orElseThrow(() -> new AssertionError("the line of three columns: " + rows));
        assertEquals("3", columns.get("line"));
        assertEquals("9|3", columns.get("reason_args"));
        assertEquals("本行应有 9 列，实际有 3 列。", columns.get("reason"), "the reason in Chinese, not the key");
        CSVRecord tag = rows.stream().filter(row -> row.get("reason_key").equals("import.tag.unknown")).findFirst()
                .orElseThrow(() -> new AssertionError("the unknown tag: " + rows));
        assertEquals("未知的标签：富豪。", tag.get("reason"));
        for (CSVRecord row : rows) {
            assertTrue(row.get("reason").codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    () -> "every reason in Chinese: " + row);
        }
    }
}
