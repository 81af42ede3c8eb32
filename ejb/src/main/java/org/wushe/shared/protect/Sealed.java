package org.wushe.shared.protect;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Residents' identifiers (ID number, phone) as the database keeps them: {@link #seal} encrypts with
 * AES-256-GCM under the active key, a random 96-bit IV per value, stored as
 * {@code <key id>:<base64url(IV ‖ ciphertext ‖ tag)>}; {@link #open} decrypts by the value's own key
 * id (so a rotation can decrypt old values); {@link #hash} is the keyed HMAC-SHA256 stored beside
 * each value for exact look-up and the city-wide uniqueness check. Keys: {@link DataKeys}.
 * Cipher and MAC instances are kept per thread, so a chunk of an import costs no look-ups of providers.
 */
public final class Sealed {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });
    private static final ThreadLocal<MacOf> MAC = new ThreadLocal<>();

    private static volatile DataKeys keys;

    private Sealed() {
    }

    /** Uses these keys from now on (the server at start-up, after reading them). */
    public static void use(DataKeys k) {
        keys = k;
    }

    /** The keys in use, read from the system properties the first time. */
    public static DataKeys keys() {
        DataKeys k = keys;
        if (k == null) {
            synchronized (Sealed.class) {
                if (keys == null) {
                    keys = DataKeys.fromSystem();
                }
                k = keys;
            }
        }
        return k;
    }

    /** The encrypted form of a value (null stays null). */
    public static String seal(String plain) {
        return seal(plain, null);
    }

    /**
     * The encrypted form of a value bound to {@code context} (GCM's associated data, e.g. the owner's
     * user name: a value copied to another owner's row does not open there); null context: none.
     */
    public static String seal(String plain, String context) {
        if (plain == null) {
            return null;
        }
        DataKeys k = keys();
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher c = CIPHER.get();
            c.init(Cipher.ENCRYPT_MODE, k.active(), new GCMParameterSpec(TAG_BITS, iv));
            if (context != null) {
                c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            }
            byte[] ct = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(IV_BYTES + ct.length).put(iv).put(ct).array();
            return k.activeId() + ":" + B64.encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt: " + e.getMessage(), e);
        }
    }

    /** The clear value of a sealed one (null stays null); a wrong key or altered value fails. */
    public static String open(String sealed) {
        return open(sealed, null);
    }

    /** The clear value of a value sealed with {@code context}; another context fails as a wrong key does. */
    public static String open(String sealed, String context) {
        if (sealed == null) {
            return null;
        }
        int colon = sealed.indexOf(':');
        if (colon < 1) {
            throw new IllegalStateException("not an encrypted value");
        }
        byte[] in = B64D.decode(sealed.substring(colon + 1));
        try {
            Cipher c = CIPHER.get();
            c.init(Cipher.DECRYPT_MODE, keys().aes(sealed.substring(0, colon)),
                    new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            if (context != null) {
                c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            }
            return new String(c.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt a stored value (wrong key or altered): " + e.getMessage(), e);
        }
    }

    /** Whether a stored value is already in the sealed form (a key id, a colon, base64url). */
    public static boolean isSealed(String value) {
        if (value == null) {
            return false;
        }
        int colon = value.indexOf(':');
        return colon > 0 && colon <= 8 && Character.isLetter(value.charAt(0));
    }

    /** The key id a sealed value was encrypted with (for the rotation). */
    public static String keyIdOf(String sealed) {
        return sealed.substring(0, sealed.indexOf(':'));
    }

    /** The keyed hash of a value for exact look-up (null stays null): HMAC-SHA256, base64url, 43 characters. */
    public static String hash(String plain) {
        if (plain == null) {
            return null;
        }
        DataKeys k = keys();
        MacOf m = MAC.get();
        if (m == null || m.keys != k) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(k.hmac());
                m = new MacOf(k, mac);
                MAC.set(m);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return B64.encodeToString(m.mac.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
    }

    private record MacOf(DataKeys keys, Mac mac) {
    }
}
