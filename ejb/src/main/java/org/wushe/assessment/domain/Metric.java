package org.wushe.assessment.domain;

/**
 * A figure of a community's month, as snapshotted. Counts and sums add up over communities;
 * ratios are recomputed from their parts when communities are put together; a median is not.
 */
public enum Metric {
    /** Needs registered in the month. */
    NEEDS_REGISTERED,
    /** Needs closed in the month. */
    NEEDS_CLOSED,
    /** Needs that could have been closed in the month: open at its start or registered in it. */
    NEEDS_OPEN_BASE,
    /** NEEDS_CLOSED / NEEDS_OPEN_BASE. */
    NEEDS_CLOSURE_RATE,
    /** Median hours from registration to closure of the needs closed in the month. */
    NEEDS_MEDIAN_CLOSURE_HOURS,
    /** Sum and number of residents' satisfaction ratings (1-5) at closure in the month. */
    SATISFACTION_SUM,
    SATISFACTION_COUNT,
    /** SATISFACTION_SUM / SATISFACTION_COUNT. */
    SATISFACTION_AVG,
    /** Services of the station's list completed in the month. */
    SERVICES_COMPLETED,
    /** Each completed service counts by its residents' mean vote out of 5 (unrated: 0). */
    SERVICE_SCORE,
    /** Residents' attendances at activities held in the month, and how many different residents. */
    ATTENDANCES,
    DISTINCT_PARTICIPANTS,
    /** DISTINCT_PARTICIPANTS / ATTENDANCES: 1 when every attendance is by a different resident. */
    ROTATION_SHARE,
    /** Inspections received in the month and the staff hours they took. */
    INSPECTIONS,
    INSPECTION_HOURS;

    /** Whether the figure of several communities is the sum of theirs. */
    public boolean additive() {
        return switch (this) {
            case NEEDS_CLOSURE_RATE, NEEDS_MEDIAN_CLOSURE_HOURS, SATISFACTION_AVG, ROTATION_SHARE -> false;
            default -> true;
        };
    }
}
