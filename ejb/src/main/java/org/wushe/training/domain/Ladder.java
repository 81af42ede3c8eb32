package org.wushe.training.domain;

/**
 * Places a resident on the participation ladder from what the records show for the last twelve
 * months (the rule and its reasons are in {@code docs/ladder.md}):
 * <ul>
 * <li><b>autonomous</b> — led at least once (chosen for a place of the opportunity list, or the
 * resident behind an actor of the circle), or raised at least two requests and took part at least
 * three times;</li>
 * <li><b>cooperative</b> — took part at least twice (activities attended, trainings attended,
 * verified volunteer services), or raised at least one request and took part once;</li>
 * <li><b>passive</b> — otherwise.</li>
 * </ul>
 */
public final class Ladder {

    /** What the records show of one resident in the window. */
    public record Evidence(int participations, int proposals, int led) {
        public Evidence {
            if (participations < 0 || proposals < 0 || led < 0) {
                throw new IllegalArgumentException("negative evidence");
            }
        }
    }

    private Ladder() {
    }

    public static Rung place(Evidence e) {
        if (e.led() >= 1 || e.proposals() >= 2 && e.participations() >= 3) {
            return Rung.AUTONOMOUS;
        }
        if (e.participations() >= 2 || e.proposals() >= 1 && e.participations() >= 1) {
            return Rung.COOPERATIVE;
        }
        return Rung.PASSIVE;
    }
}
