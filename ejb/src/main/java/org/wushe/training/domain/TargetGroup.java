package org.wushe.training.domain;

/** Whom a course is for. Grid workers enrol with their account; the others are residents. */
public enum TargetGroup {
    RESIDENT, VOLUNTEER, GRID_WORKER, ORGANIZATION_LEADER;

    public boolean forStaff() {
        return this == GRID_WORKER;
    }
}
