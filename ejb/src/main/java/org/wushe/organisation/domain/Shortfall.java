package org.wushe.organisation.domain;

/**
 * One criterion that keeps an organisation below a tier and by how much: activities, members or
 * years as a count, the self-raised share in percentage points, satisfaction in tenths;
 * {@code gap = -1} for a satisfaction that nobody has rated yet.
 */
public record Shortfall(MaturityTier tier, Criterion criterion, long gap) {

    /** The message key that says it, e.g. {@code organisation.short.ACTIVITIES} = "差 {0} 次活动达到{1}". */
    public String key() {
        return gap < 0 ? "organisation.short.SATISFACTION.none" : "organisation.short." + criterion.name();
    }

    /** The gap as shown: tenths become a decimal ("0.3"). */
    public String shownGap() {
        if (criterion == Criterion.SATISFACTION && gap >= 0) {
            return gap / 10 + "." + gap % 10;
        }
        return Long.toString(gap);
    }
}
