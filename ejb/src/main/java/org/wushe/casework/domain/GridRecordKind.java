package org.wushe.casework.domain;

/** What a grid worker recorded besides a patrol. */
public enum GridRecordKind {
    /** Information collected about a resident, possibly changing the resident's tags. */
    INFORMATION,
    /** Policy publicity: which policy, to how many people. */
    PUBLICITY,
    /** A simple mediation: parties, issue, outcome. */
    MEDIATION
}
