package org.wushe.points.application;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.wushe.points.domain.AccountKind;
import org.wushe.points.domain.Booking;
import org.wushe.points.domain.SourceType;
import org.wushe.shared.SequenceIds;

/**
 * Expires points by entries, never by deletion. Spending takes the points that expire first, so
 * what is due on a day is what expired by then and was not consumed: {@code max(0, E - C)} where
 * E is the sum of earned entries whose expiry date has passed and C everything taken out of the
 * account (spending, reversals and earlier expiries). Each account is expired at most once a day
 * ({@code point_expiry} is the source of its EXPIRY transaction, unique per account and day).
 * The rule assumes points are booked before they expire (settlement runs nightly, expiry is two
 * years): points booked after their expiry date count against spending made before they arrived.
 * Internal to the nightly job: no caller checks.
 */
@Stateless
public class PointsExpiry {

    /** An account with points to expire. */
    public record Due(long accountId, long communityId, AccountKind kind, long residentId, long amount) {
    }

    private static final String DUE = "SELECT a.id, a.community_id, a.account_kind, a.resident_id,"
            + " SUM(CASE WHEN e.amount > 0 AND e.expires_on < ? THEN e.amount ELSE 0 END),"
            + " SUM(CASE WHEN e.amount < 0 THEN 0 - e.amount ELSE 0 END)"
            + " FROM point_account a JOIN point_entry e ON e.account_id = a.id"
            + " WHERE a.account_kind <> 'REWARD_POOL' AND a.id > ?"
            + " AND EXISTS (SELECT 1 FROM point_entry x WHERE x.account_id = a.id AND x.amount > 0 AND x.expires_on < ?)"
            + " AND NOT EXISTS (SELECT 1 FROM point_expiry p WHERE p.account_id = a.id AND p.as_of = ?)"
            + " GROUP BY a.id, a.community_id, a.account_kind, a.resident_id"
            + " HAVING SUM(CASE WHEN e.amount > 0 AND e.expires_on < ? THEN e.amount ELSE 0 END)"
            + " > SUM(CASE WHEN e.amount < 0 THEN 0 - e.amount ELSE 0 END)"
            + " ORDER BY a.id";

    @Resource(lookup = "jdbc/wushe")
    DataSource dataSource;

    @EJB
    LedgerBatch ledger;

    @Inject
    Clock clock;

    /** The day a job parameter names ({@code yyyy-MM-dd}), or today when it is blank. */
    public LocalDate asOf(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return LocalDate.now(clock);
        }
        try {
            return LocalDate.parse(parameter.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("job parameter asOf must be yyyy-MM-dd, not '" + parameter + "'", e);
        }
    }

    /** The next accounts after {@code afterAccountId} with points due to expire on {@code asOf}. */
    public List<Due> nextDue(LocalDate asOf, long afterAccountId, int size) {
        List<Due> due = new ArrayList<>();
        Date day = Date.valueOf(asOf);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(DUE + " FETCH FIRST " + Math.max(1, size) + " ROWS ONLY")) {
            ps.setDate(1, day);
            ps.setLong(2, afterAccountId);
            ps.setDate(3, day);
            ps.setDate(4, day);
            ps.setDate(5, day);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    due.add(new Due(rs.getLong(1), rs.getLong(2), AccountKind.valueOf(rs.getString(3)), rs.getLong(4),
                            rs.getLong(5) - rs.getLong(6)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the points due to expire", e);
        }
        return due;
    }

    /** Writes the expiries and their transactions, in the caller's transaction. @return how many */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public int expire(List<Due> dues, LocalDate asOf) {
        if (dues.isEmpty()) {
            return 0;
        }
        List<Booking> bookings = new ArrayList<>(dues.size());
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO point_expiry (id, account_id, as_of, amount) VALUES (?, ?, ?, ?)")) {
            SequenceIds ids = new SequenceIds(c, "point_expiry_seq");
            for (Due d : dues) {
                long id = ids.next();
                ps.setLong(1, id);
                ps.setLong(2, d.accountId());
                ps.setDate(3, Date.valueOf(asOf));
                ps.setLong(4, d.amount());
                ps.addBatch();
                bookings.add(new Booking(SourceType.EXPIRY, id, d.communityId(), d.residentId(), d.kind(), -d.amount(),
                        null, "expired " + asOf));
            }
            ps.executeBatch();
            ids.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write " + dues.size() + " expiries: " + e.getMessage(), e);
        }
        return ledger.book(bookings);
    }
}
