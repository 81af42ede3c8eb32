package org.wushe.fund.domain;

import java.util.Locale;

/**
 * Money of the fund: always a {@code long} in fen (分). This is the one place that turns fen into
 * yuan text ({@code 1234567} → {@code 12,345.67}) and typed yuan back into fen, without floating
 * point anywhere.
 */
public final class Money {

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

    /**
     * Typed yuan ({@code 12345.6}, {@code 12,345.67}, {@code 100}) as fen.
     *
     * @throws IllegalArgumentException when it is not a plain amount with at most two decimals
     */
    public static long parse(String yuan) {
        if (yuan == null) {
            throw new IllegalArgumentException("no amount");
        }
        String s = yuan.strip().replace(",", "").replace("，", "");
        if (!s.matches("-?\\d{1,13}(\\.\\d{1,2})?")) {
            throw new IllegalArgumentException("not an amount: " + yuan);
        }
        boolean negative = s.startsWith("-");
        if (negative) {
            s = s.substring(1);
        }
        int dot = s.indexOf('.');
        long whole = Long.parseLong(dot < 0 ? s : s.substring(0, dot));
        long cents = 0;
        if (dot >= 0) {
            String frac = s.substring(dot + 1);
            cents = Long.parseLong(frac.length() == 1 ? frac + "0" : frac);
        }
        long fen = Math.addExact(Math.multiplyExact(whole, 100), cents);
        return negative ? -fen : fen;
    }

    /** A share in basis points as a percentage text with one decimal, e.g. {@code 870} → {@code 8.7%}. */
    public static String percent(long basisPoints) {
        return String.format(Locale.ROOT, "%d.%d%%", basisPoints / 100, (basisPoints % 100) / 10);
    }

    /** {@code part / whole} in basis points, rounded down; 0 when the whole is 0. */
    public static long share(long part, long whole) {
        return whole == 0 ? 0 : Math.multiplyExact(part, 10_000L) / whole;
    }
}
