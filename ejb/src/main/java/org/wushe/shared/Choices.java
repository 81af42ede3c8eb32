package org.wushe.shared;

import java.util.Locale;

/**
 * The one way to read a choice (an enum constant) or an amount from what a request carries. Every
 * service reads them through this class, so a form behaves the same in every feature:
 * <ul>
 *   <li>a choice is stripped of surrounding white space (Unicode, as {@link String#strip()}) and
 *       upper-cased ({@link Locale#ROOT}); {@code " high "} reads as {@code HIGH};</li>
 *   <li>a blank choice is {@code error.required} against the field when it is required, or the
 *       given value otherwise (null when nothing is chosen);</li>
 *   <li>text that names no constant is refused with {@code error.choice} against the field, with the
 *       text as typed; the result is then null, never a default, and the caller throws the
 *       {@link ValidationException.Collector} before it uses anything;</li>
 *   <li>an amount (fen, points, counts) is {@code error.required} when missing and the caller's own
 *       range key when outside its bounds.</li>
 * </ul>
 * Each caller keeps its field name and, for amounts, its message key.
 */
public final class Choices {

    private Choices() {
    }

    /** A choice that must be made: {@code error.required} when blank, {@code error.choice} when unknown. */
    public static <E extends Enum<E>> E required(String field, Class<E> type, String value,
                                                 ValidationException.Collector errors) {
        if (value == null || value.isBlank()) {
            errors.add(field, "error.required");
            return null;
        }
        return parse(field, type, value, errors);
    }

    /** A choice that may be left blank, which then reads as {@code whenBlank} (may be null). */
    public static <E extends Enum<E>> E optional(String field, Class<E> type, String value, E whenBlank,
                                                 ValidationException.Collector errors) {
        if (value == null || value.isBlank()) {
            return whenBlank;
        }
        return parse(field, type, value, errors);
    }

    /**
     * An amount within {@code min} and {@code max}, both included: {@code error.required} when missing,
     * {@code rangeKey} (with no arguments) when outside. Returns the amount as given, null when missing.
     */
    public static Long amount(String field, Long value, long min, long max, String rangeKey,
                              ValidationException.Collector errors) {
        if (value == null) {
            errors.add(field, "error.required");
        } else if (value < min || value > max) {
            errors.add(field, rangeKey);
        }
        return value;
    }

    private static <E extends Enum<E>> E parse(String field, Class<E> type, String value,
                                               ValidationException.Collector errors) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(field, "error.choice", value);
            return null;
        }
    }
}
