package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.it.support.Fixtures;
import org.wushe.it.support.Fixtures.Town;
import org.wushe.jobs.application.ExecutionView;
import org.wushe.jobs.application.JobProgress;
import org.wushe.jobs.application.Jobs;
import org.wushe.security.domain.Role;
import org.wushe.shared.ConflictException;
import org.wushe.shared.NotPermittedException;
import org.wushe.shared.SequenceIds;
import org.wushe.shared.ValidationException;
import org.wushe.points.application.PointAccounts;
import org.wushe.points.application.PointStatements;
import org.wushe.points.application.PointsLedger;
import org.wushe.points.domain.AccountKind;
import org.wushe.points.domain.PointAccount;
import org.wushe.points.domain.PointTransaction;
import org.wushe.points.domain.SourceType;
import org.wushe.it.support.ServerLog;
import org.wushe.it.support.TestClock;
import org.wushe.volunteering.application.VolunteerService;

/**
 * {@code points-settle} through the operator's console: every source booked exactly once across a
 * stop in the middle and a restart, and across a second run; rules applied; bad requests refused.
 */
@ExtendWith(ArquillianExtension.class)
class SettlementIT {

    @Inject
    Fixtures fixtures;

    @Inject
    Clock clock;

    @EJB
    Jobs console;

    @EJB
    VolunteerService volunteers;

    @EJB
    JobProgress progress;

    @EJB
    PointAccounts pointAccounts;

    @EJB
    PointsLedger ledger;

    @EJB
    PointStatements statements;

    @Resource(lookup = "jdbc/wushe")
    DataSource db;

    private Town town;
    private String operator;
    private long communityId;
    private long residentId;
    private long positionId;

    /** Where the server's log ended when the test began. */
    private long logAtStart;

    @BeforeEach
    void town() {
        logAtStart = ServerLog.length();
        town = fixtures.town("A");
        operator = fixtures.operator(town, "operator");
        String cadre = fixtures.staff(town, "cadre", Role.COMMUNITY_CADRE, "A");
        String social = fixtures.staff(town, "social", Role.SOCIAL_WORKER, "A");
        residentId = fixtures.resident(cadre, "志愿者乙", town.community("A"), town.grid("A", 1)).id();
        positionId = runAs(cadre, () -> volunteers.createPosition(town.community("A"), "探访独居老人", "ELDERLY_VISITING",
                social, Set.of(), "每周探访")).getId();
        communityId = longQuery("SELECT id FROM community WHERE code = '" + town.community("A") + "'");
    }

    /** Inserts verified 90-minute records for the resident (12 points an hour: 18 points each). */
    private void verifiedHours(int n) throws SQLException {
        verifiedHours(n, clock.instant().minus(Duration.ofDays(2)));
    }

    private void verifiedHours(int n, Instant verifiedAt) throws SQLException {
        Timestamp at = Timestamp.from(verifiedAt);
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO service_hours (id, community_id, position_id,"
                     + " resident_id, started_at, ended_at, minutes, description, recorded_by, recorded_at, status,"
                     + " first_verifier, verified_at, version) VALUES (?, ?, ?, ?, ?, ?, 90, '探访', 'test', ?, 'VERIFIED',"
                     + " 'test', ?, 0)")) {
            SequenceIds ids = new SequenceIds(c, "service_hours_seq");
            for (int i = 0; i < n; i++) {
                ps.setLong(1, ids.next());
                ps.setLong(2, communityId);
                ps.setLong(3, positionId);
                ps.setLong(4, residentId);
                ps.setTimestamp(5, at);
                ps.setTimestamp(6, Timestamp.from(at.toInstant().plus(Duration.ofMinutes(90))));
                ps.setTimestamp(7, at);
                ps.setTimestamp(8, at);
                ps.addBatch();
                if (i % 1000 == 999) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
            ids.close();
        }
    }

    private long longQuery(String sql) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long booked() {
        return longQuery("SELECT COUNT(*) FROM point_transaction t JOIN service_hours h ON h.id = t.source_id"
                + " WHERE t.source_type = 'SERVICE_HOURS' AND h.community_id = " + communityId);
    }

