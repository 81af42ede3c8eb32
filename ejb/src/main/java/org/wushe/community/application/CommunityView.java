package org.wushe.community.application;

/** A community in a list: its place in the city and how many grid cells and residents it has. */
public record CommunityView(Long id, String code, String name, String subDistrictCode, String subDistrictName,
                            long gridCells, long residents) {
}
