package org.wushe.security.application;

/**
 * A sub-district, community or grid cell in the account administration's pick lists: code, name and
 * the code of the place it lies in (null for a sub-district). Nothing else about it.
 */
public record ScopePlace(String code, String name, String parentCode) {
}
