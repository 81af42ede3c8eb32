package org.wushe.community.application;

/**
 * A community or grid cell in a pick list: its code, its name and the code of the place it lies in
 * (a community's sub-district, a grid cell's community), nothing else (no counts, which cost a scan
 * of the residents on every page that offers the list).
 */
public record Place(String code, String name, String parentCode) {
}
