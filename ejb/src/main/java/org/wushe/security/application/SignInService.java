package org.wushe.security.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.wushe.audit.application.AuditLog;
import org.wushe.audit.domain.AuditAction;
import org.wushe.security.domain.Account;
import org.wushe.security.domain.Role;

/**
 * Checks a user name and password against the account table, counting failures: the fifth
 * failure in a row locks the account for fifteen minutes, during which even the right password is
 * refused. Used by the identity store for every sign-in (page or API); callable by anyone.
 */
@Stateless
public class SignInService {

    /** How a sign-in attempt ended. */
    public enum Outcome { SIGNED_IN, INVALID, LOCKED }

    /** The outcome, with the role on success and the end of the lock when locked. */
    public record SignInResult(Outcome outcome, String username, Role role, Instant lockedUntil) {
        public boolean signedIn() {
            return outcome == Outcome.SIGNED_IN;
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    @Inject
    Clock clock;

    @EJB
    AuditLog audit;

    /**
     * Verifies the password, updates the failure count and returns the outcome; never throws for
     * bad credentials. Unknown and disabled accounts answer INVALID, like a wrong password.
     */
    public SignInResult signIn(String username, char[] password) {
        Instant now = clock.instant();
        Optional<Account> found = username == null ? Optional.empty() : em.createQuery(
                        "select a from Account a where a.username = :u", Account.class)
                .setParameter("u", username.trim())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
        if (found.isEmpty() || !found.get().isEnabled()) {
            return new SignInResult(Outcome.INVALID, username, null, null);
        }
        Account a = found.get();
        if (a.isLockedAt(now)) {
            return new SignInResult(Outcome.LOCKED, a.getUsername(), null, a.getLockedUntil());
        }
        if (hasher.verify(password, a.getPasswordHash())) {
            a.recordSuccessfulSignIn();
            return new SignInResult(Outcome.SIGNED_IN, a.getUsername(), a.getRole(), null);
        }
        if (a.recordFailedSignIn(now)) {
            audit.recordSystem(a.getUsername(), AuditAction.ACCOUNT_LOCKED, "ACCOUNT", a.getId(),
                    "locked until " + a.getLockedUntil());
            return new SignInResult(Outcome.LOCKED, a.getUsername(), null, a.getLockedUntil());
        }
        return new SignInResult(Outcome.INVALID, a.getUsername(), null, null);
    }

    /** When the account is locked now, the end of the lock; for the sign-in page's message. */
    public Optional<Instant> lockedUntil(String username) {
        Instant now = clock.instant();
        return em.createQuery("select a from Account a where a.username = :u", Account.class)
                .setParameter("u", username == null ? "" : username.trim())
                .getResultStream().findFirst()
                .filter(a -> a.isLockedAt(now))
                .map(Account::getLockedUntil);
    }
}
