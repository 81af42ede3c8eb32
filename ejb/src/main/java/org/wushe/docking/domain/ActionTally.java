package org.wushe.docking.domain;

import java.util.Map;

/**
 * How a need's docking actions stand: how many are still active (planned or started) and how many
 * were done. A need reads it when its actions end and before its feedback is recorded.
 */
public record ActionTally(long active, long done) {

    /** The tally of counts per action status. */
    public static ActionTally of(Map<ActionStatus, Long> counts) {
        long active = ActionStatus.activeSet().stream().mapToLong(s -> counts.getOrDefault(s, 0L)).sum();
        return new ActionTally(active, counts.getOrDefault(ActionStatus.DONE, 0L));
    }
}
