package org.wushe.docking.domain;

/** The five spheres a resource comes from. */
public enum Sphere {
    COMMUNITY, SOCIAL_ORGANIZATION, SOCIAL_WORKER, VOLUNTEER, CHARITY
}
