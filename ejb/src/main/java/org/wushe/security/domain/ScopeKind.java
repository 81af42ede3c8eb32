package org.wushe.security.domain;

/** How far an account reaches: the whole city, some sub-districts, one community, or grid cells of one community. */
public enum ScopeKind {
    CITY,
    SUB_DISTRICTS,
    COMMUNITY,
    GRID_CELLS,
    /** A resident's own self-service account: their own records only. */
    SELF
}
