package org.wushe.imports.application;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.wushe.shared.Installation;

/**
 * One job instance at a time imports a file of the inbox, whichever node it runs on
 * ({@code inbox_claim}, V29). A claim is taken by inserting the file's row; the same job instance
 * (a restart) keeps it; a claim older than {@value #CLAIM_HOURS} hours (default 6), left by a node
 * that died, is taken over. The row goes when the file's run has ended and the file moved to
 * {@code done/}. Internal to the import jobs: no caller's rights are involved.
 */
@Stateless
public class InboxClaims {

    /** The setting of how long a claim holds without its run ending. */
    public static final String CLAIM_HOURS = "wushe.inbox.claimHours";

    @Resource(lookup = "jdbc/wushe")
    DataSource dataSource;

    @Resource
    SessionContext context;

    @Inject
    Clock clock;

    /**
     * Claims {@code fileName} (its name inside the inbox) for a job instance on a node; true when
     * the instance holds it now, false when another instance does.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean claim(String fileName, String node, long jobInstanceId) {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            // Taken over: our own instance's claim (a restart), or one whose holder has not ended it in time.
            try (PreparedStatement up = c.prepareStatement("UPDATE inbox_claim SET node = ?, job_instance_id = ?, claimed_at = ?"
                    + " WHERE file_name = ? AND (job_instance_id = ? OR claimed_at < ?)")) {
                up.setString(1, node);
                up.setLong(2, jobInstanceId);
                up.setTimestamp(3, Timestamp.from(now));
                up.setString(4, fileName);
                up.setLong(5, jobInstanceId);
                up.setTimestamp(6, Timestamp.from(now.minus(claimHours())));
                if (up.executeUpdate() == 1) {
                    return true;
                }
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO inbox_claim (file_name, node, job_instance_id, claimed_at)"
                    + " VALUES (?, ?, ?, ?)")) {
                ins.setString(1, fileName);
                ins.setString(2, node);
                ins.setLong(3, jobInstanceId);
                ins.setTimestamp(4, Timestamp.from(now));
                return ins.executeUpdate() == 1;
            }
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                // The file's row exists and is held by another instance (the primary key refused ours).
                context.setRollbackOnly();
                return false;
            }
            throw new IllegalStateException("cannot claim the inbox file " + fileName + ": " + e.getMessage(), e);
        }
    }

    /** Ends a claim once the file's run has ended; nothing when the file is not claimed. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void release(String fileName) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement del = c.prepareStatement("DELETE FROM inbox_claim WHERE file_name = ?")) {
            del.setString(1, fileName);
            del.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot end the claim of " + fileName + ": " + e.getMessage(), e);
        }
    }

    /** The node holding a file, or null. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String holder(String fileName) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT node FROM inbox_claim WHERE file_name = ?")) {
            ps.setString(1, fileName);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the claim of " + fileName + ": " + e.getMessage(), e);
        }
    }

    static Duration claimHours() {
        String v = Installation.setting(CLAIM_HOURS, "6");
        try {
            long h = Long.parseLong(v);
            if (h >= 1) {
                return Duration.ofHours(h);
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException(CLAIM_HOURS + " must be a whole number of hours, at least 1, not '" + v + "'");
    }
}
