package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.assessment.domain.Metric;
import org.wushe.it.support.Fixtures;
import org.wushe.it.support.ServerLog;
import org.wushe.it.support.Fixtures.Town;
import org.wushe.jobs.application.ExecutionView;
import org.wushe.jobs.application.Jobs;
import org.wushe.reports.application.ReportFileView;
import org.wushe.reports.application.ReportFiles;
import org.wushe.reports.domain.ReportKind;

/**
 * {@code reports-monthly} with its steps {@code communities} and {@code donors} on two partitions
 * (the default): every community's PDF and CSV written exactly once per run, the run COMPLETED,
 * round after round, alongside a second report run and {@code points-settle} (both partitioned
 * too); a partition that fails on purpose fails the run with its own error (not one of the batch
 * runtime's), and the restart writes what was left, each file once.
 */
@ExtendWith(ArquillianExtension.class)
class ReportPartitionsIT {

    /** Months no other test writes into. */
    private static final YearMonth MONTH = YearMonth.of(2017, 6);
    private static final YearMonth OTHER_MONTH = YearMonth.of(2017, 7);
    private static final YearMonth FAILING_MONTH = YearMonth.of(2016, 9);

    private static final String[] SUFFIXES = {"A", "B", "C", "D", "E", "F", "G"};

    @Inject
    Fixtures fixtures;

    @EJB
    Jobs console;

    @EJB
    ReportFiles files;

    @Resource(lookup = "jdbc/wushe")
    DataSource db;

