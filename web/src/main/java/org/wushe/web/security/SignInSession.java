package org.wushe.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Instant;
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

    /**
     * A page sign-in: who, with which groups, behind which gate, since when (the moment the
     * account's sessions must not be ended after, {@code SignInService#sessionValid}) and from where.
     */
    record SignedIn(String name, Set<String> groups, Gate gate, Instant since, String address) implements Serializable {
        SignedIn passed(Gate next) {
            return new SignedIn(name, groups, next, since, address);
        }

        SignedIn renewed(Instant from) {
            return new SignedIn(name, groups, gate, from, address);
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

    /**
     * The session's sign-in goes on from {@code from}: its owner changed their own password, which
     * ends every other session of the account.
     */
    static void renew(HttpServletRequest request, Instant from) {
        SignedIn s = signedIn(request);
        if (s != null) {
            request.getSession().setAttribute(SIGNED_IN, s.renewed(from));
        }
    }

    /**
     * Ends the session of a sign-in the account no longer allows: the sign-in is removed first, so
     * the end is not also recorded as an expiry ({@link SessionEnd}).
     */
    static void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SIGNED_IN);
            session.removeAttribute(PENDING);
            session.invalidate();
        }
    }

    /** The gate of the session's sign-in passed: the next one (or none) from now on. */
    static void pass(HttpServletRequest request, Gate next) {
        SignedIn s = signedIn(request);
        if (s != null) {
            request.getSession().setAttribute(SIGNED_IN, s.passed(next));
        }
    }
}
