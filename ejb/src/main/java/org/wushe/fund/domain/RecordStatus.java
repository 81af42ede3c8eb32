package org.wushe.fund.domain;

/** A booked allocation, or one that a reversal transaction took back. */
public enum RecordStatus {
    BOOKED, REVERSED
}
