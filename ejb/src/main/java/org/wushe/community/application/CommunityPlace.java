package org.wushe.community.application;

/**
 * A community as a chooser offers it: its code, its name and its sub-district's code and name,
 * nothing else (no counts). A suggestion reads "C0201 name (sub-district)".
 */
public record CommunityPlace(String code, String name, String subDistrictCode, String subDistrictName)
        implements java.io.Serializable {
}
