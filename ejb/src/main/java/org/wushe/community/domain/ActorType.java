package org.wushe.community.domain;

/**
 * The kinds of actors of the concentric circle (同心圆) and the ring each stands in: the community
 * Party organisation at the centre (0), professional social workers next (1), the others outside (2).
 * A map of who may take part in what, not a chain of command.
 */
public enum ActorType {
    PARTY_ORGANIZATION(0),
    SOCIAL_WORK_AGENCY(1),
    SOCIAL_ORGANIZATION(2),
    BUSINESS_COMMITTEE(2),
    PROPERTY_MANAGEMENT(2),
    JURISDICTION_UNIT(2),
    VOLUNTEER_TEAM(2),
    RESIDENT_BACKBONE(2);

    private final int ring;

    ActorType(int ring) {
        this.ring = ring;
    }

    public int ring() {
        return ring;
    }
}
