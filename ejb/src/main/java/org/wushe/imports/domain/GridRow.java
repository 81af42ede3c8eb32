package org.wushe.imports.domain;

/** A good line of a grid cells file: the cell's code and name and its community's id. */
public record GridRow(long line, long communityId, String communityCode, String code, String name) {
}
