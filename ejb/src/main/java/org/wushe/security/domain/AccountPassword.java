package org.wushe.security.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * An account's password as it stands: its hash, when it was last set, whether its owner must change
 * it, and from when the page sessions of the account are valid (a new password ends the sessions
 * signed in before it). Part of {@link Account}, same columns.
 */
@Embeddable
public class AccountPassword {

    @Column(name = "password_hash", nullable = false, length = 300)
    private String hash;

    /** When the password was last set (by its owner, by someone else or by a reset). */
    @Column(name = "password_changed_at")
    private Instant changedAt;

    /** The owner must change the password at the next sign-in: someone else set it, or it was reset. */
    @Column(name = "password_must_change", nullable = false)
    private boolean mustChange;

    /** Page sessions signed in before this moment end at their next request ({@link #endSessions}). */
    @Column(name = "sessions_valid_from")
    private Instant sessionsValidFrom;

    protected AccountPassword() {
    }

    AccountPassword(String hash, Instant now) {
        this.hash = hash;
        this.changedAt = now;
    }

    /** A new hash of the same password (a stronger cost); neither the time it was set nor the duty to change it move. */
    void rehash(String newHash) {
        this.hash = newHash;
    }

    /** A new password set at {@code now}, by its owner or by someone else; the sessions before it end. */
    void set(String newHash, boolean setByOther, Instant now) {
        this.hash = newHash;
        this.changedAt = now;
        this.mustChange = setByOther;
        endSessions(now);
    }

    /** The current password counts as chosen by someone else at {@code now}. */
    void setByOther(Instant now) {
        this.changedAt = now;
        this.mustChange = true;
    }

    /** Page sessions signed in before {@code now} end at their next request. */
    void endSessions(Instant now) {
        this.sessionsValidFrom = now;
    }

    /** Whether it must be changed now: set by someone else, reset, or older than the policy allows. */
    boolean mustChangeAt(PasswordPolicy policy, Instant now, Instant createdAt) {
        return mustChange || policy.expired(changedAt == null ? createdAt : changedAt, now);
    }

    String hash() {
        return hash;
    }

    Instant changedAt() {
        return changedAt;
    }

    boolean mustChange() {
        return mustChange;
    }
}
