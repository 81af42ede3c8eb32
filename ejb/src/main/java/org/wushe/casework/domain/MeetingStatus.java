package org.wushe.casework.domain;

/** A joint meeting: convened, its plan adopted, closed when every task is done. */
public enum MeetingStatus {
    CONVENED, PLAN_ADOPTED, CLOSED
}
