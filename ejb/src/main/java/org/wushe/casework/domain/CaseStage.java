package org.wushe.casework.domain;

import org.wushe.shared.ConflictException;
import org.wushe.shared.Label;
import org.wushe.shared.ValidationException;

/**
 * The casework process in its order. A case moves forward one stage at a time; moving past a stage
 * needs a recorded reason; it never moves back, and nothing follows closure.
 */
public enum CaseStage {
    RELATIONSHIP, ASSESSMENT, PLAN, INTERVENTION, EVALUATION, CLOSED;

    /** The stage after this one, or null after closure. */
    public CaseStage next() {
        return this == CLOSED ? null : values()[ordinal() + 1];
    }

    /**
     * Checks a move from this stage to {@code target}.
     *
     * @return whether the move skips at least one stage (then {@code skipReason} was given)
     * @throws ConflictException {@code case.stage.backward} for a move back or to the same stage,
     *                           {@code case.closed} from closure
     * @throws ValidationException {@code case.stage.skipReason} on field {@code skipReason} when
     *                             stages are skipped without a reason
     */
    public boolean checkMove(CaseStage target, String skipReason) {
        if (this == CLOSED) {
            throw new ConflictException("case.closed", "The case is closed");
        }
        if (target.ordinal() <= ordinal()) {
            throw new ConflictException("case.stage.backward", "Stages move forward only",
                    new Label("case.stage." + name()), new Label("case.stage." + target.name()));
        }
        boolean skips = target.ordinal() > ordinal() + 1;
        if (skips && (skipReason == null || skipReason.isBlank())) {
            throw ValidationException.of("skipReason", "case.stage.skipReason", new Label("case.stage." + next().name()));
        }
        return skips;
    }
}
