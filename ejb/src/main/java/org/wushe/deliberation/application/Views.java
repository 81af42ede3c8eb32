package org.wushe.deliberation.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The records the deliberation services hand to screens and the API. */
public final class Views {

    private Views() {
    }

    /** An issue as typed in. {@code source} RESIDENT/ORGANISATION/CADRE/NEED; {@code raisedByName} whom it came from. */
    public record IssueForm(String title, String description, String nature, String source, String raisedByName,
                            Long needId) {
    }

    /** One row of the issue board. */
    public record IssueRow(Long id, String title, String nature, String stage, String source, String raisedByName,
                           Instant raisedAt, Instant updatedAt, long proposals, long vetoes) {
    }

    public record EventView(Long id, String kind, String detail, Instant at, String actor) {
    }

    public record CommentView(Long id, String authorKind, String authorName, String body, Instant at) {
    }

    public record VetoView(Long id, Long proposalId, int proposalRevision, String ground, String reason,
                           String vetoedByName, Instant at) {
    }

    public record ProposalView(Long id, String title, String body, Long costFen, String status, int revision,
                               String submittedBy, Instant submittedAt, List<VetoView> vetoes) {
    }

    /** A vote's options with their counts; for an open vote the counts are withheld (null) until it closes. */
    public record OptionView(Long proposalId, String title, Integer votes) {
    }

    /** Who took part: the representative, whether recused (with the reason), and the choice unless the ballot is secret. */
    public record BallotView(Long representativeId, String name, boolean recused, String conflictReason,
                             String choice, Long proposalId) {
    }

    public record VoteView(Long id, Long issueId, Long meetingId, String meetingTitle, boolean secret, String status,
                           String quorum, String majority, int representatives, Integer present, Integer against,
                           Integer abstain, int recused, Long winningProposalId, Instant openedAt, Instant closedAt,
                           List<OptionView> options, List<BallotView> ballots) {
    }

    public record DecisionView(Long id, Long issueId, String nature, String title, String decisionText,
                               String reasons, Long proposalId, Long voteId, Instant publishedAt,
                               String implementation, String followUp, Long dockingActionId, Instant followedUpAt) {
    }

    /** An issue with its whole workflow: history, discussion, proposals with vetoes, votes, decision. */
    public record IssueDetail(Long id, String communityCode, String title, String description, String nature,
                              String stage, String source, String raisedByName, Long needId, String summary,
                              Instant raisedAt, List<EventView> events, List<CommentView> comments,
                              List<ProposalView> proposals, List<VoteView> votes, DecisionView decision) {
    }

    public record RepresentativeView(Long id, Long residentId, String name, LocalDate termStart, LocalDate termEnd,
                                     boolean current) {
    }

    public record MeetingView(Long id, String title, Instant heldAt, String place, String agenda, String minutes,
                              List<Long> presentRepresentativeIds) {
    }

    /** A decision on the public page: no names of residents, only what was decided, why, how it was voted and vetoed. */
    public record PublicDecision(Long id, String nature, String title, String decisionText, String reasons,
                                 Instant publishedAt, String implementation, String followUp, String voteSummary,
                                 List<VetoView> vetoes) {
    }

    public record PublicPage(String communityCode, String communityName, List<PublicDecision> decisions) {
    }

    public record RulesView(String quorum, String majority, int reviewMonths, boolean defaults) {
    }

    public record CorrectiveView(Long id, Long reviewId, String description, String owner, LocalDate dueOn,
                                 LocalDate closedOn, String closingNote, boolean overdue) {
    }

    public record ReviewView(Long id, LocalDate periodStart, LocalDate periodEnd, int satisfaction, int coordination,
                             int ethics, String findings, String reviewedBy, Instant reviewedAt,
                             List<CorrectiveView> actions) {
    }

    /** The reviews of a community, newest first, with the day the next one is due and the overdue actions. */
    public record ReviewsPage(List<ReviewView> reviews, LocalDate nextDue, boolean reviewOverdue, long overdueActions) {
    }

    /** Counts for the board's header: issues per nature and stage. */
    public record BoardCounts(Map<String, Long> byNatureAndStage) {
    }
}
