package org.wushe.docking.domain;

/** The nature of an affair, which sets who leads it and how deep participation goes (docs/deliberation.md). */
public enum IssueNature {
    SERVICE, RESOURCE_ALLOCATION, RULE_MAKING
}
