package org.wushe.docking.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A docking action with the resource it uses, as the need page and the API show it. */
public record ActionView(Long id, Long needId, Long resourceId, String resourceName, String sphere,
                         String providerName, int quantity, String unit, String owner, Set<String> participants,
                         LocalDate dueOn, String status, boolean overdue, int matchScore, List<Reason> matchReasons,
                         Instant createdAt, Instant startedAt, Instant finishedAt, String outcome) {
}
