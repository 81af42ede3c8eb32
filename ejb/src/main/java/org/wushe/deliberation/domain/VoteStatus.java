package org.wushe.deliberation.domain;

/** A vote is open while ballots are taken; closed it passed, failed, or is invalid for want of a quorum; a veto of one of its options cancels it. */
public enum VoteStatus {
    OPEN, PASSED, FAILED, INVALID, CANCELLED
}
