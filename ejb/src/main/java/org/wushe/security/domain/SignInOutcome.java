package org.wushe.security.domain;

/**
 * How a sign-in attempt ended. Every outcome but {@link #SIGNED_IN} is the same refusal to the
 * person signing in (one page message, one API answer); the reason is for the audit log, the
 * server and the tests only, since telling it would say which accounts exist or are locked.
 */
public enum SignInOutcome {
    SIGNED_IN,
    WRONG_PASSWORD,
    UNKNOWN_ACCOUNT,
    DISABLED,
    /** Locked by failures, and the attempt came from an address the account does not know. */
    LOCKED,
    /** The client address had too many failures in its window; the password was not looked at. */
    ADDRESS_THROTTLED;

    public boolean signedIn() {
        return this == SIGNED_IN;
    }
}
