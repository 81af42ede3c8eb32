package org.wushe.web.deliberation;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.wushe.deliberation.application.IssueService;
import org.wushe.deliberation.application.MeetingService;
import org.wushe.deliberation.application.Views;
import org.wushe.deliberation.domain.AuthorKind;
import org.wushe.deliberation.domain.Choice;
import org.wushe.deliberation.domain.Implementation;
import org.wushe.deliberation.domain.IssueSteps;
import org.wushe.deliberation.domain.VetoGround;
import org.wushe.docking.domain.IssueNature;
import org.wushe.fund.domain.Money;
import org.wushe.security.application.AccountService;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.web.support.Actions;

/**
 * One issue with its workflow on one page: this bean loads the issue, the steps the service allows
 * the caller ({@link IssueService#allowedSteps}, asked by the page as {@code may('OPEN_VOTE')}) and
 * what the panels share; each panel has its own bean for its forms and actions:
 * {@link IssueDiscussionBacking} (the open discussion and the social worker's summary),
 * {@link IssueProposalsBacking} (the technical proposals, their revision and the Party secretary's
 * veto dialog), {@link IssueVoteBacking} (the vote at a meeting, each representative's ballot or
 * declared conflict of interest) and {@link IssueDecisionBacking} (the social worker's decision, the
 * follow-up of the published decision and reclassification).
 */
@Named
@ViewScoped
public class IssueBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    IssueService issues;

    @EJB
    MeetingService meetings;

    @EJB
    AccountService accounts;

    private Long id;
    private Views.IssueDetail issue;
    private Set<IssueSteps.Step> steps = Set.of();
    private Caller me;
    private List<Views.MeetingView> meetingList = List.of();
    private List<Views.RepresentativeView> representatives = List.of();

    /** Loads the issue named by the {@code id} view parameter. */
    public void load() {
        if (issue == null && id != null) {
            me = accounts.me();
            reload();
        }
    }

    /** Reads the issue and the caller's steps again, after a panel's action. */
    void reload() {
        Actions.run("header", () -> {
            issue = issues.detail(id);
            steps = issues.allowedSteps(id);
            if (isStaff()) {
                meetingList = meetings.meetings(issue.communityCode());
            }
            if (getOpenVote() != null) {
                representatives = meetings.representatives(issue.communityCode(), false);
            }
        });
    }

    // ---------------------------------------------------------------- what the page shows

    /** Whether the service allows the caller the step (an {@link IssueSteps.Step} name) now. */
    public boolean may(String step) {
        return steps.contains(IssueSteps.Step.valueOf(step));
    }

    public Views.VoteView getOpenVote() {
        return issue == null ? null : issue.votes().stream().filter(v -> v.status().equals("OPEN")).findFirst()
                .orElse(null);
    }

    /** The representative's ballot in the open vote, if any. */
    public Views.BallotView ballotOf(Long representativeId) {
        Views.VoteView v = getOpenVote();
        return v == null ? null : v.ballots().stream().filter(b -> b.representativeId().equals(representativeId))
                .findFirst().orElse(null);
    }

    public String proposalTitle(Long proposalId) {
        return issue == null || proposalId == null ? "" : issue.proposals().stream()
                .filter(p -> p.id().equals(proposalId)).map(Views.ProposalView::title).findFirst().orElse("");
    }

    /** Staff of the zone: they record for others (an organisation's comment, a show of hands). */
    public boolean isStaff() {
        return me != null && me.has(Right.DELIBERATE);
    }

    public boolean isResident() {
        return me != null && me.has(Right.SELF_SERVICE) && me.residentId() != null;
    }

    /** Whether the signed-in resident is one of the current representatives, who vote themselves. */
    public boolean isRepresentative() {
        return isResident() && representatives.stream().anyMatch(r -> me.residentId().equals(r.residentId()));
    }

    public boolean isAt(String stage) {
        return issue != null && issue.stage().equals(stage);
    }

    public boolean isOfNature(String nature) {
        return issue != null && issue.nature().equals(nature);
    }

    public boolean isHasSubmitted() {
        return issue != null && issue.proposals().stream().anyMatch(p -> p.status().equals("SUBMITTED"));
    }

    /** Fen as yuan with two decimals. */
    public String yuan(Long fen) {
        return Money.format(fen);
    }

    public List<String> getNatures() {
        return Arrays.stream(IssueNature.values()).map(Enum::name).toList();
    }

    public List<String> getGrounds() {
        return Arrays.stream(VetoGround.values()).map(Enum::name).toList();
    }

    public List<String> getChoiceValues() {
        return Arrays.stream(Choice.values()).map(Enum::name).toList();
    }

    public List<String> getAuthorKinds() {
        return Arrays.stream(AuthorKind.values()).map(Enum::name).toList();
    }

    public List<String> getImplementations() {
        return Arrays.stream(Implementation.values()).map(Enum::name).toList();
    }

    public Long getId() { return id; }
    public void setId(Long v) { id = v; }
    public Views.IssueDetail getIssue() { return issue; }
    public List<Views.MeetingView> getMeetingList() { return meetingList; }
    public List<Views.RepresentativeView> getRepresentatives() { return representatives; }
}
