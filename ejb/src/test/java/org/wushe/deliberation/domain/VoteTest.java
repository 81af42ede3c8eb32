package org.wushe.deliberation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wushe.docking.domain.IssueNature;
import org.wushe.shared.ConflictException;

/** The vote as an aggregate: how ballots are counted, and the outcome it gives itself on closing. */
class VoteTest {

    private static final Instant AT = Instant.parse("2026-11-02T02:00:00Z");
    private static final Long A = 1L;
    private static final Long B = 2L;

    private static Vote vote(boolean secret, VoteRule rule, int representatives) {
        Issue issue = new Issue(7L, "Playground", "Which plan", IssueNature.RESOURCE_ALLOCATION, IssueSource.CADRE,
                "cadre", null, "cadre1", AT);
        Meeting meeting = new Meeting(7L, "Residents' council", AT, "Hall", "Playground", "secretary1");
        return new Vote(issue, meeting, secret, rule, representatives, "secretary1", AT);
    }

    private static Vote vote(int representatives) {
        return vote(false, new VoteRule(7L), representatives);
    }

    private static VoteOption option(Vote v) {
        return new VoteOption(v, new Proposal(new Issue(7L, "t", "d", IssueNature.RESOURCE_ALLOCATION,
                IssueSource.CADRE, "c", null, "c", AT), "Plan", "Body", 100L, "social1", AT));
    }

    private static void cast(Vote v, Choice c, VoteOption o, int times) {
        for (int i = 0; i < times; i++) {
            v.count(c, o);
        }
    }

    @Test
    void count_forGoesToTheOption_againstAndAbstainToTheVote() {
        Vote v = vote(6);
        VoteOption a = option(v);
        cast(v, Choice.FOR, a, 3);
        cast(v, Choice.AGAINST, null, 2);
        cast(v, Choice.ABSTAIN, null, 1);
        v.countRecused();

        assertEquals(3, a.getVotes());
        VoteRules.Tally t = v.tally(5, Map.of(A, a.getVotes()));
        assertEquals(6, t.representatives());
        assertEquals(5, t.present());
        assertEquals(2, t.against());
        assertEquals(1, t.abstain());
        assertEquals(1, t.recused());
        assertEquals(4, t.eligible());
        assertEquals(6, t.cast());
    }

    @Test
    void close_withoutTheQuorum_isInvalid_evenWithEveryPresentVoteFor() {
        Vote v = vote(6);
        // 2/3 of 6 is 4: three present are not enough.
        VoteRules.Result r = v.close(3, Map.of(A, 3), "secretary1", AT);

        assertEquals(VoteStatus.INVALID, r.status());
        assertEquals(VoteStatus.INVALID, v.getStatus());
        assertNull(v.getWinningProposalId());
        assertEquals(3, v.getPresentCount());
    }

    @Test
    void close_withTheQuorumAndMoreThanHalfOfThePresent_passesTheOption() {
        Vote v = vote(6);
        VoteRules.Result r = v.close(4, Map.of(A, 3, B, 1), "secretary1", AT);

        assertEquals(VoteStatus.PASSED, r.status());
        assertEquals(A, v.getWinningProposalId());
        assertEquals(AT, v.getClosedAt());
    }

    @Test
    void close_halfOfThePresent_isNoMajority() {
        Vote v = vote(4);
        cast(v, Choice.AGAINST, null, 2);

        assertEquals(VoteStatus.FAILED, v.close(4, Map.of(A, 2), "secretary1", AT).status());
    }

    @Test
    void close_abstentionsWeighAgainst() {
        Vote v = vote(5);
        cast(v, Choice.ABSTAIN, null, 3);

        // 2 of 5 present for, 3 abstained: not more than half.
        assertEquals(VoteStatus.FAILED, v.close(5, Map.of(A, 2), "secretary1", AT).status());
    }

    @Test
    void close_recusedRepresentativesLeaveTheMajority_butCountForTheQuorum() {
        Vote v = vote(6);
        v.countRecused();
        v.countRecused();

        // 4 present (quorum met), 2 recused: 2 eligible, and 2 votes for A are more than half of them.
        VoteRules.Result r = v.close(4, Map.of(A, 2), "secretary1", AT);
        assertEquals(VoteStatus.PASSED, r.status());
        assertEquals(A, r.winner());
    }

    @Test
    void close_aTieBetweenTheTopOptions_fails() {
        Vote v = vote(6);

        VoteRules.Result r = v.close(6, Map.of(A, 3, B, 3), "secretary1", AT);
        assertEquals(VoteStatus.FAILED, r.status());
        assertNull(v.getWinningProposalId());
    }

    @Test
    void close_usesTheRulesCopiedWhenTheVoteOpened_notLaterChanges() {
        VoteRule rule = new VoteRule(7L);
        rule.change(new VoteRules.Fraction(1, 2), new VoteRules.Fraction(2, 3), 3, "admin", AT);
        Vote v = vote(false, rule, 6);
        rule.change(VoteRules.DEFAULT_QUORUM, VoteRules.DEFAULT_MAJORITY, 3, "admin", AT);

        assertEquals("1/2", v.quorum().toString());
        assertEquals("2/3", v.majority().toString());
        // 3 of 6 meet a 1/2 quorum; 2 of 3 is not more than 2/3.
        assertEquals(VoteStatus.FAILED, v.close(3, Map.of(A, 2), "secretary1", AT).status());
    }

    @Test
    void secretBallot_isCountedLikeAnOpenOne_butTheBallotKeepsNoChoice() {
        Vote secret = vote(true, new VoteRule(7L), 3);
        Vote open = vote(false, new VoteRule(7L), 3);
        Representative r = new Representative(7L, 11L, "Li", LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31),
                "secretary1", AT);
        VoteOption a = option(secret);
        secret.count(Choice.FOR, a);

        Ballot hidden = Ballot.cast(secret, r, Choice.FOR, A, "resident1", AT);
        Ballot shown = Ballot.cast(open, r, Choice.FOR, A, "social1", AT);

        assertEquals(1, a.getVotes());
        assertNull(hidden.getChoice());
        assertNull(hidden.getProposalId());
        assertEquals(Choice.FOR, shown.getChoice());
        assertEquals(A, shown.getProposalId());
        assertEquals(VoteStatus.PASSED, secret.close(3, Map.of(A, 2), "secretary1", AT).status());
    }

    @Test
    void aClosedVote_refusesBallots_conflicts_andASecondClose() {
        Vote v = vote(3);
        v.close(3, Map.of(A, 3), "secretary1", AT);

        ConflictException e = assertThrows(ConflictException.class, () -> v.count(Choice.AGAINST, null));
        assertEquals("vote.closed", e.key());
        assertEquals("vote.closed", assertThrows(ConflictException.class, v::countRecused).key());
        assertEquals("vote.closed",
                assertThrows(ConflictException.class, () -> v.close(3, Map.of(A, 3), "secretary1", AT)).key());
        assertTrue(v.getAgainstCount() == 0 && v.getRecusedCount() == 0);
    }
}
