package org.wushe.community.application;

/** A sub-district in a list. */
public record SubDistrictView(Long id, String code, String name, long communities) {
}
