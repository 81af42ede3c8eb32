package org.wushe.fund.domain;

/** An expenditure awaiting its second person, booked in the ledger, rejected with a reason, or taken back by a reversal. */
public enum ExpenditureStatus {
    PENDING, BOOKED, REJECTED, REVERSED
}
