package org.wushe.fund.domain;

/** A hard limit refuses; a soft one allows with a written justification. */
public enum Strictness {
    HARD, SOFT
}
