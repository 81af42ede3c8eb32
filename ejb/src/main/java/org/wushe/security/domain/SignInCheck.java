package org.wushe.security.domain;

import java.time.Instant;

/**
 * The rule of one sign-in attempt, decided before the password is looked at, so that unknown,
 * disabled, locked and wrong-password attempts do the same work and end the same way.
 *
 * <p>Usage: {@code SignInCheck c = SignInCheck.before(throttled, account, address, now);} then, when
 * {@link #verifiesPassword()}, verify the password against the account's hash (or a dummy hash of
 * the same cost when there is no account) and take {@link #outcome(boolean)}.
 *
 * @param decided the refusal already known before the password ({@code null}: the password decides)
 */
public record SignInCheck(SignInOutcome decided) {

    /**
     * Decides what an attempt from {@code address} at {@code now} may do: a throttled address is
     * refused outright; an unknown or disabled account, or one whose lock holds against this
     * address ({@link Account#refusesFrom}), is refused after the password is verified anyway;
     * otherwise the password decides.
     *
     * @param account the account named, or null when there is none
     */
    public static SignInCheck before(boolean addressThrottled, Account account, String address, Instant now) {
        if (addressThrottled) {
            return new SignInCheck(SignInOutcome.ADDRESS_THROTTLED);
        }
        if (account == null) {
            return new SignInCheck(SignInOutcome.UNKNOWN_ACCOUNT);
        }
        if (!account.isEnabled()) {
            return new SignInCheck(SignInOutcome.DISABLED);
        }
        if (account.refusesFrom(address, now)) {
            return new SignInCheck(SignInOutcome.LOCKED);
        }
        return new SignInCheck(null);
    }

    /**
     * Whether the password is verified (one PBKDF2 verification): always, except for a throttled
     * address, whose attempts cost nothing and say nothing about any account.
     */
    public boolean verifiesPassword() {
        return decided != SignInOutcome.ADDRESS_THROTTLED;
    }

    /** The outcome once the password was verified ({@code passwordMatches} is ignored when already decided). */
    public SignInOutcome outcome(boolean passwordMatches) {
        if (decided != null) {
            return decided;
        }
        return passwordMatches ? SignInOutcome.SIGNED_IN : SignInOutcome.WRONG_PASSWORD;
    }

    /** Whether a failure counts on the account: only a wrong password on an account open to this address. */
    public static boolean countsOnAccount(SignInOutcome outcome) {
        return outcome == SignInOutcome.WRONG_PASSWORD;
    }

    /** Whether a failure counts on the address: every refusal but one of a throttled address. */
    public static boolean countsOnAddress(SignInOutcome outcome) {
        return !outcome.signedIn() && outcome != SignInOutcome.ADDRESS_THROTTLED;
    }
}
