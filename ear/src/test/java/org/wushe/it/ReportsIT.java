package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.assessment.domain.Metric;
import org.wushe.it.support.Fixtures;
import org.wushe.it.support.Fixtures.Town;
import org.wushe.jobs.application.ExecutionView;
import org.wushe.jobs.application.Jobs;
import org.wushe.reports.application.ReportFileView;
import org.wushe.reports.application.ReportFiles;
import org.wushe.reports.domain.ReportKind;
import org.wushe.security.domain.Role;
import org.wushe.shared.NotInScopeException;
import org.wushe.shared.NotPermittedException;
import org.wushe.shared.ValidationException;

/**
 * {@code reports-monthly} on a small worked month (the figures of AssessmentIT's community A, as
 * snapshotted): the files of two communities and of the city, their text and numbers read back
 * with PDFBox and Commons CSV, a third community without a snapshot skipped and counted, a second
 * run replacing the files, and the downloads checked by scope and audited.
 */
@ExtendWith(ArquillianExtension.class)
class ReportsIT {

    /** A month no other test writes into. */
    private static final YearMonth MONTH = YearMonth.of(2018, 11);

    @Inject
    Fixtures fixtures;

    @EJB
    Jobs console;

    @EJB
    ReportFiles files;

    @Resource(lookup = "jdbc/wushe")
    DataSource db;