    private long id(Connection c, String code) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM community WHERE code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), code);
                return rs.getLong(1);
            }
        }
    }

    private long count(String sql, Object... params) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void snapshot(Connection c, long community, YearMonth month, Map<String, String> figures) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO assessment_snapshot (period_month, community_id,"
                + " metric, metric_value, taken_at) VALUES (?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, String> f : figures.entrySet()) {
                ps.setDate(1, Date.valueOf(month.atDay(1)));
                ps.setLong(2, community);
                ps.setString(3, f.getKey());
                ps.setBigDecimal(4, new BigDecimal(f.getValue()));
                ps.setTimestamp(5, Timestamp.valueOf(month.plusMonths(1).atDay(1).atStartOfDay()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static Map<String, String> figures(int n) {
        return Map.of(Metric.NEEDS_REGISTERED.name(), Integer.toString(n), Metric.NEEDS_CLOSED.name(), Integer.toString(n),
                Metric.NEEDS_OPEN_BASE.name(), Integer.toString(n + 1), Metric.SERVICES_COMPLETED.name(), "1");
    }

    /** A town of seven communities, each with a snapshot for the given months; their ids by code. */
    private Map<String, Long> townWithSnapshots(Town town, YearMonth... months) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        try (Connection c = db.getConnection()) {
            int n = 1;
            for (String s : SUFFIXES) {
                long id = id(c, town.community(s));
                ids.put(town.community(s), id);
                for (YearMonth m : months) {
                    snapshot(c, id, m, figures(n));
                }
                n++;
            }
        }
        return ids;
    }

    private ExecutionView await(String operator, long id) throws InterruptedException {
        for (int i = 0; i < 3000; i++) {
            ExecutionView e = runAs(operator, () -> console.execution(id));
            if (!e.running()) {
                return e;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("execution " + id + " did not end");
    }

    private static ExecutionView.StepView step(ExecutionView e, String name) {
        return e.steps().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + name + " in " + e));
    }

    /** The server's log from the given length on (the test domain's own, this test's part of it). */
    private static long logLength() {
        return ServerLog.length();
    }

    private static String logSince(long offset) throws Exception {
        return ServerLog.since(offset);
    }

    /** The batch runtime's own failure that hid the first error of a partition (jbatch BaseStepControllerImpl). */
    private static void noRuntimeFailure(String log) {
        assertFalse(log.contains("BaseStepControllerImpl.updateBatchStatus"), () -> "the batch runtime failed in its"
                + " step-status handling:\n" + excerpt(log, "BaseStepControllerImpl.updateBatchStatus"));
        assertFalse(log.contains("ERROR. PERSISTING BATCH STATUS FAILED"), () -> excerpt(log, "PERSISTING BATCH STATUS"));
    }

    private static String excerpt(String log, String marker) {
        int at = log.indexOf(marker);
        return at < 0 ? "" : log.substring(Math.max(0, at - 4000), Math.min(log.length(), at + 1500));
    }

    /** The month's files of the town's communities: each kind of each community exactly once, on disk with its size. */
    private void everyFileOnce(String operator, YearMonth month, List<String> codes, long execution) throws Exception {
        for (String code : codes) {
            List<ReportFileView> own = runAs(operator, () -> files.list(month.toString(), code)).stream()
                    .filter(f -> f.kind() == ReportKind.COMMUNITY_MONTHLY_PDF || f.kind() == ReportKind.COMMUNITY_MONTHLY_CSV)
                    .toList();
            Map<ReportKind, Long> byKind = own.stream().collect(Collectors.groupingBy(ReportFileView::kind, Collectors.counting()));
            assertEquals(Map.of(ReportKind.COMMUNITY_MONTHLY_PDF, 1L, ReportKind.COMMUNITY_MONTHLY_CSV, 1L), byKind,
                    () -> code + " " + month + ": " + own);
            for (ReportFileView f : own) {
                assertEquals(execution, f.executionId(), () -> "written by the run itself: " + f);
                Path p = runAs(operator, () -> files.open(f.id())).path();
                assertEquals(f.size(), Files.size(p), () -> "the file as recorded: " + f);
                assertTrue(f.size() > 0, () -> "not empty: " + f);
            }
        }
        assertEquals(2L * codes.size() + 2, count("SELECT COUNT(*) FROM report_file WHERE job_execution_id = ?", execution),
                "a PDF and a CSV per community and of the city, nothing more");
        Path dir = runAs(operator, () -> files.open(runAs(operator, () -> files.cityFiles(month.toString())).get(0).id())).path()
                .getParent();
        try (Stream<Path> listing = Files.list(dir)) {
            List<String> staged = listing.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
            assertEquals(List.of(), staged, "no temporary file left in " + dir);
        }
    }

    @Test
    void twoPartitionsWriteEveryFileOnce_roundAfterRound_alongsideOtherPartitionedJobs() throws Exception {
        Town town = fixtures.town(SUFFIXES);
        String operator = fixtures.operator(town, "operator");
        Map<String, Long> ids = townWithSnapshots(town, MONTH, OTHER_MONTH);
        List<String> codes = new ArrayList<>(ids.keySet());
        String param = String.join(",", codes);
        long slice0 = ids.values().stream().filter(i -> i % 2 == 0).count();
        assertTrue(slice0 > 0 && slice0 < codes.size(), "both slices hold communities: " + ids);
        long logStart = logLength();

        for (int round = 0; round < 4; round++) {
            // chunks of one community: a checkpoint after each, the partitions' transactions interleave;
            // every round writes every file (rewrite), though nothing they show has changed
            long first = runAs(operator, () -> console.start("reports-monthly",
                    Map.of("month", MONTH.toString(), "communities", param, "chunkSize", "1", "rewrite", "true")));
            long second = runAs(operator, () -> console.start("reports-monthly",
                    Map.of("month", OTHER_MONTH.toString(), "communities", param, "chunkSize", "2", "rewrite", "true")));
            long settle = runAs(operator, () -> console.start("points-settle", Map.of()));
            ExecutionView one = await(operator, first);
            ExecutionView two = await(operator, second);
            ExecutionView three = await(operator, settle);
            int r = round;
            assertEquals("COMPLETED", one.status(), () -> "round " + r + ": " + one + "\n" + excerptOf(logStart));
            assertEquals("COMPLETED", two.status(), () -> "round " + r + ": " + two + "\n" + excerptOf(logStart));
            assertEquals("COMPLETED", three.status(), () -> "round " + r + ": " + three);
            for (ExecutionView e : List.of(one, two)) {
                ExecutionView.StepView communities = step(e, "communities");
                assertEquals(codes.size(), communities.read(), () -> "each community read once over the partitions: " + e);
                assertEquals(codes.size(), communities.written(), () -> "each written once: " + e);
                assertEquals("COMPLETED", step(e, "donors").status(), () -> "round " + r + ": " + e);
                assertEquals("COMPLETED", step(e, "city").status(), () -> "round " + r + ": " + e);
            }
            everyFileOnce(operator, MONTH, codes, one.id());
            everyFileOnce(operator, OTHER_MONTH, codes, two.id());
        }
        noRuntimeFailure(logSince(logStart));

        // one thread for the two slices, each writing all its communities in one parsed font: the same files
        ExecutionView single = await(operator, runAs(operator, () -> console.start("reports-monthly",
                Map.of("month", MONTH.toString(), "communities", param, "threads", "1", "rewrite", "true"))));
        assertEquals("COMPLETED", single.status(), () -> single.toString());
        everyFileOnce(operator, MONTH, codes, single.id());
    }

    private static String excerptOf(long logStart) {
        try {
            String log = logSince(logStart);
            return log.length() > 12000 ? log.substring(log.length() - 12000) : log;
        } catch (Exception e) {
            return "(no log: " + e + ")";
        }
    }

    @Test
    void aPartitionThatFailsFailsTheRunWithItsOwnError_andTheRestartWritesTheRestOnce() throws Exception {
        Town town = fixtures.town(SUFFIXES);
        String operator = fixtures.operator(town, "operator");
        Map<String, Long> ids = townWithSnapshots(town, FAILING_MONTH);
        List<String> codes = new ArrayList<>(ids.keySet());
        String param = String.join(",", codes);
        // One community's trend holds a figure no report knows: its partition fails in its chunk,
        // the other partition goes on.
        String broken = town.community("D");
        YearMonth before = FAILING_MONTH.minusMonths(1);
        try (Connection c = db.getConnection()) {
            snapshot(c, ids.get(broken), before, Map.of("NOT_A_FIGURE", "1"));
        }
        long logStart = logLength();

        ExecutionView failed = await(operator, runAs(operator, () -> console.start("reports-monthly",
                Map.of("month", FAILING_MONTH.toString(), "communities", param, "chunkSize", "1"))));
        assertEquals("FAILED", failed.status(), () -> failed.toString());
        assertEquals("FAILED", step(failed, "communities").status(), () -> failed.toString());
        String log = logSince(logStart);
        noRuntimeFailure(log);
        assertTrue(log.contains("NOT_A_FIGURE"), () -> "the partition's own error is logged:\n" + excerptOf(logStart));

        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM assessment_snapshot WHERE community_id = ? AND period_month = ? AND metric = 'NOT_A_FIGURE'")) {
            ps.setLong(1, ids.get(broken));
            ps.setDate(2, Date.valueOf(before.atDay(1)));
            assertEquals(1, ps.executeUpdate());
        }
        ExecutionView restarted = await(operator, runAs(operator, () -> console.restart(failed.id(), Map.of())));
        assertEquals("COMPLETED", restarted.status(), () -> restarted + "\n" + excerptOf(logStart));
        noRuntimeFailure(logSince(logStart));
        for (String code : codes) {
            List<ReportFileView> own = runAs(operator, () -> files.list(FAILING_MONTH.toString(), code)).stream()
                    .filter(f -> f.kind() == ReportKind.COMMUNITY_MONTHLY_PDF || f.kind() == ReportKind.COMMUNITY_MONTHLY_CSV)
                    .toList();
            assertEquals(2, own.size(), () -> code + ": a PDF and a CSV, once, over the two executions: " + own);
        }
        assertEquals(2L * codes.size() + 2, count("SELECT COUNT(*) FROM report_file WHERE report_period = ?"
                + " AND (community_id IS NULL OR community_id IN (" + ids.values().stream().map(String::valueOf)
                .collect(Collectors.joining(",")) + "))", FAILING_MONTH.toString()));
        assertEquals(2L, count("SELECT COUNT(*) FROM report_file WHERE report_period = ? AND community_id = ?",
                FAILING_MONTH.toString(), ids.get(broken)), "the broken community's files came with the restart");
    }
}
