package org.wushe.docking.domain;

/** A docking action: planned when the match is confirmed, then started, then done or cancelled. */
public enum ActionStatus {
    PLANNED, STARTED, DONE, CANCELLED;

    /** Holds capacity of its resource. */
    public boolean active() {
        return this == PLANNED || this == STARTED;
    }

    /** The statuses that hold capacity, for queries. */
    public static java.util.Set<ActionStatus> activeSet() {
        return java.util.EnumSet.of(PLANNED, STARTED);
    }
}