    private long count(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void snapshot(Connection c, long community, YearMonth month, Map<Metric, String> figures) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO assessment_snapshot (period_month, community_id,"
                + " metric, metric_value, taken_at) VALUES (?, ?, ?, ?, ?)")) {
            for (Map.Entry<Metric, String> f : figures.entrySet()) {
                ps.setDate(1, Date.valueOf(month.atDay(1)));
                ps.setLong(2, community);
                ps.setString(3, f.getKey().name());
                ps.setBigDecimal(4, new BigDecimal(f.getValue()));
                ps.setTimestamp(5, Timestamp.valueOf(month.plusMonths(1).atDay(1).atStartOfDay()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private ExecutionView run(String operator, Map<String, String> params) throws InterruptedException {
        long id = runAs(operator, () -> console.start("reports-monthly", params));
        for (int i = 0; i < 1200; i++) {
            ExecutionView e = runAs(operator, () -> console.execution(id));
            if (!e.running()) {
                return e;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("reports-monthly did not end");
    }

    private static String text(Path pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** The text without line ends and spaces, so a figure broken over two lines is still found. */
    private static String flat(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static List<String> fontNames(Path pdf) throws Exception {
        List<String> names = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDResources r = doc.getPage(0).getResources();
            for (var n : r.getFontNames()) {
                names.add(r.getFont(n).getName());
            }
        }
        return names;
    }

    private Instant createdAt(long community, YearMonth month, ReportKind kind) throws SQLException {
        return ((Timestamp) fileColumn("created_at", community, month, kind)).toInstant();
    }

    private Path filePath(long community, YearMonth month, ReportKind kind) throws SQLException {
        return Path.of((String) fileColumn("file_path", community, month, kind));
    }

    private Object fileColumn(String column, long community, YearMonth month, ReportKind kind) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM report_file WHERE community_id = ?"
                     + " AND report_period = ? AND report_kind = ?")) {
            ps.setLong(1, community);
            ps.setString(2, month.toString());
            ps.setString(3, kind.name());
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), () -> "no " + kind + " of community " + community);
                return rs.getObject(1);
            }
        }
    }

    private static ExecutionView.StepView step(ExecutionView e, String name) {
        return e.steps().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + name + " in " + e));
    }

    @Test
    void theMonthlyReportsAreWrittenReadBackReplacedAndDownloadedByScope() throws Exception {
        Town town = fixtures.town("A", "B", "C");
        String operator = fixtures.operator(town, "operator");
        String secretaryA = fixtures.staff(town, "secretarya", Role.PARTY_SECRETARY, "A");
        String secretaryB = fixtures.staff(town, "secretaryb", Role.PARTY_SECRETARY, "B");
        String officer = fixtures.officer(town, "officer");
        String cadre = fixtures.staff(town, "cadre", Role.COMMUNITY_CADRE, "A");
        long a;
        long b;
        long withoutSnapshot;
        try (Connection c = db.getConnection()) {
            a = count(c, "SELECT id FROM community WHERE code = ?", town.community("A"));
            b = count(c, "SELECT id FROM community WHERE code = ?", town.community("B"));
            // Community A: the worked example of docs/assessment.md; the month before, 1 of 2 closed.
            Map<Metric, String> fa = new HashMap<>();
            fa.put(Metric.NEEDS_REGISTERED, "2");
            fa.put(Metric.NEEDS_CLOSED, "2");
            fa.put(Metric.NEEDS_OPEN_BASE, "3");
            fa.put(Metric.NEEDS_CLOSURE_RATE, "0.6667");
            fa.put(Metric.NEEDS_MEDIAN_CLOSURE_HOURS, "132.0");
            fa.put(Metric.SATISFACTION_SUM, "8");
            fa.put(Metric.SATISFACTION_COUNT, "2");
            fa.put(Metric.SATISFACTION_AVG, "4.0000");
            fa.put(Metric.SERVICES_COMPLETED, "2");
            fa.put(Metric.SERVICE_SCORE, "0.9");
            fa.put(Metric.ATTENDANCES, "3");
            fa.put(Metric.DISTINCT_PARTICIPANTS, "2");
            fa.put(Metric.ROTATION_SHARE, "0.6667");
            fa.put(Metric.INSPECTIONS, "2");
            fa.put(Metric.INSPECTION_HOURS, "3.5");
            snapshot(c, a, MONTH, fa);
            snapshot(c, a, MONTH.minusMonths(1), Map.of(Metric.NEEDS_CLOSED, "1", Metric.NEEDS_OPEN_BASE, "2",
                    Metric.NEEDS_CLOSURE_RATE, "0.5000"));
            // Community B: one need registered and closed after 12 h, rated 4.
            snapshot(c, b, MONTH, Map.of(Metric.NEEDS_REGISTERED, "1", Metric.NEEDS_CLOSED, "1", Metric.NEEDS_OPEN_BASE, "1",
                    Metric.NEEDS_CLOSURE_RATE, "1.0000", Metric.NEEDS_MEDIAN_CLOSURE_HOURS, "12.0",
                    Metric.SATISFACTION_SUM, "4", Metric.SATISFACTION_COUNT, "1", Metric.SATISFACTION_AVG, "4.0000"));
            // Community C has no snapshot for the month.
            withoutSnapshot = count(c, "SELECT COUNT(*) FROM community c WHERE NOT EXISTS (SELECT 1 FROM assessment_snapshot s"
                    + " WHERE s.period_month = ? AND s.community_id = c.id)", Date.valueOf(MONTH.atDay(1)));
        }
        String codes = town.community("A") + "," + town.community("B") + "," + town.community("C");

        ExecutionView done = run(operator, Map.of("month", MONTH.toString(), "communities", codes));
        assertEquals("COMPLETED", done.status(), () -> "ended " + done);
        ExecutionView.StepView communities = step(done, "communities");
        assertEquals(3, communities.read(), "the three communities asked for");
        assertEquals(2, communities.written(), "two with a snapshot");
        assertEquals(1, communities.skipped(), "C without a snapshot: skipped and counted");
        assertEquals("COMPLETED", step(done, "city").status());

        List<ReportFileView> own = runAs(operator, () -> files.ofExecutions(List.of(done.id())));
        assertEquals(6, own.size(), () -> "PDF and CSV of A, B and the city: " + own);
        ReportFileView pdfA = find(own, ReportKind.COMMUNITY_MONTHLY_PDF, town.community("A"));
        ReportFileView csvA = find(own, ReportKind.COMMUNITY_MONTHLY_CSV, town.community("A"));
        ReportFileView cityPdf = find(own, ReportKind.CITY_MONTHLY_PDF, null);
        ReportFileView cityCsv = find(own, ReportKind.CITY_MONTHLY_CSV, null);
        assertEquals(MONTH.toString(), pdfA.period());
        assertEquals("reports-monthly", pdfA.jobName());

        Path pdfPath = runAs(operator, () -> files.open(pdfA.id())).path();
        assertEquals(MONTH.toString(), pdfPath.getParent().getFileName().toString(), "one directory per month");
        assertEquals(pdfA.size(), Files.size(pdfPath));
        String textA = flat(text(pdfPath));
        assertTrue(textA.contains("测试社区" + town.community("A")), "the community's Chinese name");
        assertTrue(textA.contains("测试街道" + town.prefix()), "its sub-district");
        assertTrue(textA.contains("需求办结率66.7%"), () -> "the closure rate as written: " + textA);
        assertTrue(textA.contains("办结时长中位数132.0"), "the median hours");
        assertTrue(textA.contains("平均满意度4.00"), "the mean satisfaction");
        assertTrue(textA.contains("迎检工时3.5"), "the inspection hours");
        assertTrue(textA.contains("第1页/共"), "page numbers");
        List<String> fonts = fontNames(pdfPath);
        assertTrue(fonts.stream().anyMatch(n -> n.matches("[A-Z]{6}\\+WenQuanYi.*")),
                () -> "a subset of WenQuanYi Micro Hei is embedded: " + fonts);

        Path csvPath = runAs(operator, () -> files.open(csvA.id())).path();
        byte[] bytes = Files.readAllBytes(csvPath);
        assertEquals((byte) 0xEF, bytes[0], "UTF-8 with a byte order mark");
        String csvText = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertTrue(csvText.contains("\r\n"), "CRLF line ends");
        Map<String, CSVRecord> byCode = new HashMap<>();
        try (Reader in = new java.io.StringReader(csvText);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            assertEquals(List.of("指标代码", "指标名称", "数值", "单位"), p.getHeaderNames(), "Chinese headers");
            p.forEach(r -> byCode.put(r.get("指标代码"), r));
        }
        assertEquals(Metric.values().length, byCode.size(), "one row per figure");
        assertEquals("66.67", byCode.get("NEEDS_CLOSURE_RATE").get("数值"));
        assertEquals("%", byCode.get("NEEDS_CLOSURE_RATE").get("单位"));
        assertEquals("需求办结率", byCode.get("NEEDS_CLOSURE_RATE").get("指标名称"));
        assertEquals("3.5", byCode.get("INSPECTION_HOURS").get("数值"));
        assertEquals("2", byCode.get("NEEDS_CLOSED").get("数值"));

        String city = flat(text(runAs(operator, () -> files.open(cityPdf.id())).path()));
        assertTrue(city.contains("测试街道"), "the sub-districts' rows");
        assertTrue(city.contains("75.0%"), () -> "the sub-district's closure rate from the parts, 3 of 4: " + city);
        assertTrue(city.contains(withoutSnapshot + "个社区本月无考核快照"), () -> "the communities without a snapshot: " + city);
        assertTrue(city.contains("测试社区" + town.community("B")), "B tops the ranking");
        byte[] cityBytes = Files.readAllBytes(runAs(operator, () -> files.open(cityCsv.id())).path());
        assertEquals((byte) 0xEF, cityBytes[0], "the city file is UTF-8 with a byte order mark too");
        try (Reader in = new java.io.StringReader(new String(cityBytes, 3, cityBytes.length - 3, StandardCharsets.UTF_8));
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            assertEquals(List.of("社区代码", "社区名称", "街道代码", "街道名称"), p.getHeaderNames().subList(0, 4));
            List<CSVRecord> rows = p.getRecords();
            CSVRecord rowA = rows.stream().filter(r -> r.get(0).endsWith(town.community("A"))).findFirst().orElseThrow();
            assertEquals("66.67", rowA.get("需求办结率（%）"));
            assertEquals("测试社区" + town.community("A"), rowA.get("社区名称"));
        }

        // Run again with nothing changed: the communities' files show what they showed, so they stay as
        // they are, with the execution that wrote them; the city's files are written again in place.
        Instant writtenA = createdAt(a, MONTH, ReportKind.COMMUNITY_MONTHLY_PDF);
        ExecutionView again = run(operator, Map.of("month", MONTH.toString(), "communities", codes));
        assertEquals("COMPLETED", again.status(), () -> "ended " + again);
        assertEquals(0, step(again, "communities").written(), () -> "nothing changed: " + step(again, "communities"));
        assertEquals(3, step(again, "communities").skipped(), "C without a snapshot, A and B current");
        try (Connection c = db.getConnection()) {
            assertEquals(6, count(c, "SELECT COUNT(*) FROM report_file WHERE report_period = ? AND (community_id IN (?, ?)"
                    + " OR community_id IS NULL)", MONTH.toString(), a, b), "still one file of each kind");
            assertEquals(4, count(c, "SELECT COUNT(*) FROM report_file WHERE job_execution_id = ?", done.id()),
                    "A's and B's files kept");
            assertEquals(2, count(c, "SELECT COUNT(*) FROM report_file WHERE job_execution_id = ?", again.id()),
                    "the city's files replaced");
        }
        assertEquals(writtenA, createdAt(a, MONTH, ReportKind.COMMUNITY_MONTHLY_PDF), "A's PDF not written again");

        // A figure of A's month changes: A's files are written again, with the new figure.
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE assessment_snapshot SET metric_value = ?"
                     + " WHERE community_id = ? AND period_month = ? AND metric = ?")) {
            ps.setBigDecimal(1, new BigDecimal("4.5"));
            ps.setLong(2, a);
            ps.setDate(3, Date.valueOf(MONTH.atDay(1)));
            ps.setString(4, Metric.INSPECTION_HOURS.name());
            assertEquals(1, ps.executeUpdate());
        }
        ExecutionView changed = run(operator, Map.of("month", MONTH.toString(), "communities", codes));
        assertEquals("COMPLETED", changed.status(), () -> "ended " + changed);
        ReportFileView changedPdfA = find(runAs(operator, () -> files.ofExecutions(List.of(changed.id()))),
                ReportKind.COMMUNITY_MONTHLY_PDF, town.community("A"));
        assertTrue(flat(text(runAs(operator, () -> files.open(changedPdfA.id())).path())).contains("迎检工时4.5"),
                "A's PDF shows the new inspection hours");
        find(runAs(operator, () -> files.ofExecutions(List.of(changed.id()))), ReportKind.COMMUNITY_MONTHLY_CSV,
                town.community("A"));

        // A file removed from the disk by hand is written again; the other community's stay.
        Path csvB = filePath(b, MONTH, ReportKind.COMMUNITY_MONTHLY_CSV);
        Files.delete(csvB);
        ExecutionView repaired = run(operator, Map.of("month", MONTH.toString(), "communities", codes));
        assertEquals("COMPLETED", repaired.status(), () -> "ended " + repaired);
        assertEquals(1, step(repaired, "communities").written(), () -> "B only: " + step(repaired, "communities"));
        assertTrue(Files.isRegularFile(csvB), "B's CSV is back");
        try (Connection c = db.getConnection()) {
            assertEquals(2, count(c, "SELECT COUNT(*) FROM report_file WHERE job_execution_id = ? AND community_id = ?",
                    repaired.id(), b), "B's PDF and CSV");
        }

        // rewrite=true writes every community's files whatever they show.
        ExecutionView rewritten = run(operator, Map.of("month", MONTH.toString(), "communities", codes, "rewrite", "true"));
        assertEquals("COMPLETED", rewritten.status(), () -> "ended " + rewritten);
        assertEquals(2, step(rewritten, "communities").written(), "A and B");
        try (Connection c = db.getConnection()) {
            assertEquals(6, count(c, "SELECT COUNT(*) FROM report_file WHERE job_execution_id = ?", rewritten.id()));
            assertEquals(0, count(c, "SELECT COUNT(*) FROM report_file WHERE job_execution_id = ?", done.id()));
        }
        try (var listing = Files.list(pdfPath.getParent())) {
            long mine = listing.filter(f -> f.getFileName().toString().contains(town.prefix())
                    || f.getFileName().toString().startsWith("city-")).count();
            assertEquals(6, mine, "no second copy and no temporary file left on disk");
        }

        // Listing and downloading by scope; a download is audited.
        List<ReportFileView> seenByA = runAs(secretaryA, () -> files.list(MONTH.toString(), null));
        assertEquals(2, seenByA.size(), () -> "A's PDF and CSV only: " + seenByA);
        assertTrue(seenByA.stream().allMatch(f -> town.community("A").equals(f.communityCode())));
        List<ReportFileView> seenByOfficer = runAs(officer, () -> files.list(MONTH.toString(), null));
        assertEquals(4, seenByOfficer.size(), "the sub-district's communities, not the city's files");
        ReportFileView newPdfA = find(runAs(operator, () -> files.ofExecutions(List.of(rewritten.id()))),
                ReportKind.COMMUNITY_MONTHLY_PDF, town.community("A"));
        ReportFileView newCityPdf = find(runAs(operator, () -> files.ofExecutions(List.of(rewritten.id()))),
                ReportKind.CITY_MONTHLY_PDF, null);
        assertThrows(NotInScopeException.class, () -> runAs(secretaryB, () -> files.open(newPdfA.id())),
                "another community's file");
        assertThrows(NotInScopeException.class, () -> runAs(officer, () -> files.open(newCityPdf.id())),
                "the city's file is for the whole city's scope only");
        assertThrows(NotPermittedException.class, () -> runAs(cadre, () -> files.open(newPdfA.id())),
                "a cadre does not see the assessment");
        assertThrows(ValidationException.class, () -> runAs(secretaryA, () -> files.list("2018-13", null)));
        try (Connection c = db.getConnection()) {
            long before = count(c, "SELECT COUNT(*) FROM audit_entry WHERE record_type = 'report_file' AND record_id = ?"
                    + " AND actor = ? AND audit_action = 'EXPORT'", newPdfA.id(), secretaryA);
            ReportFiles.Download d = runAs(secretaryA, () -> files.open(newPdfA.id()));
            assertTrue(Files.isRegularFile(d.path()));
            assertEquals(before + 1, count(c, "SELECT COUNT(*) FROM audit_entry WHERE record_type = 'report_file'"
                    + " AND record_id = ? AND actor = ? AND audit_action = 'EXPORT' AND community_id = ?",
                    newPdfA.id(), secretaryA, a), "the download is recorded as an export");
            runAs(Fixtures.ADMIN, () -> files.open(newCityPdf.id()));
        }

        ExecutionView bad = run(operator, Map.of("month", "2018-13"));
        assertEquals("FAILED", bad.status(), "a month that does not exist fails the run");

        // Without the report font the run fails (its message names wushe.reports.font and fonts-wqy-microhei).
        System.setProperty("wushe.reports.font", "/no/such/font.ttc");
        try {
            ExecutionView noFont = run(operator, Map.of("month", MONTH.toString(), "communities", town.community("A")));
            assertEquals("FAILED", noFont.status(), "no report without its font");
        } finally {
            System.clearProperty("wushe.reports.font");
        }
        try (Connection c = db.getConnection()) {
            assertEquals(6, count(c, "SELECT COUNT(*) FROM report_file WHERE job_execution_id = ?", rewritten.id()),
                    "the files of the last good run stay");
        }
    }

    private static ReportFileView find(List<ReportFileView> list, ReportKind kind, String community) {
        return list.stream().filter(f -> f.kind() == kind && java.util.Objects.equals(community, f.communityCode()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " of " + community + " in " + list));
    }
}
