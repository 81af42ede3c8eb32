package org.wushe.community.domain;

import java.util.regex.Pattern;
import org.wushe.shared.ValidationException;

/** Shape rules for codes and names shared by sub-districts, communities and grid cells. */
final class Codes {
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,19}");

    private Codes() {
    }

    static String require(String field, String code) {
        String c = code == null ? "" : code.trim().toUpperCase();
        if (!CODE.matcher(c).matches()) {
            throw ValidationException.of(field, "geo.code.format");
        }
        return c;
    }

    static String requireName(String field, String name) {
        if (name == null || name.isBlank()) {
            throw ValidationException.of(field, "geo.name.required");
        }
        String n = name.trim();
        if (n.length() > 100) {
            throw ValidationException.of(field, "error.tooLong", 100);
        }
        return n;
    }
}
