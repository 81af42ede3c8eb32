package org.wushe.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Set;

/**
 * What the page session keeps of a sign-in ({@link WusheAuthenticationMechanism}): the caller's
 * name and groups, and the gate the account must pass before any other page (a password to change,
 * a second factor to enrol); or, between the password and the second factor's code of an
 * administrator, the half-done sign-in.
 */
final class SignInSession {

    /** The session attribute that keeps a page sign-in. */
    static final String SIGNED_IN = "org.wushe.signIn";
    /** The session attribute of an administrator's sign-in waiting for the second factor's code. */
    static final String PENDING = "org.wushe.signIn.pending";
    /** The request attribute with the {@link Gate} of an API request. */
    static final String API_GATE = "org.wushe.apiGate";

    /** What must happen before anything else. */
    enum Gate {
        NONE(null),
        CHANGE_PASSWORD("/account/password.xhtml"),
        ENROL_SECOND_FACTOR("/account/second-factor.xhtml");

        private final String page;

        Gate(String page) {
            this.page = page;
        }

        /** The only page open while this gate holds. */
        String page() {
            return page;
        }

        /** The gate of an account: a password to change comes before a second factor to enrol. */
        static Gate of(boolean mustChangePassword, boolean mustEnrol) {
            return mustChangePassword ? CHANGE_PASSWORD : mustEnrol ? ENROL_SECOND_FACTOR : NONE;
        }
    }

    /** A page sign-in. */
    record SignedIn(String name, Set<String> groups, Gate gate) implements Serializable {
        SignedIn passed(Gate next) {
            return new SignedIn(name, groups, next);
        }
    }

    /** An administrator whose password was right, waiting for the code; wrong codes so far. */
    record Pending(String name, Set<String> groups, boolean mustChangePassword, int failures) implements Serializable {
        Pending failedOnce() {
            return new Pending(name, groups, mustChangePassword, failures + 1);
        }
    }

    private SignInSession() {
    }

    static SignedIn signedIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(SIGNED_IN) instanceof SignedIn s ? s : null;
    }

    static Pending pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(PENDING) instanceof Pending p ? p : null;
    }

    /** The gate of the session's sign-in passed: the next one (or none) from now on. */
    static void pass(HttpServletRequest request, Gate next) {
        SignedIn s = signedIn(request);
        if (s != null) {
            request.getSession().setAttribute(SIGNED_IN, s.passed(next));
        }
    }
}
