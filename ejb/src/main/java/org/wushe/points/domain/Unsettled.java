package org.wushe.points.domain;

import java.time.LocalDate;

/**
 * A source record that earns points and has no ledger transaction yet, as the settlement reads it:
 * which record, whose account, which rule prices it, and when it was earned.
 *
 * @param ruleCode the point rule that prices it ({@code HOUR.<position type>} for service hours)
 * @param minutes  the service minutes for hours (negative for a reversal), 0 for the other sources
 * @param earnedOn the day the points were earned, from which they expire
 */
public record Unsettled(SourceType type, long sourceId, long communityId, long residentId, AccountKind account,
                        String ruleCode, int minutes, LocalDate earnedOn, String memo) {
}
