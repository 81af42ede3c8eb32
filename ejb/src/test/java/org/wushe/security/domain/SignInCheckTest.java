package org.wushe.security.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInCheckTest {

    private static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");
    private static final String OFFICE = "10.1.2.3";
    private static final String STRANGER = "203.0.113.9";

    private static Account open() {
        Account a = Account.cityWide("admin", "hash", "管理员", Role.SYSTEM_ADMIN, NOW);
        a.recordSuccessfulSignIn(OFFICE, NOW);
        return a;
    }

    private static Account locked() {
        Account a = open();
        for (int i = 0; i < Account.MAX_FAILED_SIGN_INS; i++) {
            a.recordFailedSignIn(NOW);
        }
        return a;
    }

    private static Account disabled() {
        Account a = open();
        a.disable();
        return a;
    }

    @Test
    void unknownDisabledLockedAndWrongPassword_allVerifyThePassword_andAllAreRefused() {
        Instant later = NOW.plus(Duration.ofMinutes(1));
        SignInCheck[] checks = {
            SignInCheck.before(false, null, STRANGER, later),
            SignInCheck.before(false, disabled(), STRANGER, later),
            SignInCheck.before(false, locked(), STRANGER, later),
            SignInCheck.before(false, open(), STRANGER, later),
        };
        for (SignInCheck c : checks) {
            assertTrue(c.verifiesPassword(), "the same work for " + c);
            assertFalse(c.outcome(false).signedIn(), c.toString());
        }
        assertEquals(SignInOutcome.UNKNOWN_ACCOUNT, checks[0].outcome(true));
        assertEquals(SignInOutcome.DISABLED, checks[1].outcome(true), "even the right password");
        assertEquals(SignInOutcome.LOCKED, checks[2].outcome(true), "even the right password");
        assertEquals(SignInOutcome.WRONG_PASSWORD, checks[3].outcome(false));
    }

    @Test
    void openAccount_rightPassword_signsIn() {
        assertEquals(SignInOutcome.SIGNED_IN, SignInCheck.before(false, open(), STRANGER, NOW).outcome(true));
    }

    @Test
    void lockedAccount_knownAddress_mayStillSignIn() {
        SignInCheck c = SignInCheck.before(false, locked(), OFFICE, NOW.plus(Duration.ofMinutes(1)));
        assertTrue(c.verifiesPassword());
        assertEquals(SignInOutcome.SIGNED_IN, c.outcome(true));
        assertEquals(SignInOutcome.WRONG_PASSWORD, c.outcome(false));
    }

    @Test
    void throttledAddress_isRefused_withoutVerifyingThePassword_evenFromAKnownAddress() {
        SignInCheck c = SignInCheck.before(true, open(), OFFICE, NOW);
        assertFalse(c.verifiesPassword());
        assertEquals(SignInOutcome.ADDRESS_THROTTLED, c.outcome(true));
    }

    @Test
    void onlyAWrongPassword_countsOnTheAccount_everyRefusalButAThrottledOne_onTheAddress() {
        for (SignInOutcome o : SignInOutcome.values()) {
            assertEquals(o == SignInOutcome.WRONG_PASSWORD, SignInCheck.countsOnAccount(o), o.name());
            assertEquals(o != SignInOutcome.SIGNED_IN && o != SignInOutcome.ADDRESS_THROTTLED,
                    SignInCheck.countsOnAddress(o), o.name());
        }
    }
}
