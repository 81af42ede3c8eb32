package org.wushe.training.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The ladder rule of docs/ladder.md on its worked examples. */
class LadderTest {

    private static Rung place(int participations, int proposals, int led) {
        return Ladder.place(new Ladder.Evidence(participations, proposals, led));
    }

    @Test
    void nothingOrOnceOnly_isPassive() {
        assertEquals(Rung.PASSIVE, place(0, 0, 0), "a bystander");
        assertEquals(Rung.PASSIVE, place(1, 0, 0), "came once when asked");
        assertEquals(Rung.PASSIVE, place(0, 1, 0), "asked for help once, never joined in");
    }

    @Test
    void joiningInRepeatedly_isCooperative() {
        assertEquals(Rung.COOPERATIVE, place(2, 0, 0), "two activities in the year");
        assertEquals(Rung.COOPERATIVE, place(1, 1, 0), "raised a request and joined in once");
        assertEquals(Rung.COOPERATIVE, place(12, 0, 0), "many activities, but never initiated or led");
        assertEquals(Rung.COOPERATIVE, place(2, 2, 0), "two requests and two activities: not yet three");
    }

    @Test
    void leadingOrInitiatingAndTakingPart_isAutonomous() {
        assertEquals(Rung.AUTONOMOUS, place(0, 0, 1), "chosen for a place on the opportunity list");
        assertEquals(Rung.AUTONOMOUS, place(3, 2, 0), "raises requests and takes part");
    }

    @Test
    void evidenceIsNeverNegative() {
        assertThrows(IllegalArgumentException.class, () -> new Ladder.Evidence(-1, 0, 0));
    }
}
