package org.wushe.security.application;

import jakarta.enterprise.context.ApplicationScoped;
import org.wushe.shared.protect.Sealed;

/**
 * Encrypts the administrators' TOTP secrets for the database with the personal-data keys
 * ({@link Sealed}: AES-256-GCM, the key id in the value, so the keys' rotation covers them too) and
 * the user name as associated data: a secret copied to another account's row does not decrypt.
 */
@ApplicationScoped
public class TotpSecrets {

    /** The secret encrypted for the account. */
    public String encrypt(String base32Secret, String username) {
        return Sealed.seal(base32Secret, username);
    }

    /** The secret of the account, decrypted. */
    public String decrypt(String cipherText, String username) {
        if (cipherText == null) {
            throw new IllegalStateException("no second factor stored for " + username);
        }
        try {
            return Sealed.open(cipherText, username);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot decrypt the second factor of " + username
                    + " (another key than the one it was stored with?)", e);
        }
    }
}
