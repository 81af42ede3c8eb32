package org.wushe.fund.domain;

/** What a ledger transaction records. */
public enum TransactionKind {
    DONATION, ALLOCATION, EXPENDITURE, REFUND, REVERSAL
}
