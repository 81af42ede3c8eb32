package org.wushe.deliberation.domain;

/** Where an issue stands in its workflow. A service issue goes OPEN → DECIDED; a resource-allocation issue PROPOSALS → VOTING → DECIDED (a failed, invalid or vetoed vote sends it back to PROPOSALS); a rule-making issue DISCUSSION → PROPOSALS → VOTING → DECIDED. */
public enum IssueStage {
    OPEN, DISCUSSION, PROPOSALS, VOTING, DECIDED
}
