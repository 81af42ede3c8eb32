package org.wushe.web.deliberation;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wushe.deliberation.application.DecisionService;
import org.wushe.deliberation.application.IssueService;
import org.wushe.deliberation.application.MeetingService;
import org.wushe.deliberation.application.VetoService;
import org.wushe.deliberation.application.Views;
import org.wushe.deliberation.application.VoteService;
import org.wushe.deliberation.domain.AuthorKind;
import org.wushe.deliberation.domain.Choice;
import org.wushe.deliberation.domain.Implementation;
import org.wushe.deliberation.domain.VetoGround;
import org.wushe.docking.domain.IssueNature;
import org.wushe.security.application.AccountService;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.security.domain.Role;
import org.wushe.shared.ValidationException;
import org.wushe.web.support.Actions;
import org.wushe.web.support.FacesErrors;
import org.wushe.web.support.FormInputs;

/**
 * One issue with its workflow on one page, the steps shown by its nature and stage and the caller's
 * role: the open discussion and the social worker's summary (rule-making), the technical proposals
 * with their costs and the Party secretary's veto dialog (resource allocation, rule-making), the vote
 * at a meeting with each representative's ballot or declared conflict of interest, the social
 * worker's decision (service), the published decision and its follow-up, reclassification and the
 * whole history.
 */
