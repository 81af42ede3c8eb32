package org.wushe.web.security;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.wushe.security.application.SignInService;
import org.wushe.web.security.SignInSession.SignedIn;

/**
 * Records a page session that expired while signed in ({@code SIGN_OUT}, "expired"): the one way a
 * sign-in ends without a request of its own. A sign-out and a session the server ended for an
 * account change remove the sign-in before the session goes, so they are recorded once, where they
 * happen; a session that goes because the server stops or the application is replaced had not
 * expired and is not recorded.
 */
@WebListener
public class SessionEnd implements HttpSessionListener {

    private static final Logger LOG = Logger.getLogger(SessionEnd.class.getName());

    @EJB
    SignInService signIns;

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        HttpSession session = event.getSession();
        SignedIn s;
        long idleMillis;
        int timeout;
        try {
            s = session.getAttribute(SignInSession.SIGNED_IN) instanceof SignedIn x ? x : null;
            idleMillis = System.currentTimeMillis() - session.getLastAccessedTime();
            timeout = session.getMaxInactiveInterval();
        } catch (IllegalStateException alreadyInvalid) {
            return;
        }
        if (s == null || !expired(idleMillis, timeout)) {
            return;
        }
        try {
            signIns.sessionEnded(s.name(), s.address(), "page session expired after " + timeout / 60
                    + " minutes without a request");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not record the expiry of a session of " + s.name(), e);
        }
    }

    /** Whether a session idle for {@code idleMillis} ended by its timeout of {@code timeoutSeconds}. */
    static boolean expired(long idleMillis, int timeoutSeconds) {
        return timeoutSeconds > 0 && idleMillis >= timeoutSeconds * 1000L;
    }
}