    private long balance() {
        return longQuery("SELECT COALESCE(SUM(e.amount), 0) FROM point_entry e JOIN point_account a ON a.id = e.account_id"
                + " WHERE a.owner_key = 'VOLUNTEER:" + residentId + "'");
    }

    /** The execution ended COMPLETED; when not, the message quotes the problems the server logged meanwhile. */
    private void assertCompleted(ExecutionView e) {
        assertEquals("COMPLETED", e.status(), () -> "ended " + e + "\nthe server's log since the test began:\n"
                + ServerLog.problemsSince(logAtStart, 6000));
    }

    private ExecutionView await(long id) throws InterruptedException {
        Instant give = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(give)) {
            ExecutionView e = runAs(operator, () -> console.execution(id));
            if (!e.running()) {
                return e;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("execution " + id + " did not end in 5 minutes");
    }

    @Test
    void aRunStoppedHalfWayAndRestartedBooksEverySourceExactlyOnce() throws Exception {
        int n = 5_000;
        verifiedHours(n);
        long id = runAs(operator, () -> console.start("points-settle", Map.of("chunkSize", "10")));
        Instant give = Instant.now().plus(Duration.ofMinutes(2));
        while (booked() == 0 && Instant.now().isBefore(give)) {
            Thread.sleep(20);
        }
        runAs(operator, () -> console.stop(id));
        ExecutionView stopped = await(id);
        assertEquals("STOPPED", stopped.status());
        long half = booked();
        assertTrue(half > 0 && half < n, "stopped half-way, after some chunks: " + half + " of " + n);
        assertEquals(half * 18, balance(), "the committed chunks are booked in full, nothing of the rest");
        JobProgress.Progress halfWay = runAs(operator, () -> progress.of(java.util.List.of(id))).get(id);
        assertTrue(halfWay.total() >= n, () -> "the total counted when the run began holds the new sources: " + halfWay);
        assertTrue(halfWay.done() >= half && halfWay.done() < halfWay.total(),
                () -> "the console's count is what the committed chunks checked: " + halfWay + ", booked here " + half);

        long again = runAs(operator, () -> console.restart(id, Map.of("chunkSize", "500")));
        ExecutionView done = await(again);
        assertCompleted(done);
        assertEquals(n, booked(), "every source booked once after the restart");
        JobProgress.Progress rest = runAs(operator, () -> progress.of(java.util.List.of(again))).get(again);
        assertEquals(rest.total(), rest.done(), () -> "the restart counted what was left and checked all of it: " + rest);
        assertTrue(rest.total() >= n - half && rest.total() < halfWay.total(), () -> "only what was left: " + rest);
        assertEquals(100, rest.percent());
        assertEquals(0, longQuery("SELECT COUNT(*) FROM (SELECT t.source_id FROM point_transaction t JOIN service_hours h"
                + " ON h.id = t.source_id WHERE t.source_type = 'SERVICE_HOURS' AND h.community_id = " + communityId
                + " GROUP BY t.source_id HAVING COUNT(*) > 1) x"), "no source twice");
        assertEquals(2L * n, longQuery("SELECT COUNT(*) FROM point_entry e JOIN point_transaction t ON t.id = e.transaction_id"
                + " JOIN service_hours h ON h.id = t.source_id WHERE t.source_type = 'SERVICE_HOURS' AND h.community_id = "
                + communityId), "two entries per transaction");
        assertEquals(18L * n, balance());
        assertEquals(n, longQuery("SELECT COUNT(*) FROM point_transaction t JOIN service_hours h ON h.id = t.source_id"
                + " WHERE t.source_type = 'SERVICE_HOURS' AND h.community_id = " + communityId
                + " AND t.memo = '探访独居老人'"), "every transaction names the position the hours were served in");
        assertEquals(-18L * n, longQuery("SELECT SUM(e.amount) FROM point_entry e JOIN point_account a ON a.id = e.account_id"
                + " WHERE a.owner_key = 'POOL:" + communityId + "'"), "the community's pool paid every point");
        assertTrue(done.steps().stream().anyMatch(s -> s.name().equals("settle") && s.written() > 0),
                () -> "the console shows what the step wrote: " + done.steps());

        // A second run (as after a crash that left nothing to restart) books only what is new.
        verifiedHours(7);
        ExecutionView second = await(runAs(operator, () -> console.start("points-settle", Map.of())));
        assertCompleted(second);
        assertEquals(n + 7, booked());
        assertEquals(18L * (n + 7), balance());
        assertTrue(runAs(operator, () -> console.recent(20)).stream().anyMatch(e -> e.id() == second.id()),
                "the console lists the run");
    }

    @Test
    void expiredUnspentPointsGoBackToThePoolOnceAndTheMonthIsStated() throws Exception {
        // 3 records earned 30 months ago (their points expired 6 months ago), 2 earned 728 days ago
        // (theirs expire in two or three days): 18 points each.
        verifiedHours(3, clock.instant().minus(Duration.ofDays(913)));
        verifiedHours(2, clock.instant().minus(Duration.ofDays(728)));
        ExecutionView settled = await(runAs(operator, () -> console.start("points-settle", Map.of())));
        assertCompleted(settled);
        // Expiry ran in the same run: 54 earned points had expired, none spent: all 54 went back.
        assertEquals(36, balance());
        assertEquals(1, longQuery("SELECT COUNT(*) FROM point_expiry p JOIN point_account a ON a.id = p.account_id"
                + " WHERE a.owner_key = 'VOLUNTEER:" + residentId + "' AND p.amount = 54"));

        // Spending takes the points that expire first: spend 20 of the 36, then let the rest expire.
        PointAccount volunteer = pointAccounts.find(AccountKind.VOLUNTEER, communityId, residentId).orElseThrow();
        PointAccount pool = pointAccounts.find(AccountKind.REWARD_POOL, communityId, null).orElseThrow();
        ledger.post(PointTransaction.transfer(SourceType.REDEMPTION, System.nanoTime(), communityId, volunteer, pool, 20,
                clock.instant(), null, "兑换"));
        String later = java.time.LocalDate.now(clock).plusDays(5).toString();
        ExecutionView expired = await(runAs(operator, () -> console.start("points-settle", Map.of("asOf", later))));
        assertCompleted(expired);
        assertEquals(0, balance(), "the 16 unspent points expired, not the 20 already spent");
        ExecutionView again = await(runAs(operator, () -> console.start("points-settle", Map.of("asOf", later))));
        assertCompleted(again);
        assertEquals(0, balance());
        assertEquals(2, longQuery("SELECT COUNT(*) FROM point_expiry p JOIN point_account a ON a.id = p.account_id"
                + " WHERE a.owner_key = 'VOLUNTEER:" + residentId + "'"), "once per account and day");
        assertEquals(0, longQuery("SELECT COUNT(*) FROM point_entry e JOIN point_account a ON a.id = e.account_id"
                + " WHERE a.owner_key = 'VOLUNTEER:" + residentId + "' AND e.amount = 0"), "nothing deleted or zeroed");

        // The month's statement, once the month has ended: opening 0, in 90, out 20 + 54 + 16, closing 0.
        java.time.YearMonth thisMonth = java.time.YearMonth.now(clock);
        TestClock.advance(Duration.ofDays(40));
        try {
            ExecutionView stated = await(runAs(operator, () -> console.start("points-settle",
                    Map.of("month", thisMonth.toString()))));
            assertCompleted(stated);
            PointStatements.MonthStatement m = statements.of(volunteer.getId(), 1).get(0);
            assertEquals(new PointStatements.MonthStatement(thisMonth, 0, 90, 90, 0, 8), m);
        } finally {
            TestClock.reset();
        }
    }

    @Test
    void attendanceAtADeliberationMeetingIsBookedByTheJobAndMarkedSettled() throws Exception {
        long attendanceId;
        try (Connection c = db.getConnection()) {
            SequenceIds reps = new SequenceIds(c, "delib_representative_seq");
            SequenceIds meetings = new SequenceIds(c, "delib_meeting_seq");
            SequenceIds attendance = new SequenceIds(c, "delib_attendance_seq");
            long rep = reps.next();
            long meeting = meetings.next();
            attendanceId = attendance.next();
            Timestamp now = Timestamp.from(clock.instant());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO delib_representative (id, community_id, resident_id,"
                    + " name, term_start, term_end, appointed_by, appointed_at, version) VALUES (?, ?, ?, '代表', ?, ?, 'test', ?, 0)")) {
                ps.setLong(1, rep);
                ps.setLong(2, communityId);
                ps.setLong(3, residentId);
                ps.setDate(4, java.sql.Date.valueOf(java.time.LocalDate.now(clock).minusYears(1)));
                ps.setDate(5, java.sql.Date.valueOf(java.time.LocalDate.now(clock).plusYears(2)));
                ps.setTimestamp(6, now);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO delib_meeting (id, community_id, title, held_at, place,"
                    + " agenda, created_by, version) VALUES (?, ?, '居民代表议事会', ?, '会议室', '议程', 'test', 0)")) {
                ps.setLong(1, meeting);
                ps.setLong(2, communityId);
                ps.setTimestamp(3, now);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO delib_attendance (id, meeting_id, community_id,"
                    + " representative_id, resident_id, recorded_by, recorded_at, settled) VALUES (?, ?, ?, ?, ?, 'test', ?, FALSE)")) {
                ps.setLong(1, attendanceId);
                ps.setLong(2, meeting);
                ps.setLong(3, communityId);
                ps.setLong(4, rep);
                ps.setLong(5, residentId);
                ps.setTimestamp(6, now);
                ps.executeUpdate();
            }
        }
        ExecutionView done = await(runAs(operator, () -> console.start("points-settle", Map.of())));
        assertCompleted(done);
        assertEquals(1, longQuery("SELECT COUNT(*) FROM point_transaction WHERE source_type = 'DELIBERATION_ATTENDANCE'"
                + " AND source_id = " + attendanceId));
        assertEquals(5, balance(), "the bureau's DELIBERATION_ATTENDANCE rule: 5 points");
        assertEquals(1, longQuery("SELECT COUNT(*) FROM point_transaction WHERE source_type = 'DELIBERATION_ATTENDANCE'"
                + " AND source_id = " + attendanceId + " AND memo = '居民代表议事会'"), "the transaction names the meeting");
        assertEquals(1, longQuery("SELECT COUNT(*) FROM point_entry e JOIN point_transaction t ON t.id = e.transaction_id"
                + " WHERE t.source_type = 'DELIBERATION_ATTENDANCE' AND t.source_id = " + attendanceId
                + " AND e.amount > 0 AND e.expires_on = DATE('" + java.time.LocalDate.now(clock).plusMonths(24) + "')"),
                "the points expire 24 months after the meeting's day");
        assertEquals(1, longQuery("SELECT COUNT(*) FROM delib_attendance WHERE settled = TRUE AND id = " + attendanceId));
    }

