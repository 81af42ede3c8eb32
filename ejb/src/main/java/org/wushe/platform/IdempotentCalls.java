package org.wushe.platform;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.nio.charset.StandardCharsets;
import org.wushe.shared.protect.Sealed;
import javax.sql.DataSource;

/**
 * The API's remembered calls ({@code api_idempotency}, V34): a call that changes data and carries an
 * {@code Idempotency-Key} is claimed per account and key before it runs, and its answer kept once it
 * has one, for {@value #HOURS} hours. Each method runs in a transaction of its own, so a claim is seen
 * by a second call at once and an answer stays although the call's own work rolled back. A kept body
 * is encrypted ({@link Sealed}, bound to the account and the key). Internal to
 * the API's filter: no caller's rights are involved (the key belongs to the signed-in account).
 */
@Stateless
public class IdempotentCalls {

    /** How long a key is remembered. */
    public static final int HOURS = 24;

    /** A claim left without an answer this long (its server stopped mid-call) is taken over. */
    static final Duration ABANDONED = Duration.ofMinutes(10);

    /** What a claim found. */
    public enum State {
        /** The key is new (or expired): this call runs and its answer is kept. */
        CLAIMED,
        /** The same call answered before: {@link Claim#answer} is its answer. */
        ANSWERED,
        /** The same call is running now, in another request. */
        RUNNING,
        /** The key was used for another call (another path or body). */
        OTHER_CALL,
        /** Another request claimed the key at the same moment: ask again. */
        RACED
    }

    /** A kept answer: status, content type, Location header, body (each may be null but the status). */
    public record Answer(int status, String contentType, String location, byte[] body) {
    }

    public record Claim(State state, Answer answer) {
    }

    @Resource(lookup = "jdbc/wushe")
    DataSource dataSource;

    @Resource
    SessionContext context;

    @Inject
    Clock clock;

    /**
     * Claims {@code key} of {@code owner} for a call whose method, path and body digest to
     * {@code requestHash}, or finds what became of an earlier call with it.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Claim claim(String owner, String key, String requestHash) {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement old = c.prepareStatement("DELETE FROM api_idempotency WHERE owner_name = ? AND created_at < ?")) {
                old.setString(1, owner);
                old.setTimestamp(2, Timestamp.from(now.minus(Duration.ofHours(HOURS))));
                old.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT request_hash, status_code, content_type, location, body,"
                    + " created_at FROM api_idempotency WHERE owner_name = ? AND idem_key = ?")) {
                ps.setString(1, owner);
                ps.setString(2, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        if (!rs.getString(1).equals(requestHash)) {
                            return new Claim(State.OTHER_CALL, null);
                        }
                        int status = rs.getInt(2);
                        if (!rs.wasNull()) {
                            return new Claim(State.ANSWERED, new Answer(status, rs.getString(3), rs.getString(4),
                                    opened(rs.getBytes(5), owner, key)));
                        }
                        if (rs.getTimestamp(6).toInstant().isAfter(now.minus(ABANDONED))) {
                            return new Claim(State.RUNNING, null);
                        }
                    }
                }
            }
            try (PreparedStatement del = c.prepareStatement("DELETE FROM api_idempotency WHERE owner_name = ? AND idem_key = ?"
                    + " AND status_code IS NULL AND created_at < ?")) {
                del.setString(1, owner);
                del.setString(2, key);
                del.setTimestamp(3, Timestamp.from(now.minus(ABANDONED)));
                del.executeUpdate();
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO api_idempotency (owner_name, idem_key, request_hash,"
                    + " created_at) VALUES (?, ?, ?, ?)")) {
                ins.setString(1, owner);
                ins.setString(2, key);
                ins.setString(3, requestHash);
                ins.setTimestamp(4, Timestamp.from(now));
                ins.executeUpdate();
            }
            return new Claim(State.CLAIMED, null);
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                context.setRollbackOnly();
                return new Claim(State.RACED, null);
            }
            throw new IllegalStateException("cannot claim an idempotency key: " + e.getMessage(), e);
        }
    }

    /** Keeps the answer of a claimed call. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void answer(String owner, String key, Answer answer) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE api_idempotency SET status_code = ?, content_type = ?,"
                     + " location = ?, body = ? WHERE owner_name = ? AND idem_key = ?")) {
            ps.setInt(1, answer.status());
            ps.setString(2, cut(answer.contentType(), 200));
            ps.setString(3, answer.location() == null || answer.location().length() > 1000 ? null : answer.location());
            ps.setBytes(4, sealed(answer.body(), owner, key));
            ps.setString(5, owner);
            ps.setString(6, key);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot keep the answer of an idempotent call: " + e.getMessage(), e);
        }
    }

    /** Forgets a claimed call that failed on the server's side, so a retry with its key runs it again. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void release(String owner, String key) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM api_idempotency WHERE owner_name = ? AND idem_key = ?"
                     + " AND status_code IS NULL")) {
            ps.setString(1, owner);
            ps.setString(2, key);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot release an idempotency key: " + e.getMessage(), e);
        }
    }

    /** Deletes every remembered call older than {@value #HOURS} hours (the nightly inbox-purge); how many. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int purgeExpired() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM api_idempotency WHERE created_at < ?")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant().minus(Duration.ofHours(HOURS))));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot delete the expired idempotency keys: " + e.getMessage(), e);
        }
    }

    /** A kept body, encrypted and bound to its account and key (it may hold what the account may see of residents). */
    static byte[] sealed(byte[] body, String owner, String key) {
        return body == null ? null : Sealed.seal(Base64.getEncoder().encodeToString(body), owner + '\n' + key)
                .getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] opened(byte[] stored, String owner, String key) {
        return stored == null ? null
                : Base64.getDecoder().decode(Sealed.open(new String(stored, StandardCharsets.US_ASCII), owner + '\n' + key));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
