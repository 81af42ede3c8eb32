package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.assessment.application.AssessmentService;
import org.wushe.assessment.domain.Figures;
import org.wushe.assessment.domain.Metric;
import org.wushe.it.support.Fixtures;
import org.wushe.it.support.Fixtures.Town;
import org.wushe.jobs.application.ExecutionView;
import org.wushe.jobs.application.Jobs;
import org.wushe.security.domain.Role;
import org.wushe.shared.NotInScopeException;
import org.wushe.shared.NotPermittedException;
import org.wushe.shared.SequenceIds;

/**
 * {@code assessment-run} on a small worked example (docs/assessment.md): a month of two communities
 * whose every figure is known, snapshotted by the job, then read from the dashboards of the
 * sub-district officer and of a Party secretary, and refused to others.
 */
@ExtendWith(ArquillianExtension.class)
class AssessmentIT {

    /** A month no other test writes into. */
    private static final YearMonth MONTH = YearMonth.of(2019, 3);

    @Inject
    Fixtures fixtures;

    @EJB
    Jobs console;

    @EJB
    AssessmentService assessment;

    @EJB
    org.wushe.casework.application.IndexService indices;

    @Resource(lookup = "jdbc/wushe")
    DataSource db;

    private long id(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Timestamp at(String t) {
        return Timestamp.valueOf(LocalDateTime.parse(t));
    }

    private void need(Connection c, SequenceIds ids, long community, long grid, String registered, String closed,
                      Integer satisfaction) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO need (id, community_id, grid_cell_id, category_code,"
                + " urgency, need_source, title, status, registered_at, registered_by, closed_at, satisfaction,"
                + " reopen_count, version) VALUES (?, ?, ?, 'ELDERLY_CARE', 'NORMAL', 'RESIDENT_REQUEST', '助老', ?, ?,"
                + " 'test', ?, ?, 0, 0)")) {
            ps.setLong(1, ids.next());
            ps.setLong(2, community);
            ps.setLong(3, grid);
            ps.setString(4, closed == null ? "ASSESSED" : "CLOSED");
            ps.setTimestamp(5, at(registered));
            ps.setTimestamp(6, closed == null ? null : at(closed));
            ps.setObject(7, satisfaction);
            ps.executeUpdate();
        }
    }

    private void exec(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }

    private ExecutionView run(String operator, Map<String, String> params) throws InterruptedException {
        long id = runAs(operator, () -> console.start("assessment-run", params));
        for (int i = 0; i < 600; i++) {
            ExecutionView e = runAs(operator, () -> console.execution(id));
            if (!e.running()) {
                return e;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("assessment-run did not end");
    }

    private static BigDecimal v(Figures f, Metric m) {
        return f.get(m).orElseThrow(() -> new AssertionError("no " + m + " in " + f.asMap()));
    }

    @Test
    void theWorkedExampleIsSnapshottedAndShownByScope() throws Exception {
        Town town = fixtures.town("A", "B");
        String operator = fixtures.operator(town, "operator");
        String officer = fixtures.officer(town, "officer");
        String secretary = fixtures.staff(town, "secretary", Role.PARTY_SECRETARY, "A");
        String cadre = fixtures.staff(town, "cadre", Role.COMMUNITY_CADRE, "A");
        String cadreB = fixtures.staff(town, "cadreb", Role.COMMUNITY_CADRE, "B");
        long r1 = fixtures.resident(cadre, "居民甲", town.community("A"), town.grid("A", 1)).id();
        long r2 = fixtures.resident(cadre, "居民乙", town.community("A"), town.grid("A", 1)).id();
        try (Connection c = db.getConnection()) {
            long a = id(c, "SELECT id FROM community WHERE code = '" + town.community("A") + "'");
            long b = id(c, "SELECT id FROM community WHERE code = '" + town.community("B") + "'");
            long ga = id(c, "SELECT id FROM grid_cell WHERE code = '" + town.grid("A", 1) + "'");
            long gb = id(c, "SELECT id FROM grid_cell WHERE code = '" + town.grid("B", 1) + "'");
            SequenceIds needs = new SequenceIds(c, "need_seq");
            need(c, needs, a, ga, "2019-02-20T10:00", "2019-03-02T10:00", 5);   // 240 h, open at the start
            need(c, needs, a, ga, "2019-03-05T00:00", "2019-03-06T00:00", 3);   // 24 h
            need(c, needs, a, ga, "2019-03-10T09:00", null, null);              // still open
            need(c, needs, a, ga, "2019-01-01T09:00", "2019-01-05T09:00", 4);   // closed before the month
            need(c, needs, b, gb, "2019-03-01T08:00", "2019-03-01T20:00", 4);   // 12 h
            SequenceIds services = new SequenceIds(c, "service_item_seq");
            SequenceIds votes = new SequenceIds(c, "service_vote_seq");
            long s1 = services.next();
            exec(c, "INSERT INTO service_item (id, community_id, service_year, title, status, completed_at, version)"
                    + " VALUES (?, ?, 2019, '助餐', 'COMPLETED', ?, 0)", s1, a, at("2019-03-15T12:00"));
            exec(c, "INSERT INTO service_item (id, community_id, service_year, title, status, completed_at, version)"
                    + " VALUES (?, ?, 2019, '理发', 'COMPLETED', ?, 0)", services.next(), a, at("2019-03-20T12:00"));
            exec(c, "INSERT INTO service_vote (id, service_id, resident_id, score, voted_at) VALUES (?, ?, ?, 4, ?)",
                    votes.next(), s1, r1, at("2019-03-16T12:00"));
            exec(c, "INSERT INTO service_vote (id, service_id, resident_id, score, voted_at) VALUES (?, ?, ?, 5, ?)",
                    votes.next(), s1, r2, at("2019-03-16T13:00"));
            SequenceIds activities = new SequenceIds(c, "activity_seq");
            SequenceIds attendance = new SequenceIds(c, "activity_attendance_seq");
            long act1 = activities.next();
            long act2 = activities.next();
            exec(c, "INSERT INTO activity (id, community_id, title, held_on, recorded_by, recorded_at, version)"
                    + " VALUES (?, ?, '议事会', ?, 'test', ?, 0)", act1, a, java.sql.Date.valueOf("2019-03-03"), at("2019-03-03T20:00"));
            exec(c, "INSERT INTO activity (id, community_id, title, held_on, recorded_by, recorded_at, version)"
                    + " VALUES (?, ?, '清洁日', ?, 'test', ?, 0)", act2, a, java.sql.Date.valueOf("2019-03-17"), at("2019-03-17T20:00"));
            for (Object[] row : List.of(new Object[] {act1, r1}, new Object[] {act1, r2}, new Object[] {act2, r1})) {
                exec(c, "INSERT INTO activity_attendance (id, activity_id, resident_id, attendee_name) VALUES (?, ?, ?, '居民')",
                        attendance.next(), row[0], row[1]);
            }
            SequenceIds inspections = new SequenceIds(c, "inspection_seq");
            exec(c, "INSERT INTO inspection (id, community_id, inspected_on, inspecting_body, purpose, staff_hours,"
                    + " material_count, recorded_by, recorded_at) VALUES (?, ?, ?, '区民政局', '检查', 2.5, 0, 'test', ?)",
                    inspections.next(), a, java.sql.Date.valueOf("2019-03-08"), at("2019-03-08T18:00"));
            exec(c, "INSERT INTO inspection (id, community_id, inspected_on, inspecting_body, purpose, staff_hours,"
                    + " material_count, recorded_by, recorded_at) VALUES (?, ?, ?, '街道', '督查', 1.0, 0, 'test', ?)",
                    inspections.next(), a, java.sql.Date.valueOf("2019-03-22"), at("2019-03-22T18:00"));
        }

        ExecutionView done = run(operator, Map.of("month", MONTH.toString()));
        assertEquals("COMPLETED", done.status(), () -> "ended " + done);

        AssessmentService.Dashboard d = runAs(officer, () -> assessment.dashboard(null, MONTH));
        assertEquals(List.of(town.community("A"), town.community("B")), d.rows().stream().map(r -> r.code()).toList(),
                "the officer's one sub-district, community by community");
        Figures fa = d.rows().get(0).figures();
        assertEquals(0, v(fa, Metric.NEEDS_REGISTERED).compareTo(BigDecimal.valueOf(2)));
        assertEquals(0, v(fa, Metric.NEEDS_CLOSED).compareTo(BigDecimal.valueOf(2)));
        assertEquals(0, v(fa, Metric.NEEDS_OPEN_BASE).compareTo(BigDecimal.valueOf(3)));
        assertEquals(0, v(fa, Metric.NEEDS_CLOSURE_RATE).compareTo(new BigDecimal("0.6667")));
        assertEquals(0, v(fa, Metric.NEEDS_MEDIAN_CLOSURE_HOURS).compareTo(new BigDecimal("132.0")));
        assertEquals(0, v(fa, Metric.SATISFACTION_AVG).compareTo(new BigDecimal("4.0000")));
        assertEquals(0, v(fa, Metric.SERVICES_COMPLETED).compareTo(BigDecimal.valueOf(2)));
        assertEquals(0, v(fa, Metric.SERVICE_SCORE).compareTo(new BigDecimal("0.9")), "4.5 of 5 for one, 0 for the unrated");
        assertEquals(0, v(fa, Metric.ATTENDANCES).compareTo(BigDecimal.valueOf(3)));
        assertEquals(0, v(fa, Metric.DISTINCT_PARTICIPANTS).compareTo(BigDecimal.valueOf(2)));
        assertEquals(0, v(fa, Metric.ROTATION_SHARE).compareTo(new BigDecimal("0.6667")));
        assertEquals(0, v(fa, Metric.INSPECTIONS).compareTo(BigDecimal.valueOf(2)));
        assertEquals(0, v(fa, Metric.INSPECTION_HOURS).compareTo(new BigDecimal("3.5")));
        Figures total = d.total();
        assertEquals(0, v(total, Metric.NEEDS_CLOSURE_RATE).compareTo(new BigDecimal("0.7500")), "3 closed of 4");
        assertEquals(0, v(total, Metric.SATISFACTION_AVG).compareTo(new BigDecimal("4.0000")), "(5 + 3 + 4) / 3");
        assertTrue(total.get(Metric.NEEDS_MEDIAN_CLOSURE_HOURS).isEmpty(), "medians do not add up");
        AssessmentService.TrendPoint last = d.trend().get(d.trend().size() - 1);
        assertEquals(MONTH, last.month());
        assertEquals(0, last.figures().sum(Metric.NEEDS_CLOSED).compareTo(BigDecimal.valueOf(3)));
        assertEquals(12, d.trend().size());

        // Run again: the month's snapshot is replaced, not doubled.
        assertEquals("COMPLETED", run(operator, Map.of("month", MONTH.toString())).status());
        Figures again = runAs(officer, () -> assessment.dashboard(null, MONTH)).rows().get(0).figures();
        assertEquals(0, v(again, Metric.NEEDS_CLOSED).compareTo(BigDecimal.valueOf(2)));

        // The coordination indices of the town's workers are in the month's worker snapshot, as computed live.
        String grid = fixtures.gridWorker(town, "grid", java.util.Set.of(town.grid("A", 1)));
        String social = fixtures.staff(town, "social", Role.SOCIAL_WORKER, "A");
        assertEquals("COMPLETED", run(operator, Map.of("month", MONTH.toString())).status());
        for (String worker : List.of(grid, social)) {
            BigDecimal live = runAs(worker, () -> worker.equals(grid)
                    ? indices.gridWorker(worker, MONTH.atDay(1), MONTH.atEndOfMonth())
                    : indices.socialWorker(worker, MONTH.atDay(1), MONTH.atEndOfMonth())).score();
            try (Connection c = db.getConnection()) {
                long stored = id(c, "SELECT COUNT(*) FROM worker_snapshot w JOIN account a ON a.id = w.account_id"
                        + " WHERE a.username = '" + worker + "' AND w.period_month = DATE('" + MONTH.atDay(1) + "') AND w.score = " + live);
                assertEquals(1, stored, () -> worker + "'s index " + live + " snapshotted");
            }
        }

        AssessmentService.Dashboard own = runAs(secretary, () -> assessment.dashboard(null, MONTH));
        assertEquals(List.of(town.community("A")), own.rows().stream().map(r -> r.code()).toList(),
                "a Party secretary sees their own community only");
        assertThrows(NotInScopeException.class, () -> runAs(officer, () -> assessment.dashboard("NO-SUCH-SD", MONTH)));
        assertThrows(NotPermittedException.class, () -> runAs(cadreB, () -> assessment.dashboard(null, MONTH)));
        ExecutionView bad = run(operator, Map.of("month", "2019-13"));
        assertEquals("FAILED", bad.status(), "a month that does not exist fails the run, writing nothing");
    }
}
