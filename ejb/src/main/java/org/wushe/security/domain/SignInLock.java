package org.wushe.security.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Duration;
import java.time.Instant;

/**
 * An account's lock against guessing: failed sign-ins in a row and, after the fifth, the time the
 * lock ends. Part of {@link Account}, which decides from which addresses the lock applies.
 */
@Embeddable
public class SignInLock {

    /** Failed sign-ins in a row that lock an account. */
    public static final int MAX_FAILED_SIGN_INS = 5;
    /** How long a locked account stays locked. */
    public static final Duration LOCK_DURATION = Duration.ofMinutes(15);

    @Column(name = "failed_sign_ins", nullable = false)
    private int failedSignIns;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    /** Whether the lock holds at {@code now}. */
    boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /**
     * A failed sign-in; the fifth in a row locks until {@code now + 15 min}. Failures while locked are
     * not counted: the lock ends fifteen minutes after the failure that caused it.
     *
     * @return true when this failure locked the account
     */
    boolean recordFailure(Instant now) {
        if (isLockedAt(now)) {
            return false;
        }
        if (lockedUntil != null) {
            failedSignIns = 0;
            lockedUntil = null;
        }
        failedSignIns++;
        if (failedSignIns >= MAX_FAILED_SIGN_INS) {
            lockedUntil = now.plus(LOCK_DURATION);
            failedSignIns = 0;
            return true;
        }
        return false;
    }

    /** A successful sign-in: no failures in a row, and a lock that has run out is gone (a running one stays). */
    void recordSuccess(Instant now) {
        failedSignIns = 0;
        if (lockedUntil != null && !isLockedAt(now)) {
            lockedUntil = null;
        }
    }

    /**
     * Ends a lock at once and clears the failure count.
     *
     * @return whether the lock held at {@code now}
     */
    boolean unlock(Instant now) {
        boolean locked = isLockedAt(now);
        lockedUntil = null;
        failedSignIns = 0;
        return locked;
    }

    int failedSignIns() {
        return failedSignIns;
    }

    Instant lockedUntil() {
        return lockedUntil;
    }
}
