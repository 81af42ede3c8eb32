package org.wushe.security.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.wushe.shared.ValidationException;

/**
 * PBKDF2 password hashes (HMAC-SHA-256, 32-byte salt) through the Jakarta Security
 * {@link Pbkdf2PasswordHash}, and the password policy: at least ten characters with letters and digits.
 * A dummy hash of the same cost lets a sign-in for an account that does not exist do the same work
 * as one for an account that does.
 */
@ApplicationScoped
public class PasswordHasher {

    /** Iterations per hash: about 0.1 s on one core of the reference machine. */
    static final int ITERATIONS = 120_000;

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    private String dummyHash;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", String.valueOf(ITERATIONS),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        dummyHash = pbkdf2.generate(Base64.getEncoder().encodeToString(secret).toCharArray());
    }

    /** @throws ValidationException on field {@code password} when the policy is not met */
    public String hash(char[] password) {
        checkPolicy(password);
        return pbkdf2.generate(password);
    }

    /** One PBKDF2 verification of {@code password} against {@code hash}. */
    public boolean verify(char[] password, String hash) {
        return pbkdf2.verify(password, hash);
    }

    /**
     * A hash of a random password nobody knows, made with the same algorithm and cost as account
     * passwords, once when the hasher starts (so that not even the first unknown name answers more
     * slowly); verifying against it takes as long as verifying against a real account's hash.
     */
    public String dummyHash() {
        return dummyHash;
    }

    static void checkPolicy(char[] password) {
        String p = new String(password);
        if (p.length() < 10 || !p.chars().anyMatch(Character::isLetter) || !p.chars().anyMatch(Character::isDigit)) {
            throw ValidationException.of("password", "account.password.policy");
        }
    }
}
