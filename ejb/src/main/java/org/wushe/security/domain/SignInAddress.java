package org.wushe.security.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The failed sign-ins of one client address, counted in a window that starts with the first
 * failure: the failure that reaches the {@link AddressThrottle}'s number throttles the address for
 * one window from then on. Kept in the database so that every node of an installation sees the
 * same count. A successful sign-in does not clear the count: one valid account must not buy
 * another round of guesses on the others.
 */
@Entity
@Table(name = "sign_in_address")
public class SignInAddress {

    /** The longest address kept; longer ones are cut (an IPv6 address with a zone fits). */
    public static final int MAX_LENGTH = 64;

    @Id
    @Column(name = "client_address", length = MAX_LENGTH)
    private String address;

    @Column(name = "window_start", nullable = false)
    private Instant windowStart;

    @Column(nullable = false)
    private int failures;

    @Column(name = "throttled_until")
    private Instant throttledUntil;

    @Version
    private int version;

    protected SignInAddress() {
    }

    /** An address with no failure yet; its window starts at the first. */
    public SignInAddress(String address, Instant now) {
        this.address = address;
        this.windowStart = now;
    }

    /** The address as kept: trimmed, cut to {@value #MAX_LENGTH} characters, {@code "-"} when unknown. */
    public static String normalise(String address) {
        if (address == null || address.isBlank()) {
            return "-";
        }
        String a = address.trim();
        return a.length() <= MAX_LENGTH ? a : a.substring(0, MAX_LENGTH);
    }

    /** Whether attempts from this address are refused at {@code now} without looking at them. */
    public boolean isThrottledAt(Instant now) {
        return throttledUntil != null && now.isBefore(throttledUntil);
    }

    /**
     * Counts a failed sign-in (or one refused for any other reason) at {@code now}. A window that
     * has ended starts again with this failure; the failure that reaches the throttle's number
     * throttles the address until {@code now + window}. Attempts while throttled are not counted,
     * so a throttle never lasts longer than one window.
     *
     * @return true when this failure throttled the address
     */
    public boolean recordFailure(Instant now, AddressThrottle throttle) {
        if (throttle.isOff() || isThrottledAt(now)) {
            return false;
        }
        if (!now.isBefore(windowStart.plus(throttle.window()))) {
            windowStart = now;
            failures = 0;
            throttledUntil = null;
        }
        failures++;
        if (failures >= throttle.failures()) {
            throttledUntil = now.plus(throttle.window());
            return true;
        }
        return false;
    }

    public String getAddress() {
        return address;
    }

    public Instant getWindowStart() {
        return windowStart;
    }

    public int getFailures() {
        return failures;
    }

    public Instant getThrottledUntil() {
        return throttledUntil;
    }
}
