package org.wushe.security.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * A client address an account signed in from successfully, and when it last did (to the hour).
 * Part of the account ({@link Account#refusesFrom}); never shown on screens.
 */
@Embeddable
public class KnownAddress {

    @Column(name = "client_address", nullable = false, length = SignInAddress.MAX_LENGTH)
    private String address;

    @Column(name = "last_signed_in_at", nullable = false)
    private Instant lastSignedInAt;

    protected KnownAddress() {
    }

    KnownAddress(String address, Instant lastSignedInAt) {
        this.address = address;
        this.lastSignedInAt = lastSignedInAt;
    }

    public String address() {
        return address;
    }

    public Instant lastSignedInAt() {
        return lastSignedInAt;
    }
}
