package org.wushe.deliberation.domain;

/** The three grounds on which the community Party organisation may veto a cooperation proposal (docs/deliberation.md, "Party veto"). */
public enum VetoGround {
    AGAINST_PUBLIC_WELFARE, UNFAIR_DISTRIBUTION, INTENSIFIES_CONFLICT
}
