package org.wushe.points.application;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import jakarta.inject.Inject;
import javax.sql.DataSource;

/**
 * Monthly statements of every account (opening balance, credits, debits, closing balance, number
 * of entries), written once per month by one set-based statement after the month has ended: entries
 * are only ever written at the present time, so a past month never changes afterwards.
 * {@link #close} is internal to the nightly job; reading one's own statements goes through
 * {@link PointsService}.
 */
@Stateless
public class PointStatements {

    /** One month of an account. */
    public record MonthStatement(YearMonth month, long opening, long credits, long debits, long closing, int entries) {
    }

    private static final String CLOSE = "INSERT INTO point_statement"
            + " (account_id, period_month, opening, credits, debits, closing, entry_count)"
            + " SELECT e.account_id, CAST(? AS DATE),"
            + " SUM(CASE WHEN e.created_at < ? THEN e.amount ELSE 0 END),"
            + " SUM(CASE WHEN e.created_at >= ? AND e.amount > 0 THEN e.amount ELSE 0 END),"
            + " SUM(CASE WHEN e.created_at >= ? AND e.amount < 0 THEN 0 - e.amount ELSE 0 END),"
            + " SUM(e.amount),"
            + " SUM(CASE WHEN e.created_at >= ? THEN 1 ELSE 0 END)"
            + " FROM point_entry e WHERE e.created_at < ?"
            + " AND NOT EXISTS (SELECT 1 FROM point_statement s WHERE s.account_id = e.account_id AND s.period_month = ?)"
            + " GROUP BY e.account_id";

    @Resource(lookup = "jdbc/wushe")
    DataSource dataSource;

    @Inject
    Clock clock;

    /** The month a job parameter names ({@code yyyy-MM}), or the month before this one when it is blank. */
    public YearMonth month(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return YearMonth.now(clock).minusMonths(1);
        }
        try {
            return YearMonth.parse(parameter.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("job parameter month must be yyyy-MM, not '" + parameter + "'", e);
        }
    }

    /**
     * Writes the statements of a month that has ended for the accounts that have none for it. The
     * nightly run ({@code whenFirst}) does nothing once the month has statements: a past month
     * cannot change, so that saves reading the whole ledger every night; asked for a month by name,
     * it completes whatever is missing.
     *
     * @return how many statements were written
     */
    public int close(YearMonth month, boolean whenFirst) {
        if (!month.isBefore(YearMonth.now(clock))) {
            throw new IllegalArgumentException("the month " + month + " has not ended yet");
        }
        Timestamp start = Timestamp.valueOf(month.atDay(1).atStartOfDay(clock.getZone()).toLocalDateTime());
        Timestamp end = Timestamp.valueOf(month.plusMonths(1).atDay(1).atStartOfDay(clock.getZone()).toLocalDateTime());
        Date first = Date.valueOf(month.atDay(1));
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement done = c.prepareStatement("SELECT COUNT(*) FROM point_statement WHERE period_month = ?")) {
                done.setDate(1, first);
                try (ResultSet rs = done.executeQuery()) {
                    rs.next();
                    if (whenFirst && rs.getLong(1) > 0) {
                        return 0;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(CLOSE)) {
                ps.setDate(1, first);
                ps.setTimestamp(2, start);
                ps.setTimestamp(3, start);
                ps.setTimestamp(4, start);
                ps.setTimestamp(5, start);
                ps.setTimestamp(6, end);
                ps.setDate(7, first);
                return ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the statements of " + month, e);
        }
    }

    /** The monthly statements of an account, newest first. */
    public List<MonthStatement> of(long accountId, int max) {
        List<MonthStatement> list = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT period_month, opening, credits, debits, closing, entry_count"
                     + " FROM point_statement WHERE account_id = ? ORDER BY period_month DESC FETCH FIRST "
                     + Math.max(1, max) + " ROWS ONLY")) {
            ps.setLong(1, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new MonthStatement(YearMonth.from(rs.getDate(1).toLocalDate()), rs.getLong(2), rs.getLong(3),
                            rs.getLong(4), rs.getLong(5), rs.getInt(6)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read statements", e);
        }
        return list;
    }
}
