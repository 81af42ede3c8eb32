package org.wushe.docking.domain;

/** How soon a need must be met; the board sorts and filters by it. */
public enum Urgency {
    LOW, NORMAL, HIGH, CRITICAL
}
