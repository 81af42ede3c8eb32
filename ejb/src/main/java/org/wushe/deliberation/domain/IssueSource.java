package org.wushe.deliberation.domain;

/** Who brought an issue to the zone. */
public enum IssueSource {
    RESIDENT, ORGANISATION, CADRE, NEED
}
