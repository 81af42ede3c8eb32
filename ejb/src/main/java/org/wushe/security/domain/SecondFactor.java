package org.wushe.security.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * An administrator's enrolled TOTP secret (RFC 6238), encrypted, and the last time step the
 * sign-in page accepted: a code is accepted there once, never again (no replay).
 */
@Entity
@Table(name = "second_factor")
public class SecondFactor {

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "secret_cipher", nullable = false, length = 200)
    private String secretCipher;

    @Column(name = "enrolled_at", nullable = false)
    private Instant enrolledAt;

    @Column(name = "last_step", nullable = false)
    private long lastStep;

    @Version
    private int version;

    protected SecondFactor() {
    }

    public SecondFactor(Long accountId, String secretCipher, Instant enrolledAt) {
        this.accountId = accountId;
        this.secretCipher = secretCipher;
        this.enrolledAt = enrolledAt;
    }

    /** Replaces the secret (a new enrolment); codes of the old one are worthless from now on. */
    public void replace(String cipher, Instant now) {
        this.secretCipher = cipher;
        this.enrolledAt = now;
        this.lastStep = 0;
    }

    /**
     * Accepts the code of time step {@code step} at the sign-in page once: false when this step or
     * a later one was accepted before (a replay).
     */
    public boolean acceptOnce(long step) {
        if (step <= lastStep) {
            return false;
        }
        lastStep = step;
        return true;
    }

    public Long getAccountId() {
        return accountId;
    }

    public String getSecretCipher() {
        return secretCipher;
    }

    public Instant getEnrolledAt() {
        return enrolledAt;
    }

    public long getLastStep() {
        return lastStep;
    }
}
