package org.wushe.organisation.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The thresholds an organisation must all reach to stand in one tier (GROWING or MATURE); the bureau
 * sets them for the city. Comparisons are in whole numbers, so a boundary is exact: a share is met
 * when {@code self × 100 ≥ minPercent × (self + external)}, a satisfaction when
 * {@code Σ(score × respondents) ≥ minTenths × Σ respondents}.
 */
public record TierRule(MaturityTier tier, int minActivities, int minMembers, int minSelfSharePercent,
                       int minSatisfactionTenths, int minYears) {

    /** What is missing to reach this tier, criterion by criterion (empty when it is reached). */
    public List<Shortfall> shortfalls(TierInputs in) {
        List<Shortfall> out = new ArrayList<>();
        if (in.activities() < minActivities) {
            out.add(new Shortfall(tier, Criterion.ACTIVITIES, minActivities - in.activities()));
        }
        if (in.members() < minMembers) {
            out.add(new Shortfall(tier, Criterion.MEMBERS, minMembers - in.members()));
        }
        long total = in.selfRaisedFen() + in.externalFen();
        if (in.selfRaisedFen() * 100 < (long) minSelfSharePercent * total || (total == 0 && minSelfSharePercent > 0)) {
            // Percentage points missing, rounded up, so "差 1 个百分点" is never shown for a share already met.
            long gap = total == 0 ? minSelfSharePercent
                    : ceilDiv((long) minSelfSharePercent * total - in.selfRaisedFen() * 100, total);
            out.add(new Shortfall(tier, Criterion.SELF_SHARE, gap));
        }
        if (in.satisfactionTenthsSum() < (long) minSatisfactionTenths * in.respondents() || in.respondents() == 0) {
            long gap = in.respondents() == 0 ? minSatisfactionTenths
                    : ceilDiv((long) minSatisfactionTenths * in.respondents() - in.satisfactionTenthsSum(),
                    in.respondents());
            out.add(new Shortfall(tier, Criterion.SATISFACTION, in.respondents() == 0 ? -1 : gap));
        }
        if (in.years() < minYears) {
            out.add(new Shortfall(tier, Criterion.YEARS, minYears - in.years()));
        }
        return out;
    }

    public boolean reachedBy(TierInputs in) {
        return shortfalls(in).isEmpty();
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
