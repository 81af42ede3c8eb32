package org.wushe.training.domain;

/** The participation ladder: bystander, asked to → joins in → initiates and leads. */
public enum Rung {
    PASSIVE, COOPERATIVE, AUTONOMOUS
}
