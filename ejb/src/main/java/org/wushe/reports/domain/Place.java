package org.wushe.reports.domain;

/** Where a community report belongs: the community and its sub-district, by code and name. */
public record Place(String code, String name, String subDistrictCode, String subDistrictName) {
}
