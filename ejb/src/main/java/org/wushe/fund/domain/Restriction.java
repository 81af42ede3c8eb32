package org.wushe.fund.domain;

/** What a donor tied their money to: nothing, one project, or one spending category. */
public enum Restriction {
    NONE, PROJECT, CATEGORY
}
