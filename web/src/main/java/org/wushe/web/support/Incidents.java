package org.wushe.web.support;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Incident numbers: what a person reads out from an error page or a problem document, and what the
 * server log carries next to the failure ({@code Incident E20261206-7KQ2PX on GET /wushe/...}).
 */
public final class Incidents {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private Incidents() {
    }

    /** A new number: the day and six characters without look-alikes (no 0/O, 1/I). */
    public static String newNumber() {
        StringBuilder b = new StringBuilder("E")
                .append(LocalDate.now(ZoneId.systemDefault()).format(DateTimeFormatter.BASIC_ISO_DATE)).append('-');
        for (int i = 0; i < 6; i++) {
            b.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return b.toString();
    }
}
