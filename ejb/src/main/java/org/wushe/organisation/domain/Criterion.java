package org.wushe.organisation.domain;

/** The five inputs of the maturity tier (docs/organisations.md). */
public enum Criterion {
    /** Activities held in the last 12 months. */
    ACTIVITIES,
    /** Members on the day (joined, not left). */
    MEMBERS,
    /** Self-raised share of the funds of the last funding year, in percent. */
    SELF_SHARE,
    /** Residents' satisfaction, respondent-weighted over the last 12 months, in tenths (4.2 = 42). */
    SATISFACTION,
    /** Full years since founding. */
    YEARS
}
