package org.wushe.deliberation.domain;

/** A ballot's choice, for one option (a proposal), against all, or abstain. */
public enum Choice {
    FOR, AGAINST, ABSTAIN
}
