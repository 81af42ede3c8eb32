package org.wushe.security.domain;

import java.time.Duration;

/**
 * The throttle of client addresses at sign-in: an address with {@code failures} failed sign-ins
 * within {@code window} is refused for one window, without its passwords being checked. Set by the
 * installation ({@code wushe.signin.addressFailures}, {@code wushe.signin.addressWindowMinutes});
 * zero failures switch the throttle off.
 *
 * @param failures failed sign-ins an address may have within the window; the one that reaches this
 *                 number throttles it (0: never)
 * @param window   how long failures are counted from the first, and how long a throttle lasts
 */
public record AddressThrottle(int failures, Duration window) {

    /** Failures per address and window when the installation does not say. */
    public static final int DEFAULT_FAILURES = 20;
    /** The window when the installation does not say. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);

    public AddressThrottle {
        if (failures < 0 || window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("address throttle: failures >= 0 and a positive window, not "
                    + failures + " in " + window);
        }
    }

    public static AddressThrottle defaults() {
        return new AddressThrottle(DEFAULT_FAILURES, DEFAULT_WINDOW);
    }

    public boolean isOff() {
        return failures == 0;
    }
}
