package org.wushe.security.application;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.wushe.shared.ValidationException;

class PasswordPolicyTest {

    @Test
    void short_or_withoutDigits_or_withoutLetters_isRefused() {
        for (String weak : new String[]{"abc123", "abcdefghijkl", "1234567890123"}) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> PasswordHasher.checkPolicy(weak.toCharArray()), weak);
            assertEquals("account.password.policy", e.errors().get(0).key());
        }
    }

    @Test
    void tenCharactersWithLettersAndDigits_isAccepted() {
        assertDoesNotThrow(() -> PasswordHasher.checkPolicy("Wushe@2026".toCharArray()));
    }
}
