package org.wushe.web.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A session counts as expired only when it was idle for its whole timeout. */
class SessionEndTest {

    @Test
    void idleForTheWholeTimeout_isAnExpiry() {
        assertTrue(SessionEnd.expired(1_800_000, 1800));
        assertTrue(SessionEnd.expired(1_900_000, 1800));
    }

    @Test
    void endedEarlier_orWithoutATimeout_isNot() {
        assertFalse(SessionEnd.expired(60_000, 1800), "the server stopping or the application replaced");
        assertFalse(SessionEnd.expired(5_000_000, 0));
        assertFalse(SessionEnd.expired(5_000_000, -1));
    }
}
