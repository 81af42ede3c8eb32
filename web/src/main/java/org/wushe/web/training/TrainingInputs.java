package org.wushe.web.training;

import org.wushe.shared.ValidationException;

/**
 * What the training forms read from typed text before a service sees it: whole numbers. A blank
 * field becomes null (the service then says whether it was required or uses its default); text
 * that is not a whole number becomes the field error {@code training.input.number}.
 */
final class TrainingInputs {

    private TrainingInputs() {
    }

    static Integer optionalInteger(String field, String text, ValidationException.Collector errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            errors.add(field, "training.input.number");
            return null;
        }
    }

    static Long optionalLong(String field, String text, ValidationException.Collector errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            errors.add(field, "training.input.number");
            return null;
        }
    }
}
