package org.wushe.security.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wushe.shared.ValidationException;

class PasswordPolicyTest {

    private static void assertRefused(PasswordPolicy policy, String password, String key, Object arg) {
        ValidationException e = assertThrows(ValidationException.class,
                () -> policy.check(password.toCharArray(), "newPassword"), password);
        assertEquals(1, e.errors().size());
        assertEquals("newPassword", e.errors().get(0).field(), password);
        assertEquals(key, e.errors().get(0).key(), password);
        assertEquals(List.of(arg), List.copyOf(e.errors().get(0).args()), password);
    }

    @Test
    void shorterThanTheLeastLength_isRefused_namingTheLength() {
        assertRefused(PasswordPolicy.DEFAULT, "", "password.rule.length", 10);
        assertRefused(PasswordPolicy.DEFAULT, "Ab1@", "password.rule.length", 10);
        assertRefused(PasswordPolicy.DEFAULT, "Wushe@202", "password.rule.length", 10);
        assertRefused(new PasswordPolicy(14, 3, 5, 90), "Wushe@2026-ab", "password.rule.length", 14);
    }

    @Test
    void fewerClassesThanAskedFor_isRefused_namingHowMany() {
        assertRefused(PasswordPolicy.DEFAULT, "abcdefghijkl", "password.rule.classes", 3);
        assertRefused(PasswordPolicy.DEFAULT, "abcdefghi12", "password.rule.classes", 3);
        assertRefused(PasswordPolicy.DEFAULT, "ABCDEFGH!!!", "password.rule.classes", 3);
        assertRefused(new PasswordPolicy(10, 4, 5, 90), "Wushe-pass-x", "password.rule.classes", 4);
    }

    @Test
    void enoughLengthAndClasses_isAccepted() {
        assertDoesNotThrow(() -> PasswordPolicy.DEFAULT.check("Wushe@2026".toCharArray(), "p"));
        assertDoesNotThrow(() -> PasswordPolicy.DEFAULT.check("abcdefgh1!".toCharArray(), "p"));
        assertDoesNotThrow(() -> PasswordPolicy.DEFAULT.check("社区服务Abc123".toCharArray(), "p"));
        assertDoesNotThrow(() -> new PasswordPolicy(8, 1, 0, 0).check("abcdefgh".toCharArray(), "p"));
    }

    @Test
    void classes_areLowerUpperDigitsAndTheRest() {
        assertEquals(4, PasswordPolicy.classesOf("aB3!".toCharArray()));
        assertEquals(2, PasswordPolicy.classesOf("社区ab".toCharArray()));
        assertEquals(1, PasswordPolicy.classesOf("12345".toCharArray()));
    }

    @Test
    void expiry_countsDaysFromTheChange_andZeroNeverExpires() {
        Instant set = Instant.parse("2026-01-01T00:00:00Z");
        assertFalse(PasswordPolicy.DEFAULT.expired(set, set.plus(Duration.ofDays(90)).minusSeconds(1)));
        assertTrue(PasswordPolicy.DEFAULT.expired(set, set.plus(Duration.ofDays(90))));
        assertFalse(new PasswordPolicy(10, 3, 5, 0).expired(set, set.plus(Duration.ofDays(5000))));
    }

    @Test
    void outOfRangeSettings_areRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PasswordPolicy(0, 3, 5, 90));
        assertThrows(IllegalArgumentException.class, () -> new PasswordPolicy(10, 5, 5, 90));
        assertThrows(IllegalArgumentException.class, () -> new PasswordPolicy(10, 3, -1, 90));
    }
}
