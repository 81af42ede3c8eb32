package org.wushe.security.domain;

import java.time.Duration;
import java.time.Instant;
import org.wushe.shared.ValidationException;

/**
 * The installation's password rules (docs/security.md, "Passwords and the second factor"): a least
 * length, how many of the four character classes (lower-case letters, upper-case letters, digits,
 * anything else) a password must mix, how many of the latest passwords may not come back, and after
 * how many days a password expires (0: never).
 *
 * <p>Usage: {@code policy.check(password, "newPassword")} refuses a weak password with a message
 * naming the broken rule; the history is checked by whoever holds the hashes.
 */
public record PasswordPolicy(int minLength, int classes, int history, int expiryDays) {

    public static final int DEFAULT_MIN_LENGTH = 10;
    public static final int DEFAULT_CLASSES = 3;
    public static final int DEFAULT_HISTORY = 5;
    public static final int DEFAULT_EXPIRY_DAYS = 90;

    /** The rules of a default installation: 10 characters, 3 of 4 classes, last 5, 90 days. */
    public static final PasswordPolicy DEFAULT = new PasswordPolicy(DEFAULT_MIN_LENGTH, DEFAULT_CLASSES,
            DEFAULT_HISTORY, DEFAULT_EXPIRY_DAYS);

    public PasswordPolicy {
        if (minLength < 1 || classes < 1 || classes > 4 || history < 0 || expiryDays < 0) {
            throw new IllegalArgumentException("password policy out of range: " + minLength + ", " + classes + ", "
                    + history + ", " + expiryDays);
        }
    }

    /**
     * Refuses a password that is too short ({@code password.rule.length}, with the least length) or
     * mixes too few character classes ({@code password.rule.classes}, with the number asked for).
     *
     * @param field the form field the message belongs to
     * @throws ValidationException naming the first rule broken
     */
    public void check(char[] password, String field) {
        int length = password == null ? 0 : Character.codePointCount(password, 0, password.length);
        if (length < minLength) {
            throw ValidationException.of(field, "password.rule.length", minLength);
        }
        if (classesOf(password) < classes) {
            throw ValidationException.of(field, "password.rule.classes", classes);
        }
    }

    /** How many of lower-case, upper-case, digit and other characters the password mixes. */
    static int classesOf(char[] password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (char c : password) {
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    /** Whether a password set at {@code changedAt} has expired at {@code now} (never when expiry is 0). */
    public boolean expired(Instant changedAt, Instant now) {
        return expiryDays > 0 && changedAt != null && !now.isBefore(changedAt.plus(Duration.ofDays(expiryDays)));
    }
}
