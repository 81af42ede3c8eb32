package org.wushe.docking.domain;

/** Where a need was first heard. */
public enum NeedSource {
    RESIDENT_REQUEST, GRID_PATROL, HOME_VISIT, DELIBERATION
}
