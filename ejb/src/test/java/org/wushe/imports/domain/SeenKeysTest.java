package org.wushe.imports.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SeenKeysTest {

    @Test
    void firstSeen_remembersTheFirstLine_throughGrowth() {
        SeenKeys seen = new SeenKeys(16);
        for (long i = 0; i < 100_000; i++) {
            assertEquals(0, seen.firstSeen(i * 7919, i + 2));
        }
        assertEquals(2, seen.firstSeen(0, 500_000));
        assertEquals(12, seen.firstSeen(10 * 7919, 500_001));
        assertEquals(100_000, seen.size());
    }

    @Test
    void idNumberKey_isItsFirst17Digits() {
        assertEquals(11010519491231002L, SeenKeys.ofIdNumber("11010519491231002X"));
    }
}
