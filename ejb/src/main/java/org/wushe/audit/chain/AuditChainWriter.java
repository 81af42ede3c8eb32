package org.wushe.audit.chain;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.wushe.shared.SequenceIds;

/**
 * Appends entries to the one audit chain. Entries given during a transaction are kept until the
 * transaction is about to commit; then, in that transaction, the chain's head row is locked (an
 * UPDATE, held until the commit), each entry gets the next place, the previous hash and its own
 * hash, the entries are inserted and the head moves on. So the entries commit or roll back with
 * the action, writers on all nodes of one database append one after the other, and the lock is held
 * only for the last moments of a commit, never while the action works (no nested transaction of
 * the same thread can wait for it). Outside a transaction an entry is appended in one of its own.
 */
@ApplicationScoped
public class AuditChainWriter {

    private static final String INSERT = "INSERT INTO audit_entry (id, occurred_at, actor, actor_role, audit_action,"
            + " community_id, record_type, record_id, field_names, purpose, client_address, detail, outcome,"
            + " chain_seq, prev_hash, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Resource(lookup = "jdbc/wushe")
    DataSource dataSource;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry registry;

    @EJB
    ChainCommit commit;

    /** Appends the entry (its place, id and hashes are ignored and given at the commit). */
    public void append(ChainRow entry) {
        if (registry.getTransactionKey() == null) {
            appendAlone(List.of(entry));
            return;
        }
        Pending pending = (Pending) registry.getResource(Pending.class);
        if (pending == null) {
            pending = new Pending();
            registry.putResource(Pending.class, pending);
            registry.registerInterposedSynchronization(pending);
        }
        pending.entries.add(entry);
    }

    private void appendAlone(List<ChainRow> entries) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                write(c, entries);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The audit entry could not be written: " + e.getMessage(), e);
        }
    }

    /** The entries of one transaction, written by {@link ChainCommit} as it commits. */
    private final class Pending implements Synchronization {
        final List<ChainRow> entries = new ArrayList<>();

        @Override
        public void beforeCompletion() {
            if (registry.getTransactionStatus() != Status.STATUS_ACTIVE) {
                return;
            }
            // Thrown here, the transaction rolls back: an action whose entry cannot be written does not happen.
            commit.write(entries);
        }

        @Override
        public void afterCompletion(int status) {
            entries.clear();
        }
    }

    /** Locks the head, chains and inserts the entries, moves the head; the caller commits. */
    static void write(Connection c, List<ChainRow> entries) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("UPDATE audit_chain_head SET last_seq = last_seq WHERE id = 1")) {
            if (lock.executeUpdate() != 1) {
                throw new SQLException("the audit chain has no head row");
            }
        }
        long seq;
        String prev;
        try (PreparedStatement head = c.prepareStatement("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1");
             ResultSet rs = head.executeQuery()) {
            rs.next();
            seq = rs.getLong(1);
            prev = rs.getString(2);
        }
        try (SequenceIds ids = new SequenceIds(c, "audit_entry_seq"); PreparedStatement insert = c.prepareStatement(INSERT)) {
            for (ChainRow e : entries) {
                seq++;
                ChainRow row = new ChainRow(seq, ids.next(), e.occurredAt(), e.actor(), e.actorRole(), e.action(),
                        e.outcome(), e.communityId(), e.recordType(), e.recordId(), e.fields(), e.purpose(),
                        e.clientAddress(), e.detail(), prev, null).sealed();
                bind(insert, row);
                insert.addBatch();
                prev = row.entryHash();
            }
            insert.executeBatch();
        }
        try (PreparedStatement move = c.prepareStatement("UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
            move.setLong(1, seq);
            move.setString(2, prev);
            move.executeUpdate();
        }
    }

    private static void bind(PreparedStatement p, ChainRow r) throws SQLException {
        p.setLong(1, r.id());
        p.setTimestamp(2, Timestamp.from(r.occurredAt()));
        p.setString(3, r.actor());
        p.setString(4, r.actorRole());
        p.setString(5, r.action());
        setLong(p, 6, r.communityId());
        p.setString(7, r.recordType());
        setLong(p, 8, r.recordId());
        p.setString(9, r.fields());
        p.setString(10, r.purpose());
        p.setString(11, r.clientAddress());
        p.setString(12, r.detail());
        p.setString(13, r.outcome());
        p.setLong(14, r.seq());
        p.setString(15, r.prevHash());
        p.setString(16, r.entryHash());
    }

    private static void setLong(PreparedStatement p, int i, Long v) throws SQLException {
        if (v == null) {
            p.setNull(i, Types.BIGINT);
        } else {
            p.setLong(i, v);
        }
    }
}
