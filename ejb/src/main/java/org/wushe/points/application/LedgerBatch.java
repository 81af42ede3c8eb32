package org.wushe.points.application;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.wushe.points.domain.AccountKind;
import org.wushe.points.domain.Booking;
import org.wushe.shared.SequenceIds;

/**
 * Writes many bookings at once, in the caller's transaction (the settlement's chunk): opens the
 * accounts that are missing, then inserts the transactions and their two entries each with JDBC
 * batches. A source booked already makes the whole batch fail on the ledger's unique source key,
 * so the chunk rolls back and nothing is booked twice. Internal to the settlement: no caller checks.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class LedgerBatch {

    private static final int MEMO_MAX = 200;

    @Resource(lookup = "jdbc/wushe")
    DataSource dataSource;

    @Inject
    Clock clock;

    /** @return how many transactions were written (one per booking) */
    public int book(List<Booking> bookings) {
        if (bookings.isEmpty()) {
            return 0;
        }
        Timestamp now = Timestamp.from(clock.instant());
        try (Connection c = dataSource.getConnection()) {
            Map<String, Long> accounts = accounts(c, bookings, now);
            SequenceIds txIds = new SequenceIds(c, "point_transaction_seq");
            SequenceIds entryIds = new SequenceIds(c, "point_entry_seq");
            try (PreparedStatement tx = c.prepareStatement("INSERT INTO point_transaction"
                    + " (id, source_type, source_id, community_id, created_at, memo) VALUES (?, ?, ?, ?, ?, ?)");
                 PreparedStatement entry = c.prepareStatement("INSERT INTO point_entry"
                         + " (id, transaction_id, account_id, amount, created_at, expires_on) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (Booking b : bookings) {
                    long txId = txIds.next();
                    tx.setLong(1, txId);
                    tx.setString(2, b.type().name());
                    tx.setLong(3, b.sourceId());
                    tx.setLong(4, b.communityId());
                    tx.setTimestamp(5, now);
                    tx.setString(6, b.memo() == null || b.memo().length() <= MEMO_MAX ? b.memo() : b.memo().substring(0, MEMO_MAX));
                    tx.addBatch();
                    long pool = accounts.get(b.poolKey());
                    long earner = accounts.get(b.earnerKey());
                    // Earning moves points from the pool to the resident; a reversal moves them back.
                    addEntry(entry, entryIds.next(), txId, b.points() > 0 ? pool : earner, -Math.abs(b.points()), now, null);
                    addEntry(entry, entryIds.next(), txId, b.points() > 0 ? earner : pool, Math.abs(b.points()), now,
                            b.points() > 0 ? b.expiresOn() : null);
                }
                tx.executeBatch();
                entry.executeBatch();
            } finally {
                txIds.close();
                entryIds.close();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the ledger refused a batch of " + bookings.size() + " bookings: "
                    + e.getMessage(), e);
        }
        return bookings.size();
    }

    private static void addEntry(PreparedStatement ps, long id, long txId, long account, long amount, Timestamp now,
                                 java.time.LocalDate expiresOn) throws SQLException {
        ps.setLong(1, id);
        ps.setLong(2, txId);
        ps.setLong(3, account);
        ps.setLong(4, amount);
        ps.setTimestamp(5, now);
        ps.setDate(6, expiresOn == null ? null : Date.valueOf(expiresOn));
        ps.addBatch();
    }

    /** The ids of every account the bookings touch, opening those that do not exist yet. */
    private Map<String, Long> accounts(Connection c, List<Booking> bookings, Timestamp now) throws SQLException {
        Map<String, Booking> wanted = new LinkedHashMap<>();
        for (Booking b : bookings) {
            wanted.putIfAbsent(b.poolKey(), b);
            wanted.putIfAbsent(b.earnerKey(), b);
        }
        Map<String, Long> found = new HashMap<>();
        List<String> keys = new ArrayList<>(wanted.keySet());
        for (int from = 0; from < keys.size(); from += 500) {
            List<String> part = keys.subList(from, Math.min(keys.size(), from + 500));
            String sql = "SELECT owner_key, id FROM point_account WHERE owner_key IN ("
                    + String.join(",", Collections.nCopies(part.size(), "?")) + ")";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < part.size(); i++) {
                    ps.setString(i + 1, part.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
        }
        if (found.size() < wanted.size()) {
            SequenceIds ids = new SequenceIds(c, "point_account_seq");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO point_account"
                    + " (id, community_id, account_kind, resident_id, owner_key, created_at, version)"
                    + " VALUES (?, ?, ?, ?, ?, ?, 0)")) {
                for (Map.Entry<String, Booking> w : wanted.entrySet()) {
                    if (found.containsKey(w.getKey())) {
                        continue;
                    }
                    Booking b = w.getValue();
                    boolean pool = w.getKey().equals(b.poolKey());
                    long id = ids.next();
                    ps.setLong(1, id);
                    ps.setLong(2, b.communityId());
                    ps.setString(3, pool ? AccountKind.REWARD_POOL.name() : b.account().name());
                    if (pool) {
                        ps.setNull(4, java.sql.Types.BIGINT);
                    } else {
                        ps.setLong(4, b.residentId());
                    }
                    ps.setString(5, w.getKey());
                    ps.setTimestamp(6, now);
                    ps.addBatch();
                    found.put(w.getKey(), id);
                }
                ps.executeBatch();
            } finally {
                ids.close();
            }
        }
        return found;
    }
}
