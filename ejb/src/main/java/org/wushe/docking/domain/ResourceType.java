package org.wushe.docking.domain;

/** What kind of help a resource is. */
public enum ResourceType {
    SERVICE, VENUE, GOODS, FUNDS, SKILL
}
