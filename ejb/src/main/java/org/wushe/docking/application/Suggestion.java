package org.wushe.docking.application;

import java.util.List;

/** A resource suggested for a need, its score out of 100 and why it ranks there. */
public record Suggestion(Long resourceId, String name, String sphere, String type, String categoryCode,
                         String providerName, String communityCode, String communityName, int remaining,
                         int capacity, String unit, long providerLoad, int score, List<Reason> reasons) {
}
