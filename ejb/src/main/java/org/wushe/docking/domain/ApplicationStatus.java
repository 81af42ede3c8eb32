package org.wushe.docking.domain;

/** An application for a place on an opportunity-list item. */
public enum ApplicationStatus {
    APPLIED, SELECTED, WITHDRAWN
}
