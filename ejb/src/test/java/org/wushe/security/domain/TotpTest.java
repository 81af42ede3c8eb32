package org.wushe.security.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TotpTest {

    /** RFC 6238 appendix B's SHA-1 secret "12345678901234567890" in Base32. */
    private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Test
    void codes_areThoseOfRfc6238() {
        // RFC 6238 gives 8 digits (94287082 at 59 s, 07081804 at 1111111109 s); six are their last six.
        assertEquals("287082", Totp.code(RFC_SECRET, Totp.stepOf(Instant.ofEpochSecond(59))));
        assertEquals("081804", Totp.code(RFC_SECRET, Totp.stepOf(Instant.ofEpochSecond(1111111109))));
        assertEquals("005924", Totp.code(RFC_SECRET, Totp.stepOf(Instant.ofEpochSecond(1234567890))));
    }

    @Test
    void aCode_matchesWithinOneStepEitherSide_only() {
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        long step = Totp.stepOf(now);
        assertEquals(OptionalLong.of(step), Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step), now));
        assertEquals(OptionalLong.of(step - 1), Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now));
        assertEquals(OptionalLong.of(step + 1), Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now));
        assertFalse(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 2), now).isPresent());
        assertFalse(Totp.matchingStep(RFC_SECRET, "12345", now).isPresent());
        assertFalse(Totp.matchingStep(RFC_SECRET, null, now).isPresent());
    }

    @Test
    void newSecrets_are160BitBase32() {
        String s = Totp.newSecret();
        assertEquals(32, s.length());
        assertTrue(Totp.isSecret(s));
        assertFalse(Totp.isSecret("short"));
        assertTrue(Totp.uri("Wushe", "admin", s).startsWith("otpauth://totp/Wushe:admin?secret=" + s));
    }
}
