package org.wushe.web.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.wushe.shared.ValidationException;

/**
 * Reading times and dates sent as text, with a field error instead of a parser's failure. A time is
 * ISO-8601, either with an offset ({@code 2026-11-25T09:00:00+08:00}) or local to the server
 * ({@code 2026-11-25T09:00}).
 */
final class Inputs {

    private Inputs() {
    }

    static Instant time(String field, String text) {
        if (text == null || text.isBlank()) {
            throw ValidationException.of(field, "error.timeRequired");
        }
        try {
            return java.time.OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text.trim()).atZone(ZoneId.systemDefault()).toInstant();
            } catch (DateTimeParseException e) {
                throw ValidationException.of(field, "error.timeFormat");
            }
        }
    }

    static LocalDate date(String field, String text) {
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
