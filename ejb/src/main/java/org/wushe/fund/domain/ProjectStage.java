package org.wushe.fund.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * A project's lifecycle: PROPOSAL → REVIEW → APPROVED → RUNNING → COMPLETED → EVALUATED; a review
 * may send a proposal back. Money may be allocated to APPROVED and RUNNING projects and spent on
 * RUNNING ones only.
 */
public enum ProjectStage {
    PROPOSAL, REVIEW, APPROVED, RUNNING, COMPLETED, EVALUATED;

    /** Whether the lifecycle allows the move from this stage to {@code to}. */
    public boolean canMoveTo(ProjectStage to) {
        return switch (this) {
            case PROPOSAL -> to == REVIEW;
            case REVIEW -> to == APPROVED || to == PROPOSAL;
            case APPROVED -> to == RUNNING;
            case RUNNING -> to == COMPLETED;
            case COMPLETED -> to == EVALUATED;
            case EVALUATED -> false;
        };
    }

    public boolean takesAllocations() {
        return this == APPROVED || this == RUNNING;
    }

    public boolean takesExpenditures() {
        return this == RUNNING;
    }

    public static Set<ProjectStage> open() {
        return EnumSet.of(PROPOSAL, REVIEW, APPROVED, RUNNING);
    }
}
