package org.wushe.security.domain;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords (RFC 6238) as authenticator apps make them: HMAC-SHA-1, six digits,
 * 30-second steps, a secret of 20 random bytes written in Base32. A code is accepted for the step
 * before and after the current one too (a phone's clock a little off).
 */
public final class Totp {

    public static final Duration STEP = Duration.ofSeconds(30);
    /** Steps either side of the current one whose codes are still accepted. */
    public static final int WINDOW = 1;

    private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator(STEP, 6,
            TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {
    }

    /** A new secret of 20 random bytes, in Base32 without padding (what an authenticator app reads). */
    public static String newSecret() {
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        return new Base32().encodeAsString(secret).replace("=", "");
    }

    /** Whether the text is a Base32 secret of at least 80 bits. */
    public static boolean isSecret(String base32) {
        return base32 != null && base32.matches("[A-Z2-7]{16,}") && bytes(base32).length >= 10;
    }

    /** The time step of an instant (seconds since 1970 divided by 30). */
    public static long stepOf(Instant at) {
        return at.getEpochSecond() / STEP.getSeconds();
    }

    /** The six-digit code of the secret for a time step. */
    public static String code(String base32Secret, long step) {
        try {
            int code = GENERATOR.generateOneTimePassword(new SecretKeySpec(bytes(base32Secret), "HmacSHA1"),
                    Instant.ofEpochSecond(step * STEP.getSeconds()));
            return String.format(Locale.ROOT, "%06d", code);
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("not a TOTP secret", e);
        }
    }

    /**
     * The step, within {@link #WINDOW} of {@code now}'s, whose code {@code code} is (the latest one
     * when several match), or empty.
     */
    public static OptionalLong matchingStep(String base32Secret, String code, Instant now) {
        String typed = code == null ? "" : code.replaceAll("\\s", "");
        if (!typed.matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        long current = stepOf(now);
        for (long step = current + WINDOW; step >= current - WINDOW; step--) {
            if (java.security.MessageDigest.isEqual(code(base32Secret, step).getBytes(), typed.getBytes())) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    /** The address an authenticator app reads from the QR code (Key Uri Format). */
    public static String uri(String issuer, String account, String base32Secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=6&period=" + STEP.getSeconds();
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] bytes(String base32) {
        return new Base32().decode(base32.toUpperCase(Locale.ROOT));
    }
}