    @Test
    void theConsoleRefusesBadRequestsAndOtherRoles() {
        ValidationException unknown = assertThrows(ValidationException.class,
                () -> runAs(operator, () -> console.start("no-such-job", Map.of())));
        assertEquals("job.unknown", unknown.errors().get(0).key());
        ValidationException badName = assertThrows(ValidationException.class,
                () -> runAs(operator, () -> console.start("points-settle", Map.of("bad name!", "1"))));
        assertEquals("parameters", badName.errors().get(0).field());
        assertThrows(org.wushe.shared.NotFoundException.class, () -> runAs(operator, () -> console.execution(987654321L)));
        assertThrows(NotPermittedException.class, () -> runAs(Fixtures.ADMIN, () -> console.start("points-settle", Map.of())));
        String cadre = town.user("cadre");
        assertThrows(NotPermittedException.class, () -> runAs(cadre, () -> console.recent(10)));
    }

    @Test
    void aFinishedRunCannotBeStoppedOrRestarted() throws Exception {
        ExecutionView done = await(runAs(operator, () -> console.start("points-settle", Map.of())));
        assertCompleted(done);
        assertThrows(ConflictException.class, () -> runAs(operator, () -> console.stop(done.id())));
        assertThrows(ConflictException.class, () -> runAs(operator, () -> console.restart(done.id(), Map.of())));
    }
}
