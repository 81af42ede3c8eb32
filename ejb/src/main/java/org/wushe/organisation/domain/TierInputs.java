package org.wushe.organisation.domain;

/**
 * What an organisation's tier is computed from, as read from its data on one day.
 *
 * @param activities        activities held in the last 12 months
 * @param members           members on the day
 * @param selfRaisedFen     self-raised funds of the last funding year
 * @param externalFen       external funds of the same year
 * @param satisfactionTenthsSum sum over the last 12 months' activities of satisfaction (tenths) × respondents
 * @param respondents       respondents of those activities
 * @param years             full years since founding
 */
public record TierInputs(long activities, long members, long selfRaisedFen, long externalFen,
                         long satisfactionTenthsSum, long respondents, int years) {

    public static final TierInputs NONE = new TierInputs(0, 0, 0, 0, 0, 0, 0);

    /** The respondent-weighted mean satisfaction in tenths, rounded down; null without respondents. */
    public Integer satisfactionTenths() {
        return respondents == 0 ? null : (int) (satisfactionTenthsSum / respondents);
    }

    /** The self-raised share in whole percent, rounded down; null without funds. */
    public Integer selfSharePercent() {
        long total = selfRaisedFen + externalFen;
        return total == 0 ? null : (int) (selfRaisedFen * 100 / total);
    }
}
