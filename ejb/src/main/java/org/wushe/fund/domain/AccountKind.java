package org.wushe.fund.domain;

/** The kinds of ledger account of a community's fund; the first three hold the fund's money. */
public enum AccountKind {
    CASH, RESTRICTED, BUDGET, EXPENSE, DONATIONS
}
