package org.wushe.security.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.logging.Logger;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.wushe.shared.Installation;

/**
 * Encrypts the administrators' TOTP secrets for the database: AES-256-GCM with a random 12-byte
 * nonce and the user name as associated data (a secret copied to another account's row does not
 * decrypt). The key is the setting {@value #KEY_SETTING} (32 bytes in Base64), or else the file
 * {@value #KEY_FILE} in the domain's {@code config} directory, generated there (mode 600) when the
 * first secret is stored. Every node of an installation needs the same key; a lost key means every
 * administrator enrols again (docs/security.md).
 */
@ApplicationScoped
public class TotpSecrets {

    public static final String KEY_SETTING = "wushe.totpKey";
    public static final String KEY_FILE = "wushe-totp.key";
    private static final Logger LOG = Logger.getLogger(TotpSecrets.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    private volatile SecretKey key;

    /** The secret encrypted for the account, as {@code v1:<base64 of nonce and ciphertext>}. */
    public String encrypt(String base32Secret, String username) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, nonce));
            c.updateAAD(username.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(base32Secret.getBytes(StandardCharsets.US_ASCII));
            return "v1:" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a second factor", e);
        }
    }

    /** The secret of the account, decrypted. */
    public String decrypt(String cipherText, String username) {
        if (cipherText == null || !cipherText.startsWith("v1:")) {
            throw new IllegalStateException("not an encrypted second factor");
        }
        try {
            byte[] all = Base64.getDecoder().decode(cipherText.substring(3));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, all, 0, 12));
            c.updateAAD(username.getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(all, 12, all.length - 12), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot decrypt the second factor of " + username
                    + " (another key than the one it was stored with?)", e);
        }
    }

    private SecretKey key() {
        SecretKey k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = new SecretKeySpec(loadOrMake(), "AES");
                }
                k = key;
            }
        }
        return k;
    }

    private static byte[] loadOrMake() {
        String configured = Installation.setting(KEY_SETTING, "");
        if (!configured.isEmpty()) {
            return checked(Base64.getDecoder().decode(configured), KEY_SETTING);
        }
        String domain = System.getProperty("com.sun.aas.instanceRoot", System.getProperty("user.home"));
        Path file = Path.of(domain, "config", KEY_FILE);
        try {
            if (Files.isRegularFile(file)) {
                return checked(Base64.getDecoder().decode(Files.readString(file).trim()), file.toString());
            }
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            Files.createDirectories(file.getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // a file system without POSIX permissions: the directory's own protection applies
            }
            LOG.warning(() -> "generated the key of the second factors' secrets: " + file
                    + " (keep it with the backups; every node needs the same)");
            return fresh;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create " + file, e);
        }
    }

    private static byte[] checked(byte[] key, String where) {
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new IllegalStateException(where + " must hold an AES key of 16, 24 or 32 bytes in Base64");
        }
        return key;
    }
}
