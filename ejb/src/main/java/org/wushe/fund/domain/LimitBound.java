package org.wushe.fund.domain;

/** Whether a limit caps a category's share or sets its floor. */
public enum LimitBound {
    MAX, MIN
}
