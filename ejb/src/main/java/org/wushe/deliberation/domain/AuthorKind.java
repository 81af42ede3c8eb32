package org.wushe.deliberation.domain;

/** Who speaks in a rule-making discussion. */
public enum AuthorKind {
    RESIDENT, ORGANISATION, STAFF
}
