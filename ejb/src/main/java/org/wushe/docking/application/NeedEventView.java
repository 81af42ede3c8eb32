package org.wushe.docking.application;

import java.time.Instant;

/** One step of a need's loop. */
public record NeedEventView(Instant occurredAt, String actor, String fromStatus, String toStatus, String note) {
}
