package org.wushe.audit.domain;

/** What an audit entry records. Stored by name (at most 30 characters). */
public enum AuditAction {
    /** Full personal data of one record shown after a stated purpose. */
    REVEAL,
    /** A list of records written to a file. */
    EXPORT,
    /** An account locked after repeated failed sign-ins. */
    ACCOUNT_LOCKED,
    /** A client address refused at sign-in for a while after too many failed sign-ins from it. */
    ADDRESS_THROTTLED,
    /** A restricted record (e.g. a case file, a joint meeting's papers) read. */
    READ_RESTRICTED,

    /** A successful sign-in through the sign-in page (the API's per-request checks are not entries). */
    SIGN_IN,
    /** A refused sign-in: unknown user, wrong password or second factor, locked or throttled. */
    SIGN_IN_FAILED,
    /** A sign-out, or a session ended by the server. */
    SIGN_OUT,

    /** An account created. */
    ACCOUNT_CREATED,
    /** An account's role, scope, display name or state changed (disabled, enabled). */
    ACCOUNT_CHANGED,
    /** A social worker's supervisor set or removed, or an account marked as supervising. */
    SUPERVISOR_CHANGED,
    /** A locked account unlocked by the security administrator. */
    ACCOUNT_UNLOCKED,
    /** A password changed by its owner. */
    PASSWORD_CHANGED,
    /** A password reset by the security administrator (the owner must change it at next sign-in). */
    PASSWORD_RESET,
    /** A second factor enrolled, reset or recovery codes renewed. */
    SECOND_FACTOR_CHANGED,
    /** A change to an administrator account requested, waiting for a second administrator. */
    ADMIN_CHANGE_REQUESTED,
    /** A requested change to an administrator account confirmed or declined by a second administrator. */
    ADMIN_CHANGE_DECIDED,

    /** A rule or setting changed: point rules, fund limits and thresholds, tier thresholds, categories, deadlines. */
    SETTING_CHANGED,
    /** A sub-district, community or grid cell created or changed. */
    GEOGRAPHY_CHANGED,
    /** A batch job or an import started, stopped or restarted by an operator. */
    JOB_OPERATED,

    /** A service refused an action for want of a right or of scope. */
    ACCESS_REFUSED,
    /** A registration refused because the ID number is registered outside the caller's scope. */
    REGISTRATION_REFUSED,

    /** The audit log's chain verified. */
    AUDIT_VERIFIED,
    /** Audit entries archived to a file (and, past the retention, removed by the owner role). */
    AUDIT_ARCHIVED
}
