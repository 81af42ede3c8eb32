package org.wushe.points.domain;

/** What a point transaction books; with the source's id it is unique in the ledger. */
public enum SourceType {
    /** Verified volunteer service hours (settled nightly). */
    SERVICE_HOURS,
    /** A training completed and practised once. */
    TRAINING_PRACTISED,
    /** Attendance at a deliberation meeting. */
    DELIBERATION_ATTENDANCE,
    /** Confirmed Party-member service (whistle call). */
    PARTY_SERVICE,
    /** A reward redeemed. */
    REDEMPTION,
    /** A cancelled redemption refunded. */
    REDEMPTION_REFUND,
    /** Points expired (source: the expired entry). */
    EXPIRY
}
