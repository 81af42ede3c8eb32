package org.wushe.security.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.wushe.audit.application.AuditLog;
import org.wushe.audit.domain.AuditAction;
import org.wushe.security.domain.Account;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.PasswordPolicy;
import org.wushe.security.domain.Right;
import org.wushe.security.domain.UsedPassword;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.NotPermittedException;
import org.wushe.shared.ValidationException;

/**
 * A password's life after the account is made (docs/security.md, "Passwords and the second
 * factor"): its owner changes it (old password required, the policy and the history of
 * {@value PasswordSettings#HISTORY} checked), and the security administrator resets it to a
 * generated one-time password that its owner must change at the next sign-in. Both are audited
 * ({@link AuditAction#PASSWORD_CHANGED}, {@link AuditAction#PASSWORD_RESET}); the server forgets
 * the account's remembered credentials ({@link CredentialCache}).
 */
@Stateless
public class PasswordLifecycle {

    /** Length of a generated one-time password. */
    static final int ONE_TIME_LENGTH = 16;
    private static final String[] ONE_TIME_CLASSES = {"abcdefghijkmnpqrstuvwxyz", "ABCDEFGHJKLMNPQRSTUVWXYZ",
            "23456789", "-_.+=%@"};
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A reset's answer: the one-time password, shown once to the administrator and stored nowhere. */
    public record OneTimePassword(String username, String password) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    PasswordHasher hasher;

    @Inject
    CredentialCache cache;

    @Inject
    Clock clock;

    @EJB
    AuditLog audit;

    /**
     * The signed-in owner changes their password. Anyone signed in.
     *
     * @throws ValidationException {@code repeatPassword} when the two new ones differ,
     *         {@code newPassword} for a rule of the policy or the history, {@code oldPassword} when
     *         the old password is wrong (audited as a refused {@link AuditAction#PASSWORD_CHANGED})
     */
    public void changeOwn(char[] oldPassword, char[] newPassword, char[] repeatPassword) {
        Caller caller = currentCaller.get();
        char[] fresh = newPassword == null ? new char[0] : newPassword;
        if (!Arrays.equals(fresh, repeatPassword == null ? new char[0] : repeatPassword)) {
            throw ValidationException.of("repeatPassword", "password.repeat.mismatch");
        }
        PasswordPolicy policy = PasswordSettings.policy();
        policy.check(fresh, "newPassword");
        Account account = lockedAccount(caller.username());
        if (!hasher.verify(oldPassword == null ? new char[0] : oldPassword, account.getPasswordHash())) {
            audit.refused(caller, AuditAction.PASSWORD_CHANGED, null, "ACCOUNT", account.getId(), "wrong old password");
            throw ValidationException.of("oldPassword", "password.old.wrong");
        }
        requireNotInHistory(account, fresh, policy);
        replace(account, hasher.hashChecked(fresh), false, policy);
        audit.record(caller, AuditAction.PASSWORD_CHANGED, null, "ACCOUNT", account.getId(), null, null,
                "changed by its owner");
    }

    /**
     * Resets an account's password to a generated one-time password that its owner must change at
     * the next sign-in. The security administrator ({@link Right#ADMINISTER_ACCOUNTS}). An
     * administrator account (system, security, audit) is not reset here: that needs a second
     * administrator's confirmation (refused, audited).
     */
    public OneTimePassword reset(String username) {
        Caller caller = currentCaller.get();
        caller.require(Right.ADMINISTER_ACCOUNTS);
        Account account = em.createQuery("select a from Account a where a.username = :u", Account.class)
                .setParameter("u", username == null ? "" : username.trim())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("account", username));
        if (account.getRole().isAdministrator()) {
            audit.refused(caller, AuditAction.PASSWORD_RESET, null, "ACCOUNT", account.getId(),
                    "an administrator's password needs a second administrator's confirmation");
            throw new NotPermittedException("password.reset.needsSecondAdministrator",
                    "Resetting an administrator's password needs a second administrator");
        }
        PasswordPolicy policy = PasswordSettings.policy();
        String password = oneTimePassword(policy);
        replace(account, hasher.hashChecked(password.toCharArray()), true, policy);
        audit.record(caller, AuditAction.PASSWORD_RESET, null, "ACCOUNT", account.getId(), null, null,
                "reset to a one-time password; the owner must change it at the next sign-in");
        return new OneTimePassword(account.getUsername(), password);
    }

    /** Whether the signed-in caller must change their password before anything else. Anyone signed in. */
    public boolean mustChange() {
        Account account = em.createQuery("select a from Account a where a.username = :u", Account.class)
                .setParameter("u", currentCaller.get().username()).getSingleResult();
        return account.mustChangePassword(PasswordSettings.policy(), clock.instant());
    }

    private Account lockedAccount(String username) {
        return em.createQuery("select a from Account a where a.username = :u", Account.class)
                .setParameter("u", username).setLockMode(LockModeType.PESSIMISTIC_WRITE).getSingleResult();
    }

    /** Refuses a password equal to the current one or to one of the latest in the history. */
    private void requireNotInHistory(Account account, char[] password, PasswordPolicy policy) {
        if (policy.history() == 0) {
            return;
        }
        List<String> recent = new ArrayList<>();
        recent.add(account.getPasswordHash());
        recent.addAll(history(account, policy.history() - 1).stream().map(UsedPassword::getPasswordHash).toList());
        for (String hash : recent) {
            if (hasher.verify(password, hash)) {
                throw ValidationException.of("newPassword", "password.rule.history", policy.history());
            }
        }
    }

    /** Sets the new hash, keeps the old one in the history (only as many as the policy needs). */
    private void replace(Account account, String newHash, boolean setByOther, PasswordPolicy policy) {
        Instant now = clock.instant();
        em.persist(new UsedPassword(account.getId(), account.getPasswordHash(), now));
        account.setPassword(newHash, setByOther, now);
        em.flush();
        List<UsedPassword> kept = history(account, Integer.MAX_VALUE);
        int keep = Math.max(policy.history() - 1, 0);
        kept.stream().skip(keep).forEach(em::remove);
        cache.forget(account.getUsername());
    }

    private List<UsedPassword> history(Account account, int most) {
        return em.createQuery("select u from UsedPassword u where u.accountId = :a order by u.replacedAt desc, u.id desc",
                        UsedPassword.class)
                .setParameter("a", account.getId()).setMaxResults(most).getResultList();
    }

    /** A random password of {@value #ONE_TIME_LENGTH} characters with every class, long enough for the policy. */
    static String oneTimePassword(PasswordPolicy policy) {
        int length = Math.max(ONE_TIME_LENGTH, policy.minLength());
        List<Character> chars = new ArrayList<>();
        String all = String.join("", ONE_TIME_CLASSES);
        for (String cls : ONE_TIME_CLASSES) {
            chars.add(cls.charAt(RANDOM.nextInt(cls.length())));
        }
        while (chars.size() < length) {
            chars.add(all.charAt(RANDOM.nextInt(all.length())));
        }
        java.util.Collections.shuffle(chars, RANDOM);
        StringBuilder b = new StringBuilder();
        chars.forEach(b::append);
        return b.toString();
    }
}
