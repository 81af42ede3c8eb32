package org.wushe.deliberation.domain;

import java.util.EnumSet;
import java.util.Set;
import org.wushe.docking.domain.IssueNature;
import org.wushe.security.domain.Role;

/**
 * Who may take which step of an issue's workflow, the one place of these role rules: the services
 * refuse by them and the issue page shows only the steps they allow (docs/deliberation.md, the
 * table of natures). Pure, with no database: the service says whether the caller is staff of the
 * issue's community or a resident reading it.
 *
 * <p>Usage: {@code Set<IssueSteps.Step> steps = IssueSteps.allowed(nature, stage, Who.asStaff(role, mayVeto));}
 */
public final class IssueSteps {

    private IssueSteps() {
    }

    /** A step of the workflow a caller may be offered on an issue. */
    public enum Step {
        /** Comment in the open discussion of a rule-making issue. */
        COMMENT,
        /** Close the discussion with the summary and the final text (social worker). */
        SUMMARISE,
        /** Submit a technical proposal on a resource-allocation issue (social worker). */
        PROPOSE,
        /** Revise and resubmit a vetoed proposal (social worker). */
        REVISE,
        /** Decide a service issue (social worker). */
        DECIDE,
        /** Veto a submitted proposal (the Party secretary). */
        VETO,
        /** Open the vote at a meeting (who leads the vote of the nature: {@link #voteLeaders}). */
        OPEN_VOTE,
        /** Close the vote under way (who leads it). */
        CLOSE_VOTE,
        /** Record a representative's show of hands or declared conflict (the meeting's clerk: staff). */
        RECORD_BALLOTS,
        /** Record how a published decision is implemented (staff). */
        FOLLOW_UP,
        /** Change the nature until a vote opens (staff). */
        RECLASSIFY
    }

    /**
     * Who asks: staff of the issue's community (right {@code DELIBERATE}, scope covering it) in a role,
     * with or without the right to veto, or a resident of the community; anyone else may only read.
     */
    public record Who(Role role, boolean staff, boolean mayVeto, boolean resident) {

        public static Who asStaff(Role role, boolean mayVeto) {
            return new Who(role, true, mayVeto, false);
        }

        public static Who asResident() {
            return new Who(Role.RESIDENT, false, false, true);
        }

        public static Who asReader(Role role) {
            return new Who(role, false, false, false);
        }
    }

    /**
     * The roles that lead (open and close) the vote on an issue of the nature: the Party secretary on
     * resource allocation (the Party organisation leads those), the Party secretary or a social worker
     * on rule-making; nobody on a service issue, which is never put to a vote.
     */
    public static Set<Role> voteLeaders(IssueNature nature) {
        return switch (nature) {
            case RESOURCE_ALLOCATION -> EnumSet.of(Role.PARTY_SECRETARY);
            case RULE_MAKING -> EnumSet.of(Role.PARTY_SECRETARY, Role.SOCIAL_WORKER);
            case SERVICE -> EnumSet.noneOf(Role.class);
        };
    }

    /** Whether the caller leads the vote on an issue of the nature. */
    public static boolean leadsVote(IssueNature nature, Who who) {
        return who.staff() && voteLeaders(nature).contains(who.role());
    }

    /** The steps the caller may take on an issue of the nature at the stage. */
    public static Set<Step> allowed(IssueNature nature, IssueStage stage, Who who) {
        Set<Step> steps = EnumSet.noneOf(Step.class);
        if (nature == IssueNature.RULE_MAKING && stage == IssueStage.DISCUSSION && (who.staff() || who.resident())) {
            steps.add(Step.COMMENT);
        }
        if (!who.staff()) {
            return steps;
        }
        steps.add(Step.RECORD_BALLOTS);
        steps.add(Step.FOLLOW_UP);
        if (stage == IssueStage.OPEN || stage == IssueStage.DISCUSSION || stage == IssueStage.PROPOSALS) {
            steps.add(Step.RECLASSIFY);
        }
        if (who.role() == Role.SOCIAL_WORKER) {
            if (nature == IssueNature.RULE_MAKING && stage == IssueStage.DISCUSSION) {
                steps.add(Step.SUMMARISE);
            }
            if (nature == IssueNature.RESOURCE_ALLOCATION && stage == IssueStage.PROPOSALS) {
                steps.add(Step.PROPOSE);
            }
            if (stage == IssueStage.PROPOSALS) {
                steps.add(Step.REVISE);
            }
            if (nature == IssueNature.SERVICE && stage == IssueStage.OPEN) {
                steps.add(Step.DECIDE);
            }
        }
        if (who.role() == Role.PARTY_SECRETARY && who.mayVeto()) {
            steps.add(Step.VETO);
        }
        if (leadsVote(nature, who)) {
            if (stage == IssueStage.PROPOSALS) {
                steps.add(Step.OPEN_VOTE);
            }
            if (stage == IssueStage.VOTING) {
                steps.add(Step.CLOSE_VOTE);
            }
        }
        return steps;
    }
}
