package org.wushe.security.application;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.wushe.audit.application.AuditLog;
import org.wushe.audit.domain.AuditAction;
import org.wushe.security.domain.Account;
import org.wushe.security.domain.AddressThrottle;
import org.wushe.security.domain.Role;
import org.wushe.security.domain.SignInAddress;
import org.wushe.security.domain.SignInCheck;
import org.wushe.security.domain.SignInOutcome;
import org.wushe.shared.Installation;

/**
 * Checks a user name and password from a client address (docs/operations.md, "Sign-in
 * protection"). Used by the identity store for every sign-in (page or API); callable by anyone.
 *
 * <ul>
 *   <li>Unknown, disabled, locked and wrong-password attempts do the same work (one PBKDF2
 *       verification, against a dummy hash of the same cost when the account does not exist) and
 *       end in a refusal that callers show the same way; the reason ({@link SignInOutcome}) is only
 *       for the audit log and the tests ({@link SignInCheck}).</li>
 *   <li>Per account: the fifth failure in a row locks it for fifteen minutes (audited as
 *       {@link AuditAction#ACCOUNT_LOCKED}); the lock does not hold against the addresses the
 *       account last signed in from ({@link Account#refusesFrom}).</li>
 *   <li>Per client address: {@link AddressThrottle} failures within its window refuse every
 *       attempt from the address for one window, without checking passwords (audited as
 *       {@link AuditAction#ADDRESS_THROTTLED}). The counts are in the database, shared by all nodes.</li>
 * </ul>
 *
 * So strangers can keep an account locked only against addresses it never signed in from, and can
 * block its owner's own address only by the throttle of that address, for at most one window.
 */
@Stateless
public class SignInService {

    /** The installation setting: failed sign-ins per client address and window (0: no throttle). */
    public static final String ADDRESS_FAILURES = "wushe.signin.addressFailures";
    /** The installation setting: the window of the address throttle, in minutes. */
    public static final String ADDRESS_WINDOW_MINUTES = "wushe.signin.addressWindowMinutes";

    private static final Logger LOG = Logger.getLogger(SignInService.class.getName());

    /**
     * The outcome, with the account's user name and role on success, and whether its owner must
     * change the password before anything else (set by someone else, reset, or expired).
     */
    public record SignInResult(SignInOutcome outcome, String username, Role role, boolean mustChangePassword) {
        public SignInResult(SignInOutcome outcome, String username, Role role) {
            this(outcome, username, role, false);
        }

