package org.wushe.community.application;

import org.wushe.community.domain.ResidentTag;

/**
 * Filters of the residents list; null or blank means no filter. The caller's scope always applies on
 * top. {@code idNumber} finds the resident with exactly that ID number (an older 15-digit number finds
 * the resident of its 18-digit form), through its keyed hash (the
 * stored number is encrypted); the name is a prefix.
 */
public record ResidentFilter(String communityCode, String gridCode, ResidentTag tag, String name, String idNumber) {

    public ResidentFilter(String communityCode, String gridCode, ResidentTag tag, String name) {
        this(communityCode, gridCode, tag, name, null);
    }

    public static ResidentFilter none() {
        return new ResidentFilter(null, null, null, null, null);
    }

    public static ResidentFilter community(String code) {
        return new ResidentFilter(code, null, null, null, null);
    }

    /** The filter as the audit log keeps it: the ID number never in clear. */
    @Override
    public String toString() {
        return "ResidentFilter[communityCode=" + communityCode + ", gridCode=" + gridCode + ", tag=" + tag + ", name="
                + name + (idNumber == null || idNumber.isBlank() ? "" : ", idNumber=(given)") + "]";
    }
}
