package org.wushe.organisation.domain;

/** What a checklist item of a tier's support does: incubation, capacity building or recognition. */
public enum SupportKind {
    INCUBATION,
    CAPACITY,
    RECOGNITION
}
