package org.wushe.web.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.wushe.shared.ValidationException;

/**
 * What the forms read from typed text before a service sees it: optional dates, numbers and name
 * lists. A blank field becomes null (the service then says whether it was required or uses its
 * default); text that is not a date or a number becomes a field error with a clear message.
 */
public final class FormInputs {

    private FormInputs() {
    }

    /** A date or null for blank; {@code error.dateFormat} on the field otherwise. */
    public static LocalDate optionalDate(String field, String text, ValidationException.Collector errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return TextInputs.date(field, text);
        } catch (ValidationException e) {
            e.errors().forEach(err -> errors.add(err.field(), err.key(), err.args().toArray()));
            return null;
        }
    }

    /** A whole number or null for blank; {@code error.wholeNumber} on the field otherwise. */
    public static Long optionalLong(String field, String text, ValidationException.Collector errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            errors.add(field, "error.wholeNumber");
            return null;
        }
    }

    /** A whole number or null for blank; {@code error.wholeNumber} on the field otherwise. */
    public static Integer optionalInteger(String field, String text, ValidationException.Collector errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            errors.add(field, "error.wholeNumber");
            return null;
        }
    }

    /** A decimal number (a point or a Chinese full stop as separator) or null for blank. */
    public static BigDecimal optionalDecimal(String field, String text, ValidationException.Collector errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace('。', '.').replace('．', '.'));
        } catch (NumberFormatException e) {
            errors.add(field, "error.number");
            return null;
        }
    }

    /** Names separated by commas, semicolons or spaces (Chinese punctuation too), in the order typed. */
    public static Set<String> names(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        Set<String> out = new LinkedHashSet<>();
        Arrays.stream(text.split("[,;，；、\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add);
        return out;
    }
}
