package org.wushe.security.application;

import org.wushe.security.domain.PasswordPolicy;

/**
 * The installation's password settings (config/wushe.properties; docs/security.md, "Passwords and
 * the second factor"), read as {@link SignInService#configuredThrottle()} reads its own: a value
 * that is not a whole number in range gives the default and a warning in the server log.
 */
public final class PasswordSettings {

    /** Least length of a password (default 10). */
    public static final String MIN_LENGTH = "wushe.password.minLength";
    /** How many of the four character classes a password must mix (default 3, at most 4). */
    public static final String CLASSES = "wushe.password.classes";
    /** How many of the latest passwords may not be chosen again (default 5, 0: no history). */
    public static final String HISTORY = "wushe.password.history";
    /** Days after which a password must be changed at the next sign-in (default 90, 0: never). */
    public static final String EXPIRY_DAYS = "wushe.password.expiryDays";
    /** PBKDF2-SHA256 iterations of new hashes (default 600,000; read when the server starts). */
    public static final String ITERATIONS = "wushe.password.iterations";
    /** Seconds a verified API credential is remembered in memory (default 120, at most 300, 0: off). */
    public static final String CACHE_SECONDS = "wushe.signin.cacheSeconds";

    public static final int DEFAULT_ITERATIONS = 600_000;
    /** Below this the setting is refused: the cost an installation may not go under. */
    public static final int LEAST_ITERATIONS = 100_000;
    public static final int DEFAULT_CACHE_SECONDS = 120;
    public static final int MOST_CACHE_SECONDS = 300;

    private PasswordSettings() {
    }

    /** The password rules of the installation. */
    public static PasswordPolicy policy() {
        int classes = SignInService.number(CLASSES, PasswordPolicy.DEFAULT_CLASSES, 1);
        return new PasswordPolicy(
                SignInService.number(MIN_LENGTH, PasswordPolicy.DEFAULT_MIN_LENGTH, 1),
                Math.min(classes, 4),
                SignInService.number(HISTORY, PasswordPolicy.DEFAULT_HISTORY, 0),
                SignInService.number(EXPIRY_DAYS, PasswordPolicy.DEFAULT_EXPIRY_DAYS, 0));
    }

    /** The PBKDF2 cost of new hashes. */
    public static int iterations() {
        return SignInService.number(ITERATIONS, DEFAULT_ITERATIONS, LEAST_ITERATIONS);
    }

    /** How long a verified API credential is remembered, in seconds (0: never). */
    public static int cacheSeconds() {
        return Math.min(SignInService.number(CACHE_SECONDS, DEFAULT_CACHE_SECONDS, 0), MOST_CACHE_SECONDS);
    }
}
