package org.wushe.fund.domain;

import java.util.Locale;
import org.wushe.shared.ValidationException;

/**
 * Money: always a {@code long} in fen (分). This is the one place that turns fen into yuan text
 * ({@code 1234567} → {@code 12,345.67}, {@code -150} → {@code -1.50}) and typed yuan back into fen,
 * without floating point anywhere; the fund, the organisations' funding and the deliberation
 * proposals' costs all format and read amounts here.
 */
public final class Money {

    /** Typed yuan that is a number but finer than a fen ({@code 1.234}). */
    public static final class FinerThanFen extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        FinerThanFen(String yuan) {
            super("finer than a fen: " + yuan);
        }
    }

    private Money() {
    }

    /** Fen as yuan with thousands separators and two decimals, e.g. {@code -1,234.05}. */
    public static String format(long fen) {
        boolean negative = fen < 0;
        // Long.MIN_VALUE has no positive counterpart; the fund never gets near it.
        long abs = Math.abs(fen);
        String yuan = String.format(Locale.ROOT, "%,d", abs / 100);
        return (negative ? "-" : "") + yuan + "." + String.format(Locale.ROOT, "%02d", abs % 100);
    }

    /** {@link #format(long)}, or the empty text for no amount. */
    public static String format(Long fen) {
        return fen == null ? "" : format(fen.longValue());
    }

    /**
     * Typed yuan ({@code 12345.6}, {@code 12,345.67}, {@code 100}, {@code 12。5}, {@code 1.50}) as
     * fen. Thousands separators (ASCII or full-width commas) are ignored, a full-width or ideographic
     * full stop is a decimal point, zeros beyond the second decimal are allowed.
     *
     * @throws FinerThanFen when it is a number with a non-zero third decimal
     * @throws IllegalArgumentException when it is not a plain amount of at most 13 digits of yuan
     */
    public static long parse(String yuan) {
        if (yuan == null) {
            throw new IllegalArgumentException("no amount");
        }
        String s = yuan.strip().replace(",", "").replace("，", "").replace('。', '.').replace('．', '.');
        if (!s.matches("[-+]?\\d{1,13}(\\.\\d+)?")) {
            throw new IllegalArgumentException("not an amount: " + yuan);
        }
        boolean negative = s.startsWith("-");
        if (negative || s.startsWith("+")) {
            s = s.substring(1);
        }
        int dot = s.indexOf('.');
        long whole = Long.parseLong(dot < 0 ? s : s.substring(0, dot));
        long cents = 0;
        if (dot >= 0) {
            String frac = s.substring(dot + 1);
            if (!frac.substring(Math.min(2, frac.length())).matches("0*")) {
                throw new FinerThanFen(yuan);
            }
            frac = (frac + "00").substring(0, 2);
            cents = Long.parseLong(frac);
        }
        long fen = Math.addExact(Math.multiplyExact(whole, 100), cents);
        return negative ? -fen : fen;
    }

    /**
     * Typed yuan of a form field as fen, null when blank. Records {@code finerKey} on the field for
     * a number finer than a fen and {@code invalidKey} for anything else that is not an amount.
     */
    public static Long parse(String field, String yuan, String invalidKey, String finerKey,
                             ValidationException.Collector errors) {
        if (yuan == null || yuan.isBlank()) {
            return null;
        }
        try {
            return parse(yuan);
        } catch (FinerThanFen e) {
            errors.add(field, finerKey);
            return null;
        } catch (IllegalArgumentException | ArithmeticException e) {
            errors.add(field, invalidKey);
            return null;
        }
    }

    /** A share in basis points as a percentage text with one decimal, e.g. {@code 870} → {@code 8.7%}. */
    public static String percent(long basisPoints) {
        long abs = Math.abs(basisPoints);
        return String.format(Locale.ROOT, "%s%d.%d%%", basisPoints < 0 ? "-" : "", abs / 100, (abs % 100) / 10);
    }

    /** {@code part / whole} in basis points, rounded down; 0 when the whole is 0. */
    public static long share(long part, long whole) {
        return whole == 0 ? 0 : Math.multiplyExact(part, 10_000L) / whole;
    }
}
