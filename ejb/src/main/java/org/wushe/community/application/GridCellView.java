package org.wushe.community.application;

/** A grid cell in a list. */
public record GridCellView(Long id, String code, String name, String communityCode, long residents) {
}
