package org.wushe.docking.domain;

/** Completion status of an item of the station's published service list. */
public enum ServiceStatus {
    PLANNED, IN_PROGRESS, COMPLETED
}
