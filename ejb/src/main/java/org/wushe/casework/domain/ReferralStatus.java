package org.wushe.casework.domain;

/**
 * Where a referral stands. Pending with the social worker until accepted or returned; escalated to
 * the Party secretary when the deadline passed; returned to the grid worker, who resubmits or
 * withdraws it. Nothing ever removes a referral.
 */
public enum ReferralStatus {
    PENDING, ACCEPTED, RETURNED, ESCALATED, WITHDRAWN;

    /** Still waiting for a social worker's decision. */
    public boolean awaitingDecision() {
        return this == PENDING || this == ESCALATED;
    }
}
