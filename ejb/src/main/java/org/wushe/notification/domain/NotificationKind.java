package org.wushe.notification.domain;

/** What a notification is about; a user chooses by kind which ones also reach them outside the workstation. */
public enum NotificationKind {
    REFERRAL_ASSIGNED,
    REFERRAL_RETURNED,
    REFERRAL_ESCALATED,
    HOURS_VERIFIED,
    HOURS_REJECTED,
    EXPENDITURE_APPROVED,
    EXPENDITURE_REJECTED,
    PROPOSAL_VETOED,
    VOTE_OPENED,
    REDEMPTION_COMPLETED,
    REDEMPTION_CANCELLED,
    DECISION_PUBLISHED,
    CERTIFICATE_EXPIRING,
    /** A batch job ended FAILED or STOPPED (every active IT operator). */
    JOB_FAILED
}
