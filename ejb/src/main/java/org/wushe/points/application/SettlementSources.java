package org.wushe.points.application;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import jakarta.inject.Inject;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.wushe.points.domain.AccountKind;
import org.wushe.points.domain.Booking;
import org.wushe.points.domain.PointRule;
import org.wushe.points.domain.PointRuleBook;
import org.wushe.points.domain.SourceType;
import org.wushe.points.domain.Unsettled;
import org.wushe.shared.SequenceIds;

/**
 * Reads the source records that earn points and have no ledger transaction yet, a page at a time
 * in id order, for one slice of the communities ({@code MOD(community_id, slices) = slice}) so
 * that parallel partitions never touch the same community. "No transaction yet" is read from the
 * ledger itself (the unique source key), so a settlement that was stopped or killed and is run
 * again reads exactly what is still missing. Internal to the settlement: no caller checks.
 */
@Stateless
public class SettlementSources {

    /** The source types the settlement books, in the order it reads them. */
    public static List<SourceType> settled() {
        return List.copyOf(SOURCES.keySet());
    }

    /**
     * How one type is read: the columns (id, community, resident, rule, minutes, earned at, memo)
     * and the FROM/WHERE that finds its unbooked records in a slice ({@code ?} slices, {@code ?} slice).
     */
    private record Source(String columns, String fromWhere, String id) {

        String page(int size) {
            return "SELECT " + columns + " " + fromWhere + " AND " + id + " > ? ORDER BY " + id
                    + " FETCH FIRST " + size + " ROWS ONLY";
        }

        String single() {
            return "SELECT " + columns + " " + fromWhere + " AND " + id + " = ?";
        }
    }

    private static String notBooked(SourceType type, String id) {
        return " AND NOT EXISTS (SELECT 1 FROM point_transaction t" + derby("constraint=uq_point_transaction_source,"
                + " joinStrategy=NESTEDLOOP") + " WHERE t.source_type = '" + type.name() + "' AND t.source_id = " + id + ")";
    }

    /**
     * A plan for Derby, which other databases read as a comment: as the ledger fills up, Derby's
     * statistics turn its plan for these pages into a scan of the whole source table with hash joins
     * spilled to disk and a sort, for every page (seen at a million sources); the pages are meant
     * to walk the source's primary key from the last id on, probing the small tables and the
     * ledger's unique source key row by row, in id order without a sort.
     */
    private static String derby(String properties) {
        return " --DERBY-PROPERTIES " + properties + "\n";
    }

    private static final Map<SourceType, Source> SOURCES = new EnumMap<>(SourceType.class);

    /**
     * What a source only looks up (the position's type and name, a course's title, a meeting's day
     * and title) is read by a subquery per row on the looked-up table's key, not by a join: the
     * planner cannot tell how selective the slice's {@code MOD} is, expects a single row, and then
     * joins the looked-up table by scanning all of it for every source (PostgreSQL, measured: 150 ms
     * a page of 1,000 hours, against 6 ms with the subqueries; docs/benchmarks.md).
     */
    private static String lookUp(String column, String table, String where) {
        return "(SELECT " + column + " FROM " + table + " WHERE " + where + ")";
    }

    static {
        SOURCES.put(SourceType.SERVICE_HOURS, new Source(
                "h.id, h.community_id, h.resident_id, "
                        + lookUp("p.position_type", "volunteer_position p", "p.id = h.position_id")
                        + ", h.minutes, h.verified_at, " + lookUp("p.name", "volunteer_position p", "p.id = h.position_id"),
                "FROM service_hours h" + derby("constraint=pk_service_hours")
                        + " WHERE h.status = 'VERIFIED' AND MOD(h.community_id, ?) = ?"
                        + notBooked(SourceType.SERVICE_HOURS, "h.id"), "h.id"));
        SOURCES.put(SourceType.TRAINING_PRACTISED, new Source(
                "tp.id, tp.community_id, tp.resident_id, 'TRAINING_PRACTISED', 0, tp.linked_at, "
                        + lookUp("c.title", "enrolment e JOIN course c ON c.id = e.course_id", "e.id = tp.enrolment_id"),
                "FROM training_practice tp" + derby("constraint=pk_training_practice")
                        + " WHERE MOD(tp.community_id, ?) = ?" + notBooked(SourceType.TRAINING_PRACTISED, "tp.id"),
                "tp.id"));
        SOURCES.put(SourceType.PARTY_SERVICE, new Source(
                "r.id, m.community_id, m.resident_id, 'PARTY_SERVICE', 0, r.decided_at, "
                        + lookUp("w.title", "whistle_call w", "w.id = r.call_id"),
                "FROM whistle_response r" + derby("constraint=pk_whistle_response")
                        + " JOIN party_member m" + derby("joinStrategy=NESTEDLOOP") + " ON m.id = r.party_member_id"
                        + " WHERE r.status = 'CONFIRMED' AND MOD(m.community_id, ?) = ?"
                        + notBooked(SourceType.PARTY_SERVICE, "r.id"), "r.id"));
        // Attendance rows carry their own "settled" mark (indexed with the id), kept up by markSettled.
        SOURCES.put(SourceType.DELIBERATION_ATTENDANCE, new Source(
                "a.id, a.community_id, a.resident_id, 'DELIBERATION_ATTENDANCE', 0, "
                        + lookUp("m.held_at", "delib_meeting m", "m.id = a.meeting_id") + ", "
                        + lookUp("m.title", "delib_meeting m", "m.id = a.meeting_id"),
                "FROM delib_attendance a" + derby("constraint=pk_delib_attendance")
                        + " WHERE a.settled = FALSE AND MOD(a.community_id, ?) = ?"
                        + notBooked(SourceType.DELIBERATION_ATTENDANCE, "a.id"), "a.id"));
    }

