package org.wushe.security.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.apache.commons.codec.binary.Base32;
import org.wushe.audit.application.AuditLog;
import org.wushe.audit.domain.AuditAction;
import org.wushe.security.domain.Account;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.RecoveryCode;
import org.wushe.security.domain.SecondFactor;
import org.wushe.security.domain.Totp;
import org.wushe.shared.NotPermittedException;
import org.wushe.shared.ValidationException;

/**
 * The administrators' second factor (docs/security.md, "Passwords and the second factor"): TOTP
 * (RFC 6238) enrolled on the enrolment page with ten one-time recovery codes (shown once, stored
 * as SHA-256 only); the sign-in page's second step accepts a code once (never the same step again)
 * or an unused recovery code; the API accepts the current code in the header {@code X-Wushe-Otp}
 * on every request (the same code again within its window). Enrolment is audited as
 * {@link AuditAction#SECOND_FACTOR_CHANGED}; refused codes as {@link AuditAction#SIGN_IN_FAILED}
 * and counted towards the account's lock.
 */
@Stateless
public class SecondFactorService {

    /** How many recovery codes an enrolment gives. */
    public static final int RECOVERY_CODES = 10;
    /** The issuer an authenticator app shows next to the account. */
    public static final String ISSUER = "Wushe";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** How a second step ended. */
    public enum Check {
        /** A fresh code of the authenticator app. */
        CODE,
        /** An unused recovery code, now used. */
        RECOVERY_CODE,
        /** Wrong, replayed, missing, or no second factor enrolled. */
        REFUSED
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    TotpSecrets secrets;

    @Inject
    Clock clock;

    @EJB
    AuditLog audit;

    @EJB
    SignInService signIn;

    /** Whether the account has an enrolled second factor. Callable by anyone (the sign-in asks it). */
    public boolean enrolled(String username) {
        return em.createQuery("select count(f) from SecondFactor f, Account a where f.accountId = a.id"
                        + " and a.username = :u", Long.class)
                .setParameter("u", username).getSingleResult() > 0;
    }

    /** Whether the signed-in caller has an enrolled second factor. */
    public boolean enrolled() {
        return enrolled(currentCaller.get().username());
    }

    /**
     * Enrols (or enrols again) the signed-in administrator's second factor with the secret shown
     * to them, once they typed its current code; returns the ten recovery codes, to be shown once.
     * Administrators only (system, security, audit).
     *
     * @throws ValidationException {@code code} when the code does not fit the secret
     */
    public List<String> enrol(String base32Secret, String code) {
        Caller caller = currentCaller.get();
        if (!caller.role().isAdministrator()) {
            throw new NotPermittedException("secondFactor.administratorsOnly", "Only administrators enrol a second factor");
        }
        if (!Totp.isSecret(base32Secret)) {
            throw ValidationException.of("secret", "secondFactor.secret.invalid");
        }
        Instant now = clock.instant();
        OptionalLong step = Totp.matchingStep(base32Secret, code, now);
        if (step.isEmpty()) {
            throw ValidationException.of("code", "secondFactor.code.wrong");
        }
        Account account = em.createQuery("select a from Account a where a.username = :u", Account.class)
                .setParameter("u", caller.username()).setLockMode(LockModeType.PESSIMISTIC_WRITE).getSingleResult();
        SecondFactor factor = em.find(SecondFactor.class, account.getId());
        String cipher = secrets.encrypt(base32Secret, account.getUsername());
        boolean again = factor != null;
        if (factor == null) {
            factor = new SecondFactor(account.getId(), cipher, now);
            em.persist(factor);
        } else {
            factor.replace(cipher, now);
        }
        factor.acceptOnce(step.getAsLong());
        List<String> codes = newRecoveryCodes(account.getId());
        audit.record(caller, AuditAction.SECOND_FACTOR_CHANGED, null, "ACCOUNT", account.getId(), null, null,
                (again ? "second factor enrolled again" : "second factor enrolled") + ", " + RECOVERY_CODES
                        + " new recovery codes");
        return codes;
    }