@Named
@ViewScoped
public class IssueBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    IssueService issues;

    @EJB
    VetoService vetoes;

    @EJB
    VoteService votes;

    @EJB
    MeetingService meetings;

    @EJB
    DecisionService decisions;

    @EJB
    AccountService accounts;

    private Long id;
    private Views.IssueDetail issue;
    private Caller me;
    private List<Views.MeetingView> meetingList = List.of();
    private List<Views.RepresentativeView> representatives = List.of();

    private String authorKind = AuthorKind.ORGANISATION.name();
    private String authorName;
    private String commentBody;
    private String summary;
    private String finalTitle;
    private String finalBody;
    private String proposalTitle;
    private String proposalBody;
    private String proposalCost;
    private Long reviseId;
    private String reviseTitle;
    private String reviseBody;
    private String reviseCost;
    private String decision;
    private String reasons;
    private String newNature;
    private String reclassifyReason;
    private Long vetoProposalId;
    private String vetoGround;
    private String vetoReason;
    private Long meetingId;
    private boolean secret;
    private final Map<Long, String> choices = new HashMap<>();
    private final Map<Long, String> options = new HashMap<>();
    private final Map<Long, String> conflicts = new HashMap<>();
    private String myChoice;
    private String myOption;
    private String myConflict;
    private String implementation;
    private String followUp;
    private String dockingActionId;

    /** Loads the issue named by the {@code id} view parameter. */
    public void load() {
        if (issue == null && id != null) {
            me = accounts.me();
            reload();
        }
    }

    private void reload() {
        Actions.run("header", () -> {
            issue = issues.detail(id);
            if (isStaff()) {
                meetingList = meetings.meetings(issue.communityCode());
                if (meetingId == null && !meetingList.isEmpty()) {
                    meetingId = meetingList.get(0).id();
                }
            }
            if (getOpenVote() != null) {
                representatives = meetings.representatives(issue.communityCode(), false);
            }
            if (issue.decision() != null && implementation == null) {
                implementation = issue.decision().implementation();
                followUp = issue.decision().followUp();
                dockingActionId = issue.decision().dockingActionId() == null ? null
                        : issue.decision().dockingActionId().toString();
            }
        });
    }

    // ---------------------------------------------------------------- steps

    public void comment() {
        Actions.run("discussion", () -> {
            issues.comment(id, authorKind, authorName, commentBody);
            FacesErrors.info("deliberation.done.commented");
            commentBody = null;
            authorName = null;
            reload();
        });
    }

    public void summarise() {
        Actions.run("summary", () -> {
            issues.summarise(id, summary, finalTitle, finalBody);
            FacesErrors.info("deliberation.done.summarised");
            reload();
        });
    }

    public void propose() {
        Actions.run("propose", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            Long fen = fen("cost", proposalCost, errors);
            errors.throwIfAny();
            issues.submitProposal(id, proposalTitle, proposalBody, fen);
            FacesErrors.info("deliberation.done.proposed", proposalTitle);
            proposalTitle = null;
            proposalBody = null;
            proposalCost = null;
            reload();
        });
    }

    /** Fills the revision form with a vetoed proposal. */
    public void revise(Views.ProposalView p) {
        reviseId = p.id();
        reviseTitle = p.title();
        reviseBody = p.body();
        reviseCost = p.costFen() == null ? null : yuan(p.costFen());
    }

    public void resubmit() {
        Actions.run("revise", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            Long fen = fen("cost", reviseCost, errors);
            errors.throwIfAny();
            issues.resubmit(reviseId, reviseTitle, reviseBody, fen);
            FacesErrors.info("deliberation.done.resubmitted", reviseTitle);
            reviseId = null;
            reload();
        });
    }

    public void decide() {
        Actions.run("decide", () -> {
            issues.decide(id, decision, reasons);
            FacesErrors.info("deliberation.done.decided");
            reload();
        });
    }

    public void reclassify() {
        Actions.run("reclassify", () -> {
            issues.reclassify(id, newNature, reclassifyReason);
            FacesErrors.info("deliberation.done.reclassified");
            reclassifyReason = null;
            reload();
        });
    }

    /** Opens the veto dialog for a proposal. */
    public void prepareVeto(Views.ProposalView p) {
        vetoProposalId = p.id();
        vetoGround = null;
        vetoReason = null;
    }

    public void veto() {
        Actions.run("veto", () -> {
            vetoes.veto(vetoProposalId, vetoGround, vetoReason);
            FacesErrors.info("deliberation.done.vetoed");
            org.primefaces.PrimeFaces.current().executeScript("PF('vetoDialog').hide()");
            reload();
        });
    }

    public void openVote() {
        Actions.run("openVote", () -> {
            votes.open(id, meetingId, secret);
            FacesErrors.info("deliberation.done.voteOpened");
            reload();
        });
    }

    /** The clerk records a representative's show of hands. */
    public void record(Views.RepresentativeView r) {
        Actions.run("ballots", () -> {
            String choice = choices.get(r.id());
            String option = options.get(r.id());
            ValidationException.Collector errors = new ValidationException.Collector();
            Long proposal = FormInputs.optionalLong("proposalId", option, errors);
            errors.throwIfAny();
            votes.cast(getOpenVote().id(), r.id(), choice, proposal);
            FacesErrors.info("deliberation.done.ballot", r.name());
            reload();
        });
    }

    /** The clerk records a representative's declared conflict of interest. */
    public void recuse(Views.RepresentativeView r) {
        Actions.run("ballots", () -> {
            votes.declareConflict(getOpenVote().id(), r.id(), conflicts.get(r.id()));
            FacesErrors.info("deliberation.done.recused", r.name());
            reload();
        });
    }

    /** A representative casts their own ballot. */
    public void castOwn() {
        Actions.run("myBallot", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            Long proposal = FormInputs.optionalLong("proposalId", myOption, errors);
            errors.throwIfAny();
            votes.cast(getOpenVote().id(), null, myChoice, proposal);
            FacesErrors.info("deliberation.done.ownBallot");
            reload();
        });
    }

    public void declareOwnConflict() {
        Actions.run("myBallot", () -> {
            votes.declareConflict(getOpenVote().id(), null, myConflict);
            FacesErrors.info("deliberation.done.ownRecused");
            reload();
        });
    }

    public void closeVote() {
        Actions.run("ballots", () -> {
            Views.VoteView v = votes.close(getOpenVote().id());
            FacesErrors.info("deliberation.done.voteClosed." + v.status());
            reload();
        });
    }

    public void followUp() {
        Actions.run("followUp", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            Long action = FormInputs.optionalLong("dockingActionId", dockingActionId, errors);
            errors.throwIfAny();
            decisions.followUp(issue.decision().id(), implementation, followUp, action);
            FacesErrors.info("deliberation.done.followedUp");
            reload();
        });
    }

    // ---------------------------------------------------------------- what the page shows

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

    public boolean isStaff() {
        return me != null && me.has(Right.DELIBERATE);
    }

    public boolean isSocialWorker() {
        return isStaff() && me.role() == Role.SOCIAL_WORKER;
    }

    public boolean isSecretary() {
        return me != null && me.role() == Role.PARTY_SECRETARY && me.has(Right.VETO_PROPOSALS);
    }

    public boolean isResident() {
        return me != null && me.has(Right.SELF_SERVICE) && me.residentId() != null;
    }

    /** Whether the signed-in resident is one of the current representatives, who vote themselves. */
    public boolean isRepresentative() {
        return isResident() && representatives.stream().anyMatch(r -> me.residentId().equals(r.residentId()));
    }

    /** Whether the caller leads this issue's vote: the Party secretary; for rule-making also a social worker. */
    public boolean isLeadsVote() {
        return issue != null && isStaff() && (me.role() == Role.PARTY_SECRETARY
                || (issue.nature().equals(IssueNature.RULE_MAKING.name()) && me.role() == Role.SOCIAL_WORKER));
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
        return fen == null ? "" : BigDecimal.valueOf(fen).movePointLeft(2).setScale(2, RoundingMode.UNNECESSARY)
                .toPlainString();
    }

    private static Long fen(String field, String yuan, ValidationException.Collector errors) {
        BigDecimal v = FormInputs.optionalDecimal(field, yuan, errors);
        if (v == null) {
            return null;
        }
        try {
            return v.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
        } catch (ArithmeticException e) {
            errors.add(field, "deliberation.cost.cents");
            return null;
        }
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
    public String getAuthorKind() { return authorKind; }
    public void setAuthorKind(String v) { authorKind = v; }
    public String getAuthorName() { return authorName; }
    public void setAuthorName(String v) { authorName = v; }
    public String getCommentBody() { return commentBody; }
    public void setCommentBody(String v) { commentBody = v; }
    public String getSummary() { return summary; }
    public void setSummary(String v) { summary = v; }
    public String getFinalTitle() { return finalTitle; }
    public void setFinalTitle(String v) { finalTitle = v; }
    public String getFinalBody() { return finalBody; }
    public void setFinalBody(String v) { finalBody = v; }
    public String getProposalTitle() { return proposalTitle; }
    public void setProposalTitle(String v) { proposalTitle = v; }
    public String getProposalBody() { return proposalBody; }
    public void setProposalBody(String v) { proposalBody = v; }
    public String getProposalCost() { return proposalCost; }
    public void setProposalCost(String v) { proposalCost = v; }
    public Long getReviseId() { return reviseId; }
    public String getReviseTitle() { return reviseTitle; }
    public void setReviseTitle(String v) { reviseTitle = v; }
    public String getReviseBody() { return reviseBody; }
    public void setReviseBody(String v) { reviseBody = v; }
    public String getReviseCost() { return reviseCost; }
    public void setReviseCost(String v) { reviseCost = v; }
    public String getDecision() { return decision; }
    public void setDecision(String v) { decision = v; }
    public String getReasons() { return reasons; }
    public void setReasons(String v) { reasons = v; }
    public String getNewNature() { return newNature; }
    public void setNewNature(String v) { newNature = v; }
    public String getReclassifyReason() { return reclassifyReason; }
    public void setReclassifyReason(String v) { reclassifyReason = v; }
    public Long getVetoProposalId() { return vetoProposalId; }
    public String getVetoProposalTitle() { return proposalTitle(vetoProposalId); }
    public String getVetoGround() { return vetoGround; }
    public void setVetoGround(String v) { vetoGround = v; }
    public String getVetoReason() { return vetoReason; }
    public void setVetoReason(String v) { vetoReason = v; }
    public Long getMeetingId() { return meetingId; }
    public void setMeetingId(Long v) { meetingId = v; }
    public boolean isSecret() { return secret; }
    public void setSecret(boolean v) { secret = v; }
    public Map<Long, String> getChoices() { return choices; }
    public Map<Long, String> getOptions() { return options; }
    public Map<Long, String> getConflicts() { return conflicts; }
    public String getMyChoice() { return myChoice; }
    public void setMyChoice(String v) { myChoice = v; }
    public String getMyOption() { return myOption; }
    public void setMyOption(String v) { myOption = v; }
    public String getMyConflict() { return myConflict; }
    public void setMyConflict(String v) { myConflict = v; }
    public String getImplementation() { return implementation; }
    public void setImplementation(String v) { implementation = v; }
    public String getFollowUp() { return followUp; }
    public void setFollowUp(String v) { followUp = v; }
    public String getDockingActionId() { return dockingActionId; }
    public void setDockingActionId(String v) { dockingActionId = v; }
}
