package org.wushe.it;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.wushe.security.domain.Totp;

/**
 * The demo administrators' second factor as the client-side tests use it: the published demo
 * secret (config/demo/demo-city.json, printed by {@code config/server.sh run}), the current code
 * for the API, and for the sign-in page a code of a step this test run has not used yet for the
 * account (the page accepts each code once), waiting for the next step when needed.
 */
final class DemoTotp {

    /** The demo city's published TOTP secret of its administrators (demo only). */
    static final String SECRET = "WUSHEDEMOADMINSECONDFACTORXYZABC";

    /** The demo accounts that sign in with a second factor. */
    static final Set<String> ADMINISTRATORS = Set.of("admin", "security", "auditor", "security2");

    private static final Map<String, Long> LAST_STEP = new HashMap<>();

    private DemoTotp() {
    }

    static boolean isAdministrator(String user) {
        return user != null && ADMINISTRATORS.contains(user);
    }

    /** The code of the current step (the API accepts it again within its window). */
    static String current() {
        return Totp.code(SECRET, Totp.stepOf(Instant.now()));
    }

    /** A code for the sign-in page that the server has not accepted for the account in this run. */
    static synchronized String forSignIn(String user) {
        long now = Totp.stepOf(Instant.now());
        long step = Math.max(now, LAST_STEP.getOrDefault(user, 0L) + 1);
        // The server accepts one step ahead; further ahead, wait until it is.
        while (step > Totp.stepOf(Instant.now()) + Totp.WINDOW) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        LAST_STEP.put(user, step);
        return Totp.code(SECRET, step);
    }
}
