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
 * {@link Pbkdf2PasswordHash}, whose format {@code PBKDF2WithHmacSHA256:<iterations>:<salt>:<hash>}
 * keeps the cost with each hash; the cost of new hashes is the setting
 * {@value PasswordSettings#ITERATIONS} (600,000 by default, read when the server starts), and a
 * hash of a lower cost is made again at the owner's next successful sign-in
 * ({@link #needsRehash}). A dummy hash of the same cost lets a sign-in for an account that does not
 * exist do the same work as one for an account that does.
 */
@ApplicationScoped
public class PasswordHasher {

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    private String dummyHash;
    private int iterations;

    @PostConstruct
    void configure() {
        iterations = PasswordSettings.iterations();
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", String.valueOf(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        dummyHash = pbkdf2.generate(Base64.getEncoder().encodeToString(secret).toCharArray());
    }

    /**
     * The hash of a password that must meet the installation's policy.
     *
     * @throws ValidationException on field {@code password} naming the rule the password breaks
     */
    public String hash(char[] password) {
        return hash(password, "password");
    }

    /** The same, with the policy's message on the given form field. */
    public String hash(char[] password, String field) {
        PasswordSettings.policy().check(password, field);
        return pbkdf2.generate(password);
    }

    /** The hash of a password the policy has already been checked for (or that is generated). */
    public String hashChecked(char[] password) {
        return pbkdf2.generate(password);
    }

    /** One PBKDF2 verification of {@code password} against {@code hash}. */
    public boolean verify(char[] password, String hash) {
        return pbkdf2.verify(password, hash);
    }

    /** Whether {@code hash} was made with fewer iterations than new hashes get. */
    public boolean needsRehash(String hash) {
        return iterationsOf(hash) < iterations;
    }

    /** The iterations a stored hash was made with (0 when the hash is not in the PBKDF2 format). */
    public static int iterationsOf(String hash) {
        String[] parts = hash == null ? new String[0] : hash.split(":");
        try {
            return parts.length == 4 ? Integer.parseInt(parts[1]) : 0;
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    /** The iterations of new hashes. */
    public int iterations() {
        return iterations;
    }

    /**
     * A hash of a random password nobody knows, made with the same algorithm and cost as account
     * passwords, once when the hasher starts (so that not even the first unknown name answers more
     * slowly); verifying against it takes as long as verifying against a real account's hash.
     */
    public String dummyHash() {
        return dummyHash;
    }
}
