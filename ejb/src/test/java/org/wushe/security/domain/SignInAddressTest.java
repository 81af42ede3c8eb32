package org.wushe.security.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInAddressTest {

    private static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");
    private static final AddressThrottle THREE_IN_TEN = new AddressThrottle(3, Duration.ofMinutes(10));

    private final SignInAddress address = new SignInAddress("203.0.113.9", NOW);

    private static Instant plusMinutes(long minutes) {
        return NOW.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void failuresBelowTheNumber_doNotThrottle() {
        assertFalse(address.recordFailure(NOW, THREE_IN_TEN));
        assertFalse(address.recordFailure(plusMinutes(1), THREE_IN_TEN));
        assertFalse(address.isThrottledAt(plusMinutes(1)));
        assertEquals(2, address.getFailures());
    }

    @Test
    void theFailureThatReachesTheNumber_throttlesForOneWindowFromThen() {
        address.recordFailure(NOW, THREE_IN_TEN);
        address.recordFailure(plusMinutes(1), THREE_IN_TEN);
        assertTrue(address.recordFailure(plusMinutes(4), THREE_IN_TEN));
        assertTrue(address.isThrottledAt(plusMinutes(4)));
        assertTrue(address.isThrottledAt(plusMinutes(14).minusMillis(1)));
        assertFalse(address.isThrottledAt(plusMinutes(14)), "a throttle lasts one window");
    }

    @Test
    void attemptsWhileThrottled_doNotCount_soTheThrottleNeverGrowsLonger() {
        address.recordFailure(NOW, THREE_IN_TEN);
        address.recordFailure(NOW, THREE_IN_TEN);
        address.recordFailure(NOW, THREE_IN_TEN);
        for (int i = 0; i < 50; i++) {
            assertFalse(address.recordFailure(plusMinutes(9), THREE_IN_TEN));
        }
        assertEquals(plusMinutes(10), address.getThrottledUntil());
        assertFalse(address.isThrottledAt(plusMinutes(10)));
    }

    @Test
    void failuresSpreadOverMoreThanAWindow_doNotThrottle() {
        address.recordFailure(NOW, THREE_IN_TEN);
        address.recordFailure(plusMinutes(9), THREE_IN_TEN);
        assertFalse(address.recordFailure(plusMinutes(10), THREE_IN_TEN), "the window ended: counting starts again");
        assertEquals(1, address.getFailures());
        assertEquals(plusMinutes(10), address.getWindowStart());
        assertFalse(address.recordFailure(plusMinutes(11), THREE_IN_TEN));
        assertTrue(address.recordFailure(plusMinutes(12), THREE_IN_TEN));
    }

    @Test
    void afterAThrottle_theAddressHasAFreshWindow() {
        for (int i = 0; i < 3; i++) {
            address.recordFailure(NOW, THREE_IN_TEN);
        }
        assertFalse(address.recordFailure(plusMinutes(10), THREE_IN_TEN));
        assertEquals(1, address.getFailures());
        assertFalse(address.isThrottledAt(plusMinutes(10)));
    }

    @Test
    void throttleOff_neverThrottles() {
        AddressThrottle off = new AddressThrottle(0, Duration.ofMinutes(15));
        assertTrue(off.isOff());
        for (int i = 0; i < 100; i++) {
            assertFalse(address.recordFailure(NOW, off));
        }
        assertFalse(address.isThrottledAt(NOW));
    }

    @Test
    void throttle_refusesANegativeNumberOrAnEmptyWindow() {
        assertThrows(IllegalArgumentException.class, () -> new AddressThrottle(-1, Duration.ofMinutes(15)));
        assertThrows(IllegalArgumentException.class, () -> new AddressThrottle(20, Duration.ZERO));
    }

    @Test
    void addresses_areTrimmedAndCut_andAMissingOneIsADash() {
        assertEquals("-", SignInAddress.normalise(null));
        assertEquals("-", SignInAddress.normalise(" "));
        assertEquals("2001:db8::1", SignInAddress.normalise(" 2001:db8::1 "));
        assertEquals(SignInAddress.MAX_LENGTH, SignInAddress.normalise("x".repeat(100)).length());
    }
}
