package org.wushe.casework.domain;

/** A task of a joint handling plan. */
public enum TaskStatus {
    OPEN, DONE
}
