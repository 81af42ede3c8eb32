package org.wushe.organisation.domain;

/**
 * How a person's name is shown in an organisation's lists by default: the family name kept, the
 * given name starred ({@code 张*}, {@code 欧阳**}... the first character only is kept). The full
 * name is shown on an audited full view only.
 */
public final class NameMask {

    private NameMask() {
    }

    public static String mask(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        String n = name.strip();
        int first = n.offsetByCodePoints(0, 1);
        int rest = n.codePointCount(first, n.length());
        return n.substring(0, first) + "*".repeat(Math.max(1, rest));
    }
}
