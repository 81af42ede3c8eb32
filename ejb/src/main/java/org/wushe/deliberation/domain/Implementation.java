package org.wushe.deliberation.domain;

/** How far a published decision has been carried out. */
public enum Implementation {
    PLANNED, IN_PROGRESS, DONE
}
