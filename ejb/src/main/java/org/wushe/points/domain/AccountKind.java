package org.wushe.points.domain;

/** What a point account holds: a volunteer's points, a Party member's (kept apart), or a community's pool. */
public enum AccountKind {
    VOLUNTEER,
    PARTY_MEMBER,
    REWARD_POOL
}
