package org.wushe.audit.domain;

/** What an audit entry records. */
public enum AuditAction {
    /** Full personal data of one record shown after a stated purpose. */
    REVEAL,
    /** A list of records written to a file. */
    EXPORT,
    /** An account locked after repeated failed sign-ins. */
    ACCOUNT_LOCKED,
    /** A client address refused at sign-in for a while after too many failed sign-ins from it. */
    ADDRESS_THROTTLED,
    /** A restricted record (e.g. a case file) read. */
    READ_RESTRICTED
}
