package org.wushe.security.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The PBKDF2 cost of new hashes: 600,000 unless the installation says otherwise, never under 100,000. */
class PasswordSettingsTest {

    @AfterEach
    void clear() {
        System.clearProperty(PasswordSettings.ITERATIONS);
    }

    @Test
    void withoutASetting_theCostIs600000() {
        System.clearProperty(PasswordSettings.ITERATIONS);
        assertEquals(600_000, PasswordSettings.iterations());
    }

    @Test
    void aHigherOrLeastCost_isTaken() {
        System.setProperty(PasswordSettings.ITERATIONS, "1000000");
        assertEquals(1_000_000, PasswordSettings.iterations());
        System.setProperty(PasswordSettings.ITERATIONS, "100000");
        assertEquals(100_000, PasswordSettings.iterations());
    }

    @Test
    void aCostUnderTheLeast_orNotANumber_givesTheDefault() {
        System.setProperty(PasswordSettings.ITERATIONS, "99999");
        assertEquals(600_000, PasswordSettings.iterations());
        System.setProperty(PasswordSettings.ITERATIONS, "many");
        assertEquals(600_000, PasswordSettings.iterations());
    }
}
