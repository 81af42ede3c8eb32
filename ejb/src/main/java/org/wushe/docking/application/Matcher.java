package org.wushe.docking.application;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores how well a resource fits a need, out of 100, with the reasons:
 * <ul>
 * <li>category fit: the need's own category 40, a general resource (no category) 15;</li>
 * <li>distance: same grid cell 30, same community 20, a neighbouring community of the sub-district 5;</li>
 * <li>availability: up to 15, by the share of its capacity still free;</li>
 * <li>provider load: 15 less 5 for every action the provider is running now (never below 0).</li>
 * </ul>
 * Ties go to the resource with more left, then the older one.
 */
public final class Matcher {

    /** What the scoring reads of a need. */
    public record NeedFacts(String categoryCode, Long communityId, Long gridCellId) {
    }

    /** What the scoring reads of a candidate resource. */
    public record ResourceFacts(String categoryCode, Long communityId, Long gridCellId, String communityName,
                                int capacity, int reserved, long providerLoad) {
    }

    public record Score(int points, List<Reason> reasons) {
    }

    private Matcher() {
    }

    public static Score score(NeedFacts need, ResourceFacts r) {
        List<Reason> reasons = new ArrayList<>();
        int points = 0;
        if (need.categoryCode().equals(r.categoryCode())) {
            points += 40;
            reasons.add(new Reason("match.reason.category"));
        } else {
            points += 15;
            reasons.add(new Reason("match.reason.general"));
        }
        if (r.gridCellId() != null && r.gridCellId().equals(need.gridCellId())) {
            points += 30;
            reasons.add(new Reason("match.reason.sameGrid"));
        } else if (r.communityId().equals(need.communityId())) {
            points += 20;
            reasons.add(new Reason("match.reason.sameCommunity"));
        } else {
            points += 5;
            reasons.add(new Reason("match.reason.neighbour", r.communityName()));
        }
        int remaining = r.capacity() - r.reserved();
        points += r.capacity() <= 0 ? 0 : Math.round(15f * remaining / r.capacity());
        reasons.add(new Reason("match.reason.available", remaining, r.capacity()));
        points += (int) Math.max(0, 15 - 5 * r.providerLoad());
        reasons.add(new Reason("match.reason.load", r.providerLoad()));
        return new Score(points, reasons);
    }
}
