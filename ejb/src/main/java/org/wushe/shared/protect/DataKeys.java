package org.wushe.shared.protect;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys that protect residents' identifiers at rest, kept outside the database: AES-256 keys by
 * key id (the one named {@code active} encrypts, every listed one decrypts, so a rotation keeps the
 * old key until all values are re-encrypted) and one HMAC-SHA256 key for the look-up hashes.
 *
 * <p>Format (a properties text; base64 of 32 random bytes each):
 * <pre>
 * active=k2
 * aes.k1=...   (the old key, kept until the rotation is done)
 * aes.k2=...
 * hmac=...
 * </pre>
 * Read from the file named by the system property {@value #FILE} (the demo and the tests: a file
 * in the domain's config directory, made by {@code config/server.sh}), else from the system
 * property {@value #INLINE} holding the same lines separated by {@code ;}, which GlassFish fills
 * from a password alias: {@code -Dwushe.data.keys=${ALIAS=wushe-data-keys}}.
 */
public final class DataKeys {

    public static final String FILE = "wushe.data.keyFile";
    public static final String INLINE = "wushe.data.keys";

    private static final Pattern KEY_ID = Pattern.compile("[a-z][a-z0-9]{0,7}");

    private final String activeId;
    private final Map<String, SecretKey> aes;
    private final SecretKey hmac;

    private DataKeys(String activeId, Map<String, SecretKey> aes, SecretKey hmac) {
        this.activeId = activeId;
        this.aes = aes;
        this.hmac = hmac;
    }

    /** The keys the server was given ({@value #FILE} or {@value #INLINE}). */
    public static DataKeys fromSystem() {
        String file = System.getProperty(FILE);
        if (file != null && !file.isBlank()) {
            try {
                return parse(Files.readString(Path.of(file.trim())));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the personal-data key file " + file + ": " + e.getMessage(), e);
            }
        }
        String inline = System.getProperty(INLINE);
        if (inline != null && !inline.isBlank() && !inline.startsWith("${")) {
            return parse(inline.replace(';', '\n'));
        }
        throw new IllegalStateException("no personal-data keys: set -D" + FILE + "=<file> or -D" + INLINE
                + "=${ALIAS=wushe-data-keys} (docs/security.md, \"Keys of personal data\")");
    }

    /** The keys in the properties text (see the class comment). */
    public static DataKeys parse(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String active = p.getProperty("active", "").trim();
        Map<String, SecretKey> aes = new LinkedHashMap<>();
        for (String name : p.stringPropertyNames()) {
            if (name.startsWith("aes.")) {
                String id = name.substring(4);
                if (!KEY_ID.matcher(id).matches()) {
                    throw new IllegalStateException("key id '" + id + "' must be a lower-case letter and up to 7 letters or digits");
                }
                aes.put(id, new SecretKeySpec(key(p.getProperty(name), name), "AES"));
            }
        }
        if (!aes.containsKey(active)) {
            throw new IllegalStateException("the active key '" + active + "' is not among the AES keys " + aes.keySet());
        }
        String h = p.getProperty("hmac");
        if (h == null) {
            throw new IllegalStateException("no hmac key among the personal-data keys");
        }
        return new DataKeys(active, Map.copyOf(aes), new SecretKeySpec(key(h, "hmac"), "HmacSHA256"));
    }

    private static byte[] key(String base64, String name) {
        byte[] k;
        try {
            k = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the key " + name + " is not base64", e);
        }
        if (k.length != 32) {
            throw new IllegalStateException("the key " + name + " must be 32 bytes, not " + k.length);
        }
        return k;
    }

    public String activeId() {
        return activeId;
    }

    SecretKey active() {
        return aes.get(activeId);
    }

    /** The AES key of a stored value's key id, or an exception naming the missing key. */
    SecretKey aes(String id) {
        SecretKey k = aes.get(id);
        if (k == null) {
            throw new IllegalStateException("no personal-data key '" + id + "': keep old keys until a rotation is done");
        }
        return k;
    }

    SecretKey hmac() {
        return hmac;
    }
}
