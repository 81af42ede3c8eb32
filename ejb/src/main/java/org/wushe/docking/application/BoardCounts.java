package org.wushe.docking.application;

import java.util.Map;

/** Counts of a community's needs per status, and of its overdue actions, for the board's columns. */
public record BoardCounts(Map<String, Long> byStatus, long overdueActions) {
}
