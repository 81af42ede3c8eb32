package org.wushe.shared;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Bad input: one or more fields with a message key each, so a form can show every message next
 * to its field at once and a REST client gets them all in one problem document.
 */
public class ValidationException extends WusheException {

    /** One refused field: the form field name, the message key and its arguments. */
    public record FieldError(String field, String key, List<Object> args) {
        public FieldError(String field, String key, Object... args) {
            this(field, key, List.of(args));
        }
    }

    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super("error.validation", "Invalid input: " + errors);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation failure needs at least one field error");
        }
        this.errors = List.copyOf(errors);
    }

    public static ValidationException of(String field, String key, Object... args) {
        return new ValidationException(List.of(new FieldError(field, key, args)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Override
    public int httpStatus() {
        return 400;
    }

    /** Collects field errors while a whole form is checked, then throws once if any were found. */
    public static final class Collector {
        private final List<FieldError> errors = new ArrayList<>();

        public Collector add(String field, String key, Object... args) {
            errors.add(new FieldError(field, key, args));
            return this;
        }

        /** Runs a check that may throw a ValidationException and keeps its errors. */
        public Collector check(Runnable check) {
            try {
                check.run();
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
            return this;
        }

        /**
         * A typed text, trimmed: records {@code error.required} when it is blank and required, or
         * {@code error.tooLong} when longer than {@code max}; null when blank.
         */
        public String text(String field, String value, int max, boolean required) {
            String v = value == null ? null : value.strip();
            if (v == null || v.isEmpty()) {
                if (required) {
                    add(field, "error.required");
                }
                return null;
            }
            if (v.length() > max) {
                add(field, "error.tooLong", max);
            }
            return v;
        }

        public boolean has(String field) {
            return errors.stream().anyMatch(e -> e.field().equals(field));
        }

        public List<FieldError> errors() {
            return Collections.unmodifiableList(errors);
        }

        public void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
        }
    }
}
