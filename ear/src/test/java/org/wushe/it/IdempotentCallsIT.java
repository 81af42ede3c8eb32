package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.platform.IdempotentCalls;
import org.wushe.platform.IdempotentCalls.Answer;
import org.wushe.platform.IdempotentCalls.State;

/** The API's remembered calls: claimed once, answered, running, another call, released, expired. */
@ExtendWith(ArquillianExtension.class)
class IdempotentCallsIT {

    @EJB
    IdempotentCalls calls;

    @Resource(lookup = "jdbc/wushe")
    DataSource db;

    private long rows(String owner, String key) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM api_idempotency WHERE owner_name = ? AND idem_key = ?")) {
            ps.setString(1, owner);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void age(String owner, String key, Duration by) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE api_idempotency SET created_at = ? WHERE owner_name = ? AND idem_key = ?")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now().minus(by)));
            ps.setString(2, owner);
            ps.setString(3, key);
            assertEquals(1, ps.executeUpdate());
        }
    }

    @Test
    void aKeyIsClaimedOnce_answeredThen_andAnotherCallWithItIsRefused() throws Exception {
        String owner = "social1";
        String key = UUID.randomUUID().toString();
        assertEquals(State.CLAIMED, calls.claim(owner, key, "h1").state());
        assertEquals(State.RUNNING, calls.claim(owner, key, "h1").state(), "the same call while the first runs");
        assertEquals(State.OTHER_CALL, calls.claim(owner, key, "h2").state(), "another body with the key");
        assertEquals(State.CLAIMED, calls.claim("cadre1", key, "h2").state(), "keys are per account");

        byte[] body = "{\"id\":7}".getBytes(StandardCharsets.UTF_8);
        calls.answer(owner, key, new Answer(201, "application/json", "https://x/api/needs/7", body));
        IdempotentCalls.Claim again = calls.claim(owner, key, "h1");
        assertEquals(State.ANSWERED, again.state());
        assertEquals(201, again.answer().status());
        assertEquals("application/json", again.answer().contentType());
        assertEquals("https://x/api/needs/7", again.answer().location());
        assertArrayEquals(body, again.answer().body());
        calls.release(owner, key);
        assertEquals(State.ANSWERED, calls.claim(owner, key, "h1").state(), "an answered call is not released");
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT body FROM api_idempotency WHERE owner_name = ? AND idem_key = ?")) {
            ps.setString(1, owner);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                String stored = new String(rs.getBytes(1), StandardCharsets.US_ASCII);
                assertTrue(stored.startsWith("k1:") || stored.matches("k\\d+:.*"), "sealed: " + stored);
                assertTrue(!stored.contains("\"id\""), "the body is not kept in clear");
            }
        }
    }

    @Test
    void aCallThatFailedIsReleased_anAbandonedOneTakenOver_andExpiredOnesForgotten() throws Exception {
        String owner = "social1";
        String failed = UUID.randomUUID().toString();
        assertEquals(State.CLAIMED, calls.claim(owner, failed, "h").state());
        calls.release(owner, failed);
        assertEquals(0, rows(owner, failed));
        assertEquals(State.CLAIMED, calls.claim(owner, failed, "h").state(), "its retry runs again");

        String abandoned = UUID.randomUUID().toString();
        assertEquals(State.CLAIMED, calls.claim(owner, abandoned, "h").state());
        age(owner, abandoned, Duration.ofMinutes(11));
        assertEquals(State.CLAIMED, calls.claim(owner, abandoned, "h").state(), "no answer for 11 minutes: taken over");

        String expired = UUID.randomUUID().toString();
        assertEquals(State.CLAIMED, calls.claim("grid1", expired, "h").state());
        calls.answer("grid1", expired, new Answer(201, null, null, null));
        age("grid1", expired, Duration.ofHours(25));
        assertTrue(calls.purgeExpired() >= 1);
        assertEquals(0, rows("grid1", expired), "older than 24 hours: forgotten");
        assertEquals(State.CLAIMED, calls.claim("grid1", expired, "h").state(), "the key is new again");
    }
}