        public boolean signedIn() {
            return outcome.signedIn();
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

    @EJB
    SignInAddresses addresses;

    @Inject
    CredentialCache cache;

    /**
     * Signs in with the installation's address throttle ({@value #ADDRESS_FAILURES},
     * {@value #ADDRESS_WINDOW_MINUTES}); see {@link #signIn(String, char[], String, AddressThrottle)}.
     */
    public SignInResult signIn(String username, char[] password, String clientAddress) {
        return signIn(username, password, clientAddress, configuredThrottle());
    }

    /**
     * Verifies the password of {@code username} for an attempt from {@code clientAddress}, counts a
     * failure on the account and the address, and returns the outcome; never throws for bad
     * credentials, unknown accounts or throttled addresses.
     *
     * @param clientAddress the client's network address as the identity store determined it
     *                      ({@code org.wushe.audit.application.ClientAddress})
     */
    public SignInResult signIn(String username, char[] password, String clientAddress, AddressThrottle throttle) {
        Instant now = clock.instant();
        String address = SignInAddress.normalise(clientAddress);
        String name = username == null ? "" : username.trim();
        boolean throttled = !throttle.isOff() && addresses.isThrottled(address, now);
        if (!throttled) {
            SignInResult remembered = remembered(name, password, address, now);
            if (remembered != null) {
                return remembered;
            }
        }
        Account account = throttled ? null : em.createQuery(
                        "select a from Account a where a.username = :u", Account.class)
                .setParameter("u", name)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().orElse(null);
        SignInCheck check = SignInCheck.before(throttled, account, address, now);
        boolean matches = check.verifiesPassword()
                && hasher.verify(password, account == null ? hasher.dummyHash() : account.getPasswordHash());
        SignInOutcome outcome = check.outcome(matches);
        if (outcome.signedIn()) {
            account.recordSuccessfulSignIn(address, now);
            if (hasher.needsRehash(account.getPasswordHash())) {
                account.changePasswordHash(hasher.hashChecked(password));
            }
            cache.remember(account.getUsername(), password, address, account.getPasswordHash(), account.getRole(), now);
            return new SignInResult(outcome, account.getUsername(), account.getRole(),
                    account.mustChangePassword(PasswordSettings.policy(), now));
        }
        if (SignInCheck.countsOnAddress(outcome)) {
            countOnAddress(address, now, throttle);
        }
        audit.refusedSystem(name, AuditAction.SIGN_IN_FAILED, "ACCOUNT", account == null ? null : account.getId(),
                address, reason(outcome));
        if (SignInCheck.countsOnAccount(outcome) && account.recordFailedSignIn(now)) {
            cache.forget(account.getUsername());
            audit.recordSystem(account.getUsername(), AuditAction.ACCOUNT_LOCKED, "ACCOUNT", account.getId(), address,
                    "locked until " + account.getLockedUntil() + " (not against the addresses it signed in from)");
        }
        return new SignInResult(outcome, name, null);
    }

    /**
     * A credential verified lately from the same address ({@link CredentialCache}), if the account
     * is still as it was then: enabled, not locked, no failures since, the same stored hash.
     */
    private SignInResult remembered(String name, char[] password, String address, Instant now) {
        CredentialCache.Entry hit = cache.find(name, password, address, now);
        if (hit == null) {
            return null;
        }
        Account a = em.createQuery("select a from Account a where a.username = :u", Account.class)
                .setParameter("u", name).getResultStream().findFirst().orElse(null);
        if (a == null || !a.isEnabled() || a.getLockedUntil() != null || a.getFailedSignIns() > 0
                || !a.getPasswordHash().equals(hit.passwordHash())) {
            return null;
        }
        return new SignInResult(SignInOutcome.SIGNED_IN, a.getUsername(), a.getRole(),
                a.mustChangePassword(PasswordSettings.policy(), now));
    }

    /** What the audit entry of a refused sign-in says: the reason, never the password. */
    static String reason(SignInOutcome outcome) {
        return switch (outcome) {
            case UNKNOWN_ACCOUNT -> "unknown user name";
            case WRONG_PASSWORD -> "wrong password";
            case DISABLED -> "account disabled";
            case LOCKED -> "account locked";
            case ADDRESS_THROTTLED -> "client address throttled";
            case SIGNED_IN -> "signed in";
        };
    }

    /**
     * Records a refused second step of a sign-in (a wrong, replayed or missing code) for the
     * account, counted as a failed sign-in towards its lock.
     */
    public void secondFactorRefused(String username, String address, String detail) {
        Instant now = clock.instant();
        Account account = em.createQuery("select a from Account a where a.username = :u", Account.class)
                .setParameter("u", username).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().orElse(null);
        audit.refusedSystem(username, AuditAction.SIGN_IN_FAILED, "ACCOUNT", account == null ? null : account.getId(),
                address, detail);
        if (account != null && account.recordFailedSignIn(now)) {
            cache.forget(username);
            audit.recordSystem(username, AuditAction.ACCOUNT_LOCKED, "ACCOUNT", account.getId(), address,
                    "locked until " + account.getLockedUntil() + " (not against the addresses it signed in from)");
        }
    }

    /**
     * Records a successful sign-in through the sign-in page (the API's per-request checks are not
     * recorded) and gives its moment, which the page session keeps for {@link #sessionValid}.
     */
    public Instant pageSignIn(String username, String address, String detail) {
        audit.recordSystem(username, AuditAction.SIGN_IN, "ACCOUNT", accountId(username), address, detail);
        return clock.instant();
    }

    /**
     * Whether a page session of {@code username} signed in at {@code since} may go on: the account
     * exists, is enabled and has not had its sessions ended since ({@link Account#endSessions}: a
     * new password, another role or scope). Read from the database at every page request, so a
     * change made on one node ends the session on every node.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean sessionValid(String username, Instant since) {
        List<Object[]> rows = em.createQuery(
                        "select a.enabled, a.password.sessionsValidFrom from Account a where a.username = :u", Object[].class)
                .setParameter("u", username).getResultList();
        if (rows.isEmpty() || !Boolean.TRUE.equals(rows.get(0)[0])) {
            return false;
        }
        Instant from = (Instant) rows.get(0)[1];
        return from == null || !since.isBefore(from);
    }

    /** The moment from which a session renewed now (its owner changed their own password) is valid. */
    public Instant renewedSession() {
        return clock.instant();
    }

    /**
     * Records a page session the server ended without its owner signing out ({@code SIGN_OUT}): it
     * expired, or the account was changed or disabled since it signed in.
     */
    public void sessionEnded(String username, String address, String detail) {
        audit.recordSystem(username, AuditAction.SIGN_OUT, "ACCOUNT", accountId(username), address, detail);
    }

    private Long accountId(String username) {
        return em.createQuery("select a.id from Account a where a.username = :u", Long.class)
                .setParameter("u", username).getResultStream().findFirst().orElse(null);
    }

    private void countOnAddress(String address, Instant now, AddressThrottle throttle) {
        try {
            addresses.recordFailure(address, now, throttle);
        } catch (EJBException firstFailureCountedElsewhereAtOnce) {
            // Another node inserted the address's row at the same moment: count again on that row.
            addresses.recordFailure(address, now, throttle);
        }
    }

    /**
     * The address throttle the installation sets ({@value #ADDRESS_FAILURES}, default
     * {@value AddressThrottle#DEFAULT_FAILURES}; {@value #ADDRESS_WINDOW_MINUTES}, default 15); a
     * value that is not a number, or is out of range, gives the default and a warning in the log.
     */
    public static AddressThrottle configuredThrottle() {
        int failures = number(ADDRESS_FAILURES, AddressThrottle.DEFAULT_FAILURES, 0);
        int minutes = number(ADDRESS_WINDOW_MINUTES, (int) AddressThrottle.DEFAULT_WINDOW.toMinutes(), 1);
        return new AddressThrottle(failures, Duration.ofMinutes(minutes));
    }

    static int number(String key, int fallback, int least) {
        String v = Installation.setting(key, String.valueOf(fallback));
        try {
            int n = Integer.parseInt(v);
            if (n >= least) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        LOG.warning(() -> key + "=" + v + " is not a whole number of at least " + least + "; using " + fallback);
        return fallback;
    }
}
