package org.wushe.casework.domain;

/** What the evaluation of a case found. */
public enum CaseOutcome {
    IMPROVED, NO_IMPROVEMENT
}
