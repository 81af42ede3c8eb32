package org.wushe.docking.application;

/** The needs board's filters; all but the community may be empty. */
public record BoardFilter(String communityCode, String status, String categoryCode, String urgency,
                          boolean overdueOnly) {
    public static BoardFilter of(String communityCode) {
        return new BoardFilter(communityCode, null, null, null, false);
    }
}
