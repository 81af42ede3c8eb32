package org.wushe.docking.domain;

/** Whether a resource may be matched now. */
public enum ResourceStatus {
    AVAILABLE, SUSPENDED, WITHDRAWN
}
