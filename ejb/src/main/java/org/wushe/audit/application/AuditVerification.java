package org.wushe.audit.application;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import javax.sql.DataSource;
import org.wushe.audit.chain.ChainRow;
import org.wushe.audit.chain.ChainVerification;
import org.wushe.audit.chain.ChainVerifier;
import org.wushe.audit.domain.AuditAction;
import org.wushe.security.application.CurrentCaller;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;

/**
 * Verifies the audit chain for the audit administrator: reads the head, then the entries in the
 * order of their places, a page of {@value #PAGE} at a time (nothing but the last hash is kept, so
 * millions of entries need no more memory than one page), and answers with the first broken link
 * or "intact up to entry N". The chain starts at the newest anchor the owner's retention command
 * left (the first remaining entry and the previous hash it records), or at entry 1. Each
 * verification is itself audited ({@link AuditAction#AUDIT_VERIFIED}, refused when it finds a break).
 */
@Stateless
public class AuditVerification {

    static final int PAGE = 1000;

    static final String COLUMNS = "id, chain_seq, occurred_at, actor, actor_role, audit_action, outcome, community_id,"
            + " record_type, record_id, field_names, purpose, client_address, detail, prev_hash, entry_hash";

    @Resource(lookup = "jdbc/wushe")
    DataSource dataSource;

    @Inject
    CurrentCaller currentCaller;

    @EJB
    AuditLog audit;

    @Inject
    Clock clock;

    /** The answer of one verification: the chain's, how many older entries are outside it, and when. */
    public record Report(ChainVerification chain, long unchained, Instant at) {
    }

    /**
     * Walks the whole chain. Without a transaction: reading millions of entries must not hold one
     * open; the entries up to the head read first are all committed.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Report verify() {
        Caller caller = currentCaller.require(Right.VIEW_AUDIT_LOG);
        Report report;
        try (Connection c = dataSource.getConnection()) {
            report = walk(c);
        } catch (SQLException e) {
            throw new IllegalStateException("The audit log could not be read: " + e.getMessage(), e);
        }
        ChainVerification v = report.chain();
        String detail = v.intact()
                ? "intact: entries " + v.firstSeq() + ".." + v.lastGoodSeq() + " (" + v.checked() + " checked, "
                        + report.unchained() + " before the chain)"
                : "broken at entry " + v.brokenSeq() + ": " + v.problem() + " (intact up to " + v.lastGoodSeq() + ")";
        if (v.intact()) {
            audit.record(caller, AuditAction.AUDIT_VERIFIED, null, "audit_chain", v.lastGoodSeq(), null, null, detail);
        } else {
            audit.refused(caller, AuditAction.AUDIT_VERIFIED, null, "audit_chain", v.brokenSeq(), detail);
        }
        return report;
    }

    Report walk(Connection c) throws SQLException {
        long headSeq;
        String headHash;
        try (PreparedStatement p = c.prepareStatement("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1");
             ResultSet rs = p.executeQuery()) {
            rs.next();
            headSeq = rs.getLong(1);
            headHash = rs.getString(2);
        }
        long firstSeq = 1;
        String firstPrev = ChainRow.GENESIS;
        try (PreparedStatement p = c.prepareStatement(
                "SELECT first_seq, prev_hash FROM audit_anchor ORDER BY first_seq DESC FETCH FIRST 1 ROWS ONLY");
             ResultSet rs = p.executeQuery()) {
            if (rs.next()) {
                firstSeq = rs.getLong(1);
                firstPrev = rs.getString(2);
            }
        }
        long unchained;
        try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM audit_entry WHERE chain_seq IS NULL");
             ResultSet rs = p.executeQuery()) {
            rs.next();
            unchained = rs.getLong(1);
        }
        ChainVerifier verifier = new ChainVerifier(firstSeq, firstPrev);
        try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_entry"
                + " WHERE chain_seq >= ? AND chain_seq <= ? ORDER BY chain_seq FETCH FIRST " + PAGE + " ROWS ONLY")) {
            long from = firstSeq;
            boolean going = true;
            while (going && from <= headSeq) {
                p.setLong(1, from);
                p.setLong(2, headSeq);
                int n = 0;
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        n++;
                        ChainRow row = row(rs);
                        from = row.seq() + 1;
                        if (!verifier.accept(row)) {
                            going = false;
                            break;
                        }
                    }
                }
                if (n == 0) {
                    break;
                }
            }
        }
        return new Report(verifier.finish(headSeq, headHash), unchained, clock.instant());
    }

    /** One entry of a result set selecting {@link #COLUMNS}. */
    static ChainRow row(ResultSet rs) throws SQLException {
        return new ChainRow(rs.getLong("chain_seq"), rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("actor"), rs.getString("actor_role"), rs.getString("audit_action"), rs.getString("outcome"),
                nullable(rs, "community_id"), rs.getString("record_type"), nullable(rs, "record_id"),
                rs.getString("field_names"), rs.getString("purpose"), rs.getString("client_address"),
                rs.getString("detail"), rs.getString("prev_hash"), rs.getString("entry_hash"));
    }

    private static Long nullable(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
