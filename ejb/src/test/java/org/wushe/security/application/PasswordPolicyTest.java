package org.wushe.security.application;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.wushe.shared.ValidationException;

class PasswordPolicyTest {

    private static void assertRefused(String password) {
        ValidationException e = assertThrows(ValidationException.class,
                () -> PasswordHasher.checkPolicy(password.toCharArray()), password);
        assertEquals(1, e.errors().size());
        assertEquals("password", e.errors().get(0).field(), password);
        assertEquals("account.password.policy", e.errors().get(0).key(), password);
    }

    @Test
    void shorterThanTen_isRefused() {
        assertRefused("");
        assertRefused("abc123");
        assertRefused("Wushe@202");
    }

    @Test
    void withoutDigit_isRefused() {
        assertRefused("abcdefghijkl");
        assertRefused("Wushe@Wushe!");
    }

    @Test
    void withoutLetter_isRefused() {
        assertRefused("1234567890123");
        assertRefused("2026@2026!!");
    }

    @Test
    void tenCharactersWithLettersAndDigits_isAccepted() {
        assertDoesNotThrow(() -> PasswordHasher.checkPolicy("Wushe@2026".toCharArray()));
        assertDoesNotThrow(() -> PasswordHasher.checkPolicy("abcdefghi1".toCharArray()));
    }
}
