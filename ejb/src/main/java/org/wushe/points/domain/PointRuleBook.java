package org.wushe.points.domain;

import java.util.Map;
import java.util.Optional;

/**
 * The bureau's point rules as they stand when a settlement starts, and the pricing of a source by
 * them. Pure: the nightly settlement prices every source of a run by the same book.
 */
public final class PointRuleBook {

    private static final int DEFAULT_EXPIRY_MONTHS = 24;

    private final Map<String, Long> points;

    public PointRuleBook(Map<String, Long> points) {
        this.points = Map.copyOf(points);
    }

    /** Points per hour for a position type: its own rule, else {@code HOUR.DEFAULT}, else none. */
    public long perHour(String positionType) {
        return points.getOrDefault(PointRule.HOUR_PREFIX + positionType, points.getOrDefault(PointRule.HOUR_DEFAULT, 0L));
    }

    /**
     * What a source is worth: per-hour points pro rata to the minute and rounded toward zero for
     * service hours (negative for a reversal), the flat rule for the other sources.
     */
    public long pointsFor(Unsettled u) {
        if (u.type() == SourceType.SERVICE_HOURS) {
            long perHour = u.ruleCode().startsWith(PointRule.HOUR_PREFIX)
                    ? perHour(u.ruleCode().substring(PointRule.HOUR_PREFIX.length()))
                    : points.getOrDefault(u.ruleCode(), 0L);
            return perHour * u.minutes() / 60;
        }
        return points.getOrDefault(u.ruleCode(), 0L);
    }

    public int expiryMonths() {
        return Math.toIntExact(points.getOrDefault(PointRule.EXPIRY_MONTHS, (long) DEFAULT_EXPIRY_MONTHS));
    }

    /** The transaction for a source, or empty when the rules make it worth nothing. */
    public Optional<Booking> book(Unsettled u) {
        long pts = pointsFor(u);
        if (pts == 0) {
            return Optional.empty();
        }
        String memo = pts < 0 ? u.memo() + " (reversal)" : u.memo();
        return Optional.of(new Booking(u.type(), u.sourceId(), u.communityId(), u.residentId(), u.account(), pts,
                pts > 0 ? u.earnedOn().plusMonths(expiryMonths()) : null, memo));
    }
}
