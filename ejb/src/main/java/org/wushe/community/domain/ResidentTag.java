package org.wushe.community.domain;

/**
 * Tags that make a resident visible to the services that look for them. Some are sensitive
 * (health, hardship); they are shown only to roles that see residents at all.
 */
public enum ResidentTag {
    ELDERLY_ALONE("独居老人"),
    ELDERLY("高龄老人"),
    DISABLED("残疾人"),
    LOW_INCOME("低保户"),
    LEFT_BEHIND_CHILD("留守儿童"),
    CHRONIC_ILLNESS("慢性病"),
    UNEMPLOYED("失业人员"),
    VETERAN("退役军人"),
    PARTY_MEMBER("党员");

    private final String label;

    ResidentTag(String label) {
        this.label = label;
    }

    /** The Chinese name used in import files and exports. */
    public String label() {
        return label;
    }

    /** Accepts the code (ELDERLY_ALONE) or the Chinese name (独居老人); null when neither. */
    public static ResidentTag parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        for (ResidentTag tag : values()) {
            if (tag.name().equalsIgnoreCase(t) || tag.label.equals(t)) {
                return tag;
            }
        }
        return null;
    }
}
