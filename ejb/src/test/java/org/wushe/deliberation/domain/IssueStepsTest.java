package org.wushe.deliberation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wushe.deliberation.domain.IssueSteps.Step;
import org.wushe.deliberation.domain.IssueSteps.Who;
import org.wushe.docking.domain.IssueNature;
import org.wushe.security.domain.Role;

class IssueStepsTest {

    private static final Who SECRETARY = Who.asStaff(Role.PARTY_SECRETARY, true);
    private static final Who SOCIAL_WORKER = Who.asStaff(Role.SOCIAL_WORKER, false);
    private static final Who CADRE = Who.asStaff(Role.COMMUNITY_CADRE, false);

    @Test
    void voteLeaders_secretaryOnAllocation_secretaryOrSocialWorkerOnRules_nobodyOnService() {
        assertEquals(EnumSet.of(Role.PARTY_SECRETARY), IssueSteps.voteLeaders(IssueNature.RESOURCE_ALLOCATION));
        assertEquals(EnumSet.of(Role.PARTY_SECRETARY, Role.SOCIAL_WORKER),
                IssueSteps.voteLeaders(IssueNature.RULE_MAKING));
        assertTrue(IssueSteps.voteLeaders(IssueNature.SERVICE).isEmpty());
    }

    @Test
    void aServiceIssue_offersNobodyAVote_notEvenTheSecretary() {
        for (IssueStage stage : IssueStage.values()) {
            assertFalse(IssueSteps.allowed(IssueNature.SERVICE, stage, SECRETARY).contains(Step.OPEN_VOTE));
            assertFalse(IssueSteps.allowed(IssueNature.SERVICE, stage, SOCIAL_WORKER).contains(Step.OPEN_VOTE));
        }
    }

    @Test
    void openVote_onAllocation_isTheSecretarys_onRules_alsoTheSocialWorkers() {
        assertTrue(IssueSteps.allowed(IssueNature.RESOURCE_ALLOCATION, IssueStage.PROPOSALS, SECRETARY)
                .contains(Step.OPEN_VOTE));
        assertFalse(IssueSteps.allowed(IssueNature.RESOURCE_ALLOCATION, IssueStage.PROPOSALS, SOCIAL_WORKER)
                .contains(Step.OPEN_VOTE));
        assertTrue(IssueSteps.allowed(IssueNature.RULE_MAKING, IssueStage.PROPOSALS, SOCIAL_WORKER)
                .contains(Step.OPEN_VOTE));
        assertFalse(IssueSteps.allowed(IssueNature.RULE_MAKING, IssueStage.PROPOSALS, CADRE)
                .contains(Step.OPEN_VOTE));
    }

    @Test
    void closeVote_onlyWhileVoting_forWhoLeadsIt() {
        assertEquals(Set.of(Step.RECORD_BALLOTS, Step.FOLLOW_UP, Step.VETO, Step.CLOSE_VOTE),
                IssueSteps.allowed(IssueNature.RESOURCE_ALLOCATION, IssueStage.VOTING, SECRETARY));
        assertFalse(IssueSteps.allowed(IssueNature.RESOURCE_ALLOCATION, IssueStage.PROPOSALS, SECRETARY)
                .contains(Step.CLOSE_VOTE));
        assertFalse(IssueSteps.allowed(IssueNature.RESOURCE_ALLOCATION, IssueStage.VOTING, SOCIAL_WORKER)
                .contains(Step.CLOSE_VOTE));
    }

    @Test
    void theSocialWorkersSteps_followNatureAndStage() {
        assertEquals(Set.of(Step.COMMENT, Step.SUMMARISE, Step.RECORD_BALLOTS, Step.FOLLOW_UP, Step.RECLASSIFY),
                IssueSteps.allowed(IssueNature.RULE_MAKING, IssueStage.DISCUSSION, SOCIAL_WORKER));
        assertEquals(Set.of(Step.PROPOSE, Step.REVISE, Step.RECORD_BALLOTS, Step.FOLLOW_UP, Step.RECLASSIFY),
                IssueSteps.allowed(IssueNature.RESOURCE_ALLOCATION, IssueStage.PROPOSALS, SOCIAL_WORKER));
        assertEquals(Set.of(Step.DECIDE, Step.RECORD_BALLOTS, Step.FOLLOW_UP, Step.RECLASSIFY),
                IssueSteps.allowed(IssueNature.SERVICE, IssueStage.OPEN, SOCIAL_WORKER));
        assertFalse(IssueSteps.allowed(IssueNature.SERVICE, IssueStage.OPEN, SECRETARY).contains(Step.DECIDE));
    }

    @Test
    void veto_isTheSecretarysWithTheRight_only() {
        assertTrue(IssueSteps.allowed(IssueNature.RESOURCE_ALLOCATION, IssueStage.PROPOSALS, SECRETARY)
                .contains(Step.VETO));
        assertFalse(IssueSteps.allowed(IssueNature.RESOURCE_ALLOCATION, IssueStage.PROPOSALS,
                Who.asStaff(Role.PARTY_SECRETARY, false)).contains(Step.VETO));
        assertFalse(IssueSteps.allowed(IssueNature.RESOURCE_ALLOCATION, IssueStage.PROPOSALS, CADRE)
                .contains(Step.VETO));
    }

    @Test
    void aResident_mayOnlyComment_inTheDiscussion_andAReaderNothing() {
        assertEquals(Set.of(Step.COMMENT),
                IssueSteps.allowed(IssueNature.RULE_MAKING, IssueStage.DISCUSSION, Who.asResident()));
        assertTrue(IssueSteps.allowed(IssueNature.RULE_MAKING, IssueStage.PROPOSALS, Who.asResident()).isEmpty());
        assertTrue(IssueSteps.allowed(IssueNature.RULE_MAKING, IssueStage.DISCUSSION,
                Who.asReader(Role.SUB_DISTRICT_OFFICER)).isEmpty());
    }

    @Test
    void reclassify_endsWhenAVoteOpens() {
        assertFalse(IssueSteps.allowed(IssueNature.RULE_MAKING, IssueStage.VOTING, CADRE).contains(Step.RECLASSIFY));
        assertFalse(IssueSteps.allowed(IssueNature.RULE_MAKING, IssueStage.DECIDED, CADRE).contains(Step.RECLASSIFY));
        assertTrue(IssueSteps.allowed(IssueNature.SERVICE, IssueStage.OPEN, CADRE).contains(Step.RECLASSIFY));
    }
}