    /** How many unused recovery codes the signed-in caller has left. */
    public long recoveryCodesLeft() {
        return em.createQuery("select count(r) from RecoveryCode r, Account a where r.accountId = a.id"
                        + " and a.username = :u and r.usedAt is null", Long.class)
                .setParameter("u", currentCaller.get().username()).getSingleResult();
    }

    /**
     * The sign-in page's second step for {@code username} (whose password was just verified): a
     * code of the current window not accepted before, or an unused recovery code. A refusal is
     * audited and counts as a failed sign-in.
     */
    public Check signIn(String username, String typed, String address) {
        Account account = em.createQuery("select a from Account a where a.username = :u", Account.class)
                .setParameter("u", username).getResultStream().findFirst().orElse(null);
        SecondFactor factor = account == null ? null
                : em.find(SecondFactor.class, account.getId(), LockModeType.PESSIMISTIC_WRITE);
        if (factor == null) {
            signIn.secondFactorRefused(username, address, "no second factor enrolled");
            return Check.REFUSED;
        }
        Instant now = clock.instant();
        String secret = secrets.decrypt(factor.getSecretCipher(), username);
        OptionalLong step = Totp.matchingStep(secret, typed, now);
        if (step.isPresent()) {
            if (factor.acceptOnce(step.getAsLong())) {
                return Check.CODE;
            }
            signIn.secondFactorRefused(username, address, "second factor code used before (replay)");
            return Check.REFUSED;
        }
        RecoveryCode recovery = unusedRecoveryCode(account.getId(), typed);
        if (recovery != null) {
            recovery.use(now);
            return Check.RECOVERY_CODE;
        }
        signIn.secondFactorRefused(username, address, "wrong second factor code");
        return Check.REFUSED;
    }

    /**
     * An API request's code for {@code username}: any code of the current window, the same one
     * again too (the API signs in on every request). A wrong code is audited and counts as a failed
     * sign-in; a missing one is audited.
     */
    public Check api(String username, String typed, String address) {
        Account account = em.createQuery("select a from Account a where a.username = :u", Account.class)
                .setParameter("u", username).getResultStream().findFirst().orElse(null);
        SecondFactor factor = account == null ? null : em.find(SecondFactor.class, account.getId());
        if (factor == null) {
            return Check.REFUSED;
        }
        if (typed == null || typed.isBlank()) {
            audit.refusedSystem(username, AuditAction.SIGN_IN_FAILED, "ACCOUNT", account.getId(), address,
                    "API request without the second factor's code");
            return Check.REFUSED;
        }
        String secret = secrets.decrypt(factor.getSecretCipher(), username);
        if (Totp.matchingStep(secret, typed, clock.instant()).isPresent()) {
            return Check.CODE;
        }
        signIn.secondFactorRefused(username, address, "wrong second factor code (API)");
        return Check.REFUSED;
    }

    private RecoveryCode unusedRecoveryCode(Long accountId, String typed) {
        String normal = normalRecoveryCode(typed);
        if (normal == null) {
            return null;
        }
        String hash = sha256(normal);
        return em.createQuery("select r from RecoveryCode r where r.accountId = :a and r.codeHash = :h"
                        + " and r.usedAt is null", RecoveryCode.class)
                .setParameter("a", accountId).setParameter("h", hash)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst().orElse(null);
    }

    private List<String> newRecoveryCodes(Long accountId) {
        em.createQuery("delete from RecoveryCode r where r.accountId = :a").setParameter("a", accountId)
                .executeUpdate();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            byte[] random = new byte[10];
            RANDOM.nextBytes(random);
            String plain = new Base32().encodeAsString(random).toLowerCase(Locale.ROOT);
            String shown = plain.substring(0, 4) + "-" + plain.substring(4, 8) + "-" + plain.substring(8, 12) + "-"
                    + plain.substring(12, 16);
            em.persist(new RecoveryCode(accountId, sha256(plain)));
            codes.add(shown);
        }
        return codes;
    }

    /** A typed recovery code as stored: 16 Base32 characters, lower case, without dashes or spaces. */
    static String normalRecoveryCode(String typed) {
        if (typed == null) {
            return null;
        }
        String s = typed.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
        return s.matches("[a-z2-7]{16}") ? s : null;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
