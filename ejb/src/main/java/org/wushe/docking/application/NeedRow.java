package org.wushe.docking.application;

import java.time.Instant;

/** One line of the needs board; the resident is shown by name only. */
public record NeedRow(Long id, String title, String categoryCode, String urgency, String status, String gridCode,
                      String residentName, Instant registeredAt, Integer priority, long activeActions,
                      long overdueActions, Integer satisfaction) {
}
