package org.wushe.community.application;

import java.time.Instant;
import org.wushe.community.domain.Masking;
import org.wushe.community.domain.ResidentChange;

/** One line of a resident's change history, masked like the record. */
public record ChangeView(Instant changedAt, String changedBy, String field, String oldValue, String newValue) {

    public static ChangeView masked(ResidentChange c) {
        return new ChangeView(c.getChangedAt(), c.getChangedBy(), c.getField(),
                mask(c.getField(), c.getOldValue()), mask(c.getField(), c.getNewValue()));
    }

    static String mask(String field, String value) {
        if (value == null) {
            return null;
        }
        return switch (field) {
            case "idNumber" -> Masking.idNumber(value);
            case "phone" -> Masking.phone(value);
            case "address" -> Masking.address(value);
            case "birthDate" -> "****";
            default -> value;
        };
    }
}
