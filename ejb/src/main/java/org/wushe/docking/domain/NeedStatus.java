package org.wushe.docking.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The loop of a need: registered → assessed → matched → in action → feedback → closed, or reopened
 * (from feedback or closed) and assessed again. Each status names the statuses it may move to; any
 * other move is refused with {@code need.transition}.
 */
public enum NeedStatus {
    REGISTERED, ASSESSED, MATCHED, IN_ACTION, FEEDBACK, CLOSED, REOPENED;

    public Set<NeedStatus> next() {
        return switch (this) {
            case REGISTERED, REOPENED -> EnumSet.of(ASSESSED);
            case ASSESSED -> EnumSet.of(ASSESSED, MATCHED);
            case MATCHED -> EnumSet.of(MATCHED, IN_ACTION, ASSESSED);
            case IN_ACTION -> EnumSet.of(IN_ACTION, FEEDBACK, ASSESSED);
            case FEEDBACK -> EnumSet.of(CLOSED, REOPENED);
            case CLOSED -> EnumSet.of(REOPENED);
        };
    }

    public boolean canMoveTo(NeedStatus to) {
        return next().contains(to);
    }

    /** Still being worked on (not closed). */
    public boolean open() {
        return this != CLOSED;
    }
}
