/**
 * The docking aggregates and their rules: a {@code Need} moves itself through its loop and returns
 * the {@code NeedEvent} it raises, reading an {@code ActionTally} of its docking actions; a
 * {@code Resource} refuses overbooking; the opportunity list, its applications and the rotation
 * setting; the service list and its votes. Pure Java and JPA mapping, no services.
 */
package org.wushe.docking.domain;
