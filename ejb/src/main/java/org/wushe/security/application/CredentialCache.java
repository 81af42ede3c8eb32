package org.wushe.security.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.wushe.security.domain.Role;

/**
 * The credentials this server verified in the last minutes, so that the API, which signs in on
 * every request, does not pay a PBKDF2 verification (about 0.3 s of CPU at 600,000 iterations) for
 * each one. An entry is keyed by HMAC-SHA-256, under a random key made when the server starts, of
 * the user name, the client address and the password: neither the password nor anything that
 * could be guessed against offline is kept. An entry lives {@value PasswordSettings#CACHE_SECONDS}
 * seconds (120 by default, at most 300) and holds only while the account's stored hash is the one
 * it was verified against (so a password changed or reset on any node ends it); it is dropped at
 * once for an account whose password changes or is reset, or that is locked or disabled here.
 */
@ApplicationScoped
public class CredentialCache {

    /** More entries than this and the cache starts again empty (a flood of distinct credentials). */
    static final int MOST_ENTRIES = 10_000;

    /** A verified credential: whose, against which stored hash, until when. */
    public record Entry(String username, String passwordHash, Role role, Instant until) {
    }

    private final byte[] key = new byte[32];
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public CredentialCache() {
        new SecureRandom().nextBytes(key);
    }

    /** The entry of a credential verified lately and not yet run out, or null. */
    public Entry find(String username, char[] password, String address, Instant now) {
        if (PasswordSettings.cacheSeconds() == 0) {
            return null;
        }
        String k = keyOf(username, password, address);
        Entry e = entries.get(k);
        if (e == null) {
            return null;
        }
        if (!now.isBefore(e.until())) {
            entries.remove(k, e);
            return null;
        }
        return e;
    }

    /** Remembers a credential just verified against {@code passwordHash}. */
    public void remember(String username, char[] password, String address, String passwordHash, Role role, Instant now) {
        int seconds = PasswordSettings.cacheSeconds();
        if (seconds == 0) {
            return;
        }
        if (entries.size() >= MOST_ENTRIES) {
            entries.values().removeIf(e -> !now.isBefore(e.until()));
            if (entries.size() >= MOST_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(keyOf(username, password, address),
                new Entry(username, passwordHash, role, now.plus(Duration.ofSeconds(seconds))));
    }

    /** Forgets every credential of the account (password changed or reset, account locked or disabled). */
    public void forget(String username) {
        entries.values().removeIf(e -> e.username().equals(username));
    }

    /** How many credentials are remembered (for the tests). */
    public int size() {
        return entries.size();
    }

    private String keyOf(String username, char[] password, String address) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(address.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(password)));
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing", e);
        }
    }
}
