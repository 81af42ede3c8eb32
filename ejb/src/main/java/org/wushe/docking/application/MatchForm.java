package org.wushe.docking.application;

import java.time.LocalDate;
import java.util.Set;

/** Staff's confirmation of a match: which resource, how much of it, who owns the action, who joins, by when. */
public record MatchForm(Long resourceId, Integer quantity, String owner, Set<String> participants, LocalDate dueOn) {
}
