package org.wushe.community.domain;

/** Gender as the ID number encodes it; {@code label} is the form used in the import files. */
public enum Gender {
    MALE("男", "M"),
    FEMALE("女", "F");

    private final String label;
    private final String code;

    Gender(String label, String code) {
        this.label = label;
        this.code = code;
    }

    public String label() {
        return label;
    }

    /** The one-letter code stored in the database. */
    public String code() {
        return code;
    }

    public static Gender ofCode(String code) {
        for (Gender g : values()) {
            if (g.code.equals(code)) {
                return g;
            }
        }
        throw new IllegalArgumentException("unknown gender code " + code);
    }

    /** Accepts 男/女, M/F or MALE/FEMALE; null when it is none of them. */
    public static Gender parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        for (Gender g : values()) {
            if (g.label.equals(t) || g.code.equalsIgnoreCase(t) || g.name().equalsIgnoreCase(t)) {
                return g;
            }
        }
        return null;
    }
}
