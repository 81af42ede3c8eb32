package org.wushe.security.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

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

    /**
     * Remembers a successful sign-in from {@code address} in an account's list: a new address, or a
     * known one whose time is older than {@code refresh}, is written with {@code now} (otherwise the
     * list is left as it is, so most sign-ins write nothing); only the latest {@code keep} stay.
     */
    static void remember(List<KnownAddress> known, String address, Instant now, int keep, Duration refresh) {
        Optional<KnownAddress> same = known.stream().filter(k -> k.address.equals(address)).findFirst();
        if (same.isPresent()) {
            if (same.get().lastSignedInAt.plus(refresh).isAfter(now)) {
                return;
            }
            known.remove(same.get());
        }
        known.add(new KnownAddress(address, now));
        if (known.size() > keep) {
            known.sort(Comparator.comparing(KnownAddress::lastSignedInAt).reversed());
            known.subList(keep, known.size()).clear();
        }
    }

    public String address() {
        return address;
    }

    public Instant lastSignedInAt() {
        return lastSignedInAt;
    }
}
