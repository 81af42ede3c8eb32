package org.wushe.deliberation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class VoteRulesTest {

    private static final VoteRules.Fraction Q = VoteRules.DEFAULT_QUORUM;
    private static final VoteRules.Fraction M = VoteRules.DEFAULT_MAJORITY;

    @Test
    void quorum_isTwoThirdsOfTheRepresentativesByDefault() {
        assertTrue(VoteRules.quorumMet(Q, 9, 6));
        assertFalse(VoteRules.quorumMet(Q, 9, 5));
        assertTrue(VoteRules.quorumMet(Q, 5, 4), "4 of 5 is more than two thirds");
        assertFalse(VoteRules.quorumMet(Q, 5, 3), "3 of 5 is less than two thirds");
        assertFalse(VoteRules.quorumMet(Q, 0, 0), "no representatives, no quorum");
    }

    @Test
    void majority_isMoreThanHalf_soAnEvenSplitFails() {
        assertTrue(VoteRules.majority(M, 4, 7));
        assertFalse(VoteRules.majority(M, 3, 6), "exactly half is not more than half");
        assertTrue(VoteRules.majority(M, 4, 6));
        assertFalse(VoteRules.majority(M, 0, 0));
    }

    @Test
    void withoutQuorum_theVoteIsInvalid_whateverTheBallots() {
        VoteRules.Result r = VoteRules.decide(Q, M, new VoteRules.Tally(9, 5, 0, Map.of(1L, 5), 0, 0));
        assertEquals(VoteStatus.INVALID, r.status());
        assertNull(r.winner());
    }

    @Test
    void theOptionWithMoreThanHalfOfThosePresent_passes() {
        VoteRules.Result r = VoteRules.decide(Q, M, new VoteRules.Tally(9, 7, 0, Map.of(1L, 4, 2L, 2), 1, 0));
        assertEquals(VoteStatus.PASSED, r.status());
        assertEquals(1L, r.winner());
    }

    @Test
    void abstentionsCountAsPresent_soTheyCanBlockAMajority() {
        VoteRules.Result r = VoteRules.decide(Q, M, new VoteRules.Tally(6, 6, 0, Map.of(1L, 3), 0, 3));
        assertEquals(VoteStatus.FAILED, r.status());
    }

    @Test
    void recusedRepresentatives_areLeftOutOfTheMajority_butCountForTheQuorum() {
        // 6 present of 6, 2 recused: 3 of the 4 eligible is a majority.
        VoteRules.Result r = VoteRules.decide(Q, M, new VoteRules.Tally(6, 6, 2, Map.of(1L, 3), 1, 0));
        assertEquals(VoteStatus.PASSED, r.status());
    }

    @Test
    void aTieBetweenTwoOptions_fails() {
        VoteRules.Result r = VoteRules.decide(Q, new VoteRules.Fraction(1, 3),
                new VoteRules.Tally(6, 6, 0, Map.of(1L, 3, 2L, 3), 0, 0));
        assertEquals(VoteStatus.FAILED, r.status());
    }

    @Test
    void aConfiguredQuorumAndMajority_apply() {
        VoteRules.Fraction half = new VoteRules.Fraction(1, 2);
        VoteRules.Fraction twoThirds = new VoteRules.Fraction(2, 3);
        VoteRules.Tally t = new VoteRules.Tally(10, 5, 0, Map.of(1L, 3), 2, 0);
        assertEquals(VoteStatus.PASSED, VoteRules.decide(half, M, t).status(), "half present is a quorum of 1/2");
        assertEquals(VoteStatus.FAILED, VoteRules.decide(half, twoThirds, t).status(), "3 of 5 is not more than 2/3");
    }

    @Test
    void aShareOutsideZeroToOne_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> new VoteRules.Fraction(3, 2));
        assertThrows(IllegalArgumentException.class, () -> new VoteRules.Fraction(0, 2));
    }
}
