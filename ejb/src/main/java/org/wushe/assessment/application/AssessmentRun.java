package org.wushe.assessment.application;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.wushe.assessment.domain.Figures;
import org.wushe.assessment.domain.Metric;

/**
 * Takes the month's snapshot of every community's figures: one set-based query per source table
 * (needs, service list and votes, activities and attendance, inspections), the ratios from their
 * parts ({@link Figures}), and the month's rows replaced in one transaction; with them the fund's
 * spending by category against its limits ({@link FundShares}). Run nightly for the
 * month that holds yesterday, so a month's figures grow day by day and are final on the 1st.
 * Internal to the nightly job: no caller checks.
 */
@Stateless
public class AssessmentRun {

    @Resource(lookup = "jdbc/wushe")
    DataSource dataSource;

    @Inject
    Clock clock;

    /** The month a job parameter names ({@code yyyy-MM}), or the month of yesterday when blank. */
    public YearMonth month(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return YearMonth.from(LocalDate.now(clock).minusDays(1));
        }
        try {
            return YearMonth.parse(parameter.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("job parameter month must be yyyy-MM, not '" + parameter + "'", e);
        }
    }

    /** Today in the application's clock (the nightly duties date their work by it). */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** @return how many communities have figures for the month */
    public int snapshot(YearMonth month) {
        Timestamp start = Timestamp.valueOf(month.atDay(1).atStartOfDay());
        Timestamp end = Timestamp.valueOf(month.plusMonths(1).atDay(1).atStartOfDay());
        Date firstDay = Date.valueOf(month.atDay(1));
        Date nextFirst = Date.valueOf(month.plusMonths(1).atDay(1));
        Map<Long, Map<Metric, BigDecimal>> figures = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            collect(c, figures, "SELECT community_id, COUNT(*) FROM need WHERE registered_at >= ? AND registered_at < ?"
                    + " GROUP BY community_id", List.of(start, end), Metric.NEEDS_REGISTERED);
            collect(c, figures, "SELECT community_id, COUNT(*), SUM(satisfaction), COUNT(satisfaction) FROM need"
                    + " WHERE status = 'CLOSED' AND closed_at >= ? AND closed_at < ? GROUP BY community_id",
                    List.of(start, end), Metric.NEEDS_CLOSED, Metric.SATISFACTION_SUM, Metric.SATISFACTION_COUNT);
            collect(c, figures, "SELECT community_id, COUNT(*) FROM need WHERE registered_at < ?"
                    + " AND NOT (status = 'CLOSED' AND closed_at < ?) GROUP BY community_id",
                    List.of(end, start), Metric.NEEDS_OPEN_BASE);
            medians(c, figures, start, end);
            services(c, figures, start, end);
            collect(c, figures, "SELECT a.community_id, COUNT(t.resident_id), COUNT(DISTINCT t.resident_id)"
                    + " FROM activity a JOIN activity_attendance t ON t.activity_id = a.id"
                    + " WHERE a.held_on >= ? AND a.held_on < ? AND t.resident_id IS NOT NULL GROUP BY a.community_id",
                    List.of(firstDay, nextFirst), Metric.ATTENDANCES, Metric.DISTINCT_PARTICIPANTS);
            collect(c, figures, "SELECT community_id, COUNT(*), SUM(staff_hours) FROM inspection"
                    + " WHERE inspected_on >= ? AND inspected_on < ? GROUP BY community_id",
                    List.of(firstDay, nextFirst), Metric.INSPECTIONS, Metric.INSPECTION_HOURS);
            write(c, figures, firstDay);
            FundShares.take(c, month, Timestamp.from(clock.instant()));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the assessment snapshot of " + month, e);
        }
        return figures.size();
    }

    private static void collect(Connection c, Map<Long, Map<Metric, BigDecimal>> figures, String sql, List<Object> params,
                                Metric... metrics) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<Metric, BigDecimal> f = figures.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(Metric.class));
                    for (int i = 0; i < metrics.length; i++) {
                        BigDecimal v = rs.getBigDecimal(i + 2);
                        f.put(metrics[i], v == null ? BigDecimal.ZERO : v);
                    }
                }
            }
        }
    }

    /** The median closure time per community, from the closed needs read in community order. */
    private static void medians(Connection c, Map<Long, Map<Metric, BigDecimal>> figures, Timestamp start, Timestamp end)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT community_id, registered_at, closed_at FROM need"
                + " WHERE status = 'CLOSED' AND closed_at >= ? AND closed_at < ? ORDER BY community_id")) {
            ps.setTimestamp(1, start);
            ps.setTimestamp(2, end);
            try (ResultSet rs = ps.executeQuery()) {
                Long current = null;
                List<Double> hours = new ArrayList<>();
                while (rs.next()) {
                    long community = rs.getLong(1);
                    if (current != null && current != community) {
                        putMedian(figures, current, hours);
                    }
                    current = community;
                    hours.add(Duration.between(rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()).toMinutes() / 60.0);
                }
                if (current != null) {
                    putMedian(figures, current, hours);
                }
            }
        }
    }

    private static void putMedian(Map<Long, Map<Metric, BigDecimal>> figures, long community, List<Double> hours) {
        Figures.median(hours).ifPresent(m -> figures.computeIfAbsent(community, k -> new EnumMap<>(Metric.class))
                .put(Metric.NEEDS_MEDIAN_CLOSURE_HOURS, m));
        hours.clear();
    }

    /** Completed services, each weighted by its residents' mean vote out of 5 (0 when nobody voted). */
    private static void services(Connection c, Map<Long, Map<Metric, BigDecimal>> figures, Timestamp start, Timestamp end)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT s.community_id, COUNT(*),"
                + " SUM(COALESCE((SELECT AVG(CAST(v.score AS DECIMAL(9,4))) FROM service_vote v WHERE v.service_id = s.id), 0))"
                + " FROM service_item s WHERE s.status = 'COMPLETED' AND s.completed_at >= ? AND s.completed_at < ?"
                + " GROUP BY s.community_id")) {
            ps.setTimestamp(1, start);
            ps.setTimestamp(2, end);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<Metric, BigDecimal> f = figures.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(Metric.class));
                    f.put(Metric.SERVICES_COMPLETED, BigDecimal.valueOf(rs.getLong(2)));
                    f.put(Metric.SERVICE_SCORE, rs.getBigDecimal(3).divide(BigDecimal.valueOf(5), 4, java.math.RoundingMode.HALF_UP));
                }
            }
        }
    }

    private void write(Connection c, Map<Long, Map<Metric, BigDecimal>> figures, Date month) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM assessment_snapshot WHERE period_month = ?")) {
            del.setDate(1, month);
            del.executeUpdate();
        }
        Timestamp now = Timestamp.from(clock.instant());
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO assessment_snapshot"
                + " (period_month, community_id, metric, metric_value, taken_at) VALUES (?, ?, ?, ?, ?)")) {
            int n = 0;
            for (Map.Entry<Long, Map<Metric, BigDecimal>> e : figures.entrySet()) {
                for (Map.Entry<Metric, BigDecimal> f : new Figures(e.getValue()).withRatios().asMap().entrySet()) {
                    ins.setDate(1, month);
                    ins.setLong(2, e.getKey());
                    ins.setString(3, f.getKey().name());
                    ins.setBigDecimal(4, f.getValue());
                    ins.setTimestamp(5, now);
                    ins.addBatch();
                    if (++n % 1000 == 0) {
                        ins.executeBatch();
                    }
                }
            }
            ins.executeBatch();
        }
    }
}
