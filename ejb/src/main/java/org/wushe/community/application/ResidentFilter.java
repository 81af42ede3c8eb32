package org.wushe.community.application;

import org.wushe.community.domain.ResidentTag;

/** Filters of the residents list; null or blank means no filter. The caller's scope always applies on top. */
public record ResidentFilter(String communityCode, String gridCode, ResidentTag tag, String name) {
    public static ResidentFilter none() {
        return new ResidentFilter(null, null, null, null);
    }

    public static ResidentFilter community(String code) {
        return new ResidentFilter(code, null, null, null);
    }
}
