package org.wushe.casework.domain;

/** One line of a case file. */
public enum CaseEntryKind {
    /** A note in the current stage (relationship, assessment findings, the plan...). */
    NOTE,
    /** An intervention session. */
    SESSION,
    /** The case moved on to the next stage. */
    STAGE,
    /** The case moved on past one or more stages, with the recorded reason. */
    SKIP,
    /** The evaluation's finding. */
    EVALUATION,
    /** The case was flagged stubborn. */
    STUBBORN
}
