package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.it.support.SnapshotProbe;
import org.wushe.home.application.MyWork;
import org.wushe.home.application.WorkLine;
import org.wushe.reports.application.ReportFileView;
import org.wushe.reports.application.ReportFiles;
import org.wushe.reports.domain.ReportKind;

/**
 * The demo city's past year: the twelve months before this one hold snapshots of C001–C004 that
 * are exactly what the product's computation gives from the records dated in them, the ladder has
 * twelve months, and last month's monthly reports were written once the demo was loaded (the city
 * report holds the four communities).
 */
@ExtendWith(ArquillianExtension.class)
class DemoHistoryIT {

    private static final List<String> FOUR = List.of("C001", "C002", "C003", "C004");

    @EJB
    SnapshotProbe probe;

    @EJB
    ReportFiles reports;

    @EJB
    MyWork myWork;

    @Resource(lookup = "jdbc/wushe")
    DataSource dataSource;

    /** The month the demo city was loaded in (its history is the twelve months before it). */
    private YearMonth loadedIn() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT recorded_at FROM installation WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next(), "the installation is recorded");
            return YearMonth.from(rs.getTimestamp(1).toLocalDateTime());
        }
    }

    private long communityId(String code) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id FROM community WHERE code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void theTwelveMonthsBeforeThisOne_haveSnapshotsOfTheFourCommunities() throws SQLException {
        YearMonth loaded = loadedIn();
        for (int i = 1; i <= 12; i++) {
            YearMonth m = loaded.minusMonths(i);
            Map<String, Map<String, BigDecimal>> f = probe.assessment(m, FOUR);
            assertEquals(FOUR, List.copyOf(f.keySet()), "every community has figures for " + m);
            for (String code : FOUR) {
                assertTrue(f.get(code).getOrDefault("NEEDS_REGISTERED", BigDecimal.ZERO).signum() > 0,
                        code + " registered needs in " + m + ": " + f.get(code));
                assertTrue(f.get(code).containsKey("NEEDS_CLOSURE_RATE"), code + " closure rate in " + m);
            }
        }
        for (String code : FOUR) {
            for (int i = 0; i < 12; i++) {
                LocalDate month = loaded.minusMonths(i).atDay(1);
                assertFalse(probe.ladder(code, month).isEmpty(), code + " has residents above passive in " + month);
            }
        }
    }

    @Test
    void aPastMonthsSnapshots_areWhatTheComputationGivesFromItsRecords() throws SQLException {
        YearMonth month = loadedIn().minusMonths(3);
        Map<String, Map<String, BigDecimal>> stored = probe.assessment(month, FOUR);
        assertEquals(4, stored.size(), "stored figures of " + month + ": " + stored);
        assertEquals(stored, probe.assessmentRecomputed(month, FOUR), "the stored snapshot of " + month
                + " is the computation's");
        assertEquals(stored, probe.assessment(month, FOUR), "the recomputation was rolled back");
        for (String code : List.of("C001", "C003")) {
            Map<Long, String> ladder = probe.ladder(code, month.atDay(1));
            assertFalse(ladder.isEmpty(), code + " ladder of " + month);
            assertEquals(ladder, probe.ladderRecomputed(communityId(code), code, month.atDay(1)),
                    code + "'s stored ladder of " + month + " is the computation's");
        }
    }

    @Test
    void lastMonthsReports_areWrittenOnceTheDemoIsLoaded_andTheCityReportHoldsTheFourCommunities() throws Exception {
        String month = loadedIn().minusMonths(1).toString();
        List<ReportFileView> files = List.of();
        // the demo starts reports-monthly once its load has committed; wait for the run to end
        for (int i = 0; i < 600; i++) {
            files = runAs("operator", () -> reports.list(month, null));
            if (files.stream().anyMatch(f -> f.kind() == ReportKind.CITY_MONTHLY_CSV)) {
                break;
            }
            Thread.sleep(500);
        }
        for (String code : FOUR) {
            assertTrue(files.stream().anyMatch(f -> code.equals(f.communityCode())
                    && f.kind() == ReportKind.COMMUNITY_MONTHLY_PDF), code + "'s PDF of " + month + ": " + files);
        }
        ReportFileView csv = files.stream().filter(f -> f.kind() == ReportKind.CITY_MONTHLY_CSV).findFirst()
                .orElseThrow(() -> new AssertionError("the city's CSV of " + month));
        assertTrue(files.stream().anyMatch(f -> f.kind() == ReportKind.CITY_MONTHLY_PDF && f.size() > 0),
                "the city's PDF of " + month);
        ReportFiles.Download d = runAs("operator", () -> reports.open(csv.id()));
        List<String> lines = Files.readAllLines(d.path(), StandardCharsets.UTF_8);
        for (String code : FOUR) {
            assertTrue(lines.stream().anyMatch(l -> l.replace("\uFEFF", "").startsWith(code + ",")),
                    "the city report has a row of " + code + ": " + lines);
        }
        // "My work" of an officer: last month's reports in their scope, as many as their list shows.
        int inScope = runAs("street1", () -> reports.list(month, null)).size();
        assertTrue(inScope > 0 && inScope < files.size(), "street1 sees their sub-district's files, not the city's");
        assertEquals(inScope, runAs("street1", () -> myWork.lines()).stream()
                .filter(l -> l.kind().equals("reportsReady")).mapToLong(WorkLine::count).sum());
    }
}
