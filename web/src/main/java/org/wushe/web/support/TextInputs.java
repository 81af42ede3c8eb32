package org.wushe.web.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.wushe.shared.ValidationException;

/**
 * Times and dates typed into forms or sent as JSON text, read the same way everywhere, with a field
 * error instead of a parser's failure. A time is {@code 2026-11-25 09:00} or
 * {@code 2026-11-25T09:00} (in the server's zone), or ISO-8601 with an offset
 * ({@code 2026-11-25T09:00:00+08:00}); a date is {@code 2026-11-25}.
 */
public final class TextInputs {

    private TextInputs() {
    }

    /** @throws ValidationException on the field: {@code error.timeRequired} or {@code error.timeFormat} */
    public static Instant time(String field, String text) {
        ValidationException.Collector errors = new ValidationException.Collector();
        Instant t = time(field, text, errors);
        errors.throwIfAny();
        return t;
    }

    /** Reads a time, adding a field error to {@code errors} (and returning null) when it cannot. */
    public static Instant time(String field, String text, ValidationException.Collector errors) {
        if (text == null || text.isBlank()) {
            errors.add(field, "error.timeRequired");
            return null;
        }
        String t = text.trim().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(t).atZone(ZoneId.systemDefault()).toInstant();
            } catch (DateTimeParseException e) {
                errors.add(field, "error.timeFormat");
                return null;
            }
        }
    }

    /** @throws ValidationException on the field ({@code error.dateFormat}) when blank or not a date */
    public static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            throw ValidationException.of(field, "error.dateFormat");
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ValidationException.of(field, "error.dateFormat");
        }
    }
}