    /** Sources whose own rows record that they were booked: the statement that marks them. */
    private static final Map<SourceType, String> MARKS = Map.of(SourceType.DELIBERATION_ATTENDANCE,
            "UPDATE delib_attendance SET settled = TRUE WHERE id = ?");

    @Resource(lookup = "jdbc/wushe")
    DataSource dataSource;

    @Inject
    Clock clock;

    /** The rules every source of a run is priced by, read once at the start of a partition. */
    public PointRuleBook rules() {
        Map<String, Long> points = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT rule_code, points FROM point_rule");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                points.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the point rules", e);
        }
        return new PointRuleBook(points);
    }

    /**
     * The next page of unbooked sources of one type in one slice of communities, after {@code afterId}.
     *
     * @param slices how many slices the communities are cut into (1 for all)
     * @param slice  which slice, 0 to slices-1
     */
    public List<Unsettled> nextPage(SourceType type, int slices, int slice, long afterId, int size) {
        List<Unsettled> page = new ArrayList<>(size);
        try (Connection c = dataSource.getConnection()) {
            serialPlans(c);
            return page(c, type, slices, slice, afterId, size, page);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read unsettled " + type, e);
        }
    }

    private List<Unsettled> page(Connection c, SourceType type, int slices, int slice, long afterId, int size,
                                 List<Unsettled> page) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(source(type).page(Math.max(1, size)))) {
            ps.setInt(1, slices);
            ps.setInt(2, slice);
            ps.setLong(3, afterId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    page.add(unsettled(type, rs));
                }
            }
        }
        return page;
    }

    /**
     * PostgreSQL: no parallel plan for the rest of the caller's transaction (the chunk). A page is a
     * short walk of the source's key from the last id on, about 20 ms of work; the planner cannot
     * tell how selective the slice's {@code MOD} is, guesses that the walk reaches the end of the
     * table, and plans it with parallel workers, whose start cost several times the page itself
     * (measured at a million sources: 183 s of the database's time in the page queries of a
     * settlement, two thirds of all it did; docs/benchmarks.md). {@code SET LOCAL} ends with the
     * transaction, so the pooled connection goes back as it was.
     */
    static void serialPlans(Connection c) throws SQLException {
        if (c.getAutoCommit() || SequenceIds.isDerby(c)) {
            return;
        }
        try (java.sql.Statement st = c.createStatement()) {
            st.execute("SET LOCAL max_parallel_workers_per_gather = 0");
        }
    }

    /**
     * How many sources of a type the ledger does not hold yet, in one aggregate query: the total a
     * settlement run shows its progress against.
     */
    public long unsettledCount(SourceType type) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) " + source(type).fromWhere())) {
            ps.setInt(1, 1);
            ps.setInt(2, 0);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count unsettled " + type, e);
        }
    }

    /**
     * One source, read as the settlement reads it: empty when there is no such record, it does not
     * earn points (not verified, not confirmed), or the ledger holds its transaction already.
     */
    public Optional<Unsettled> one(SourceType type, long sourceId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(source(type).single())) {
            ps.setInt(1, 1);
            ps.setInt(2, 0);
            ps.setLong(3, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(unsettled(type, rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + type + " " + sourceId, e);
        }
    }

    private static Source source(SourceType type) {
        Source source = SOURCES.get(type);
        if (source == null) {
            throw new IllegalArgumentException("not a settled source type: " + type);
        }
        return source;
    }

    private Unsettled unsettled(SourceType type, ResultSet rs) throws SQLException {
        AccountKind account = type == SourceType.PARTY_SERVICE ? AccountKind.PARTY_MEMBER : AccountKind.VOLUNTEER;
        String rule = type == SourceType.SERVICE_HOURS ? PointRule.HOUR_PREFIX + rs.getString(4) : rs.getString(4);
        Timestamp earned = rs.getTimestamp(6);
        LocalDate earnedOn = LocalDate.ofInstant(earned.toInstant(), clock.getZone());
        return new Unsettled(type, rs.getLong(1), rs.getLong(2), rs.getLong(3), account, rule, rs.getInt(5), earnedOn,
                rs.getString(7));
    }

    /**
     * Marks booked sources on their own rows where the source keeps such a mark, in the caller's
     * transaction (the chunk that booked them).
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void markSettled(List<Booking> booked) {
        try (Connection c = dataSource.getConnection()) {
            for (Map.Entry<SourceType, String> mark : MARKS.entrySet()) {
                try (PreparedStatement ps = c.prepareStatement(mark.getValue())) {
                    int n = 0;
                    for (Booking b : booked) {
                        if (b.type() == mark.getKey()) {
                            ps.setLong(1, b.sourceId());
                            ps.addBatch();
                            n++;
                        }
                    }
                    if (n > 0) {
                        ps.executeBatch();
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot mark booked sources", e);
        }
    }
}
