package org.wushe.deliberation.domain;

/** A proposal's state. Submitted (can be voted on or vetoed), vetoed (back for reconsideration; can be revised and resubmitted), passed by the representatives, or not adopted when another option passed. */
public enum ProposalStatus {
    SUBMITTED, VETOED, PASSED, NOT_ADOPTED
}
