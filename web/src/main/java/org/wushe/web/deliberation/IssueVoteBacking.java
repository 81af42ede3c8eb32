package org.wushe.web.deliberation;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wushe.deliberation.application.Views;
import org.wushe.deliberation.application.VoteService;
import org.wushe.shared.ValidationException;
import org.wushe.web.support.Actions;
import org.wushe.web.support.FacesErrors;
import org.wushe.web.support.FormInputs;

/**
 * The vote panel of the issue page: opening the vote at a meeting (open or secret ballot), the clerk's
 * record of each representative's show of hands or declared conflict of interest, a representative's
 * own ballot or declaration, and closing the vote.
 */
@Named
@ViewScoped
public class IssueVoteBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    VoteService votes;

    @Inject
    IssueBacking page;

    private Long meetingId;
    private boolean secret;
    private final Map<Long, String> choices = new HashMap<>();
    private final Map<Long, String> options = new HashMap<>();
    private final Map<Long, String> conflicts = new HashMap<>();
    private String myChoice;
    private String myOption;
    private String myConflict;

    public void openVote() {
        Actions.run("openVote", () -> {
            votes.open(page.getId(), getMeetingId(), secret);
            FacesErrors.info("deliberation.done.voteOpened");
            page.reload();
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
            votes.cast(page.getOpenVote().id(), r.id(), choice, proposal);
            FacesErrors.info("deliberation.done.ballot", r.name());
            page.reload();
        });
    }

    /** The clerk records a representative's declared conflict of interest. */
    public void recuse(Views.RepresentativeView r) {
        Actions.run("ballots", () -> {
            votes.declareConflict(page.getOpenVote().id(), r.id(), conflicts.get(r.id()));
            FacesErrors.info("deliberation.done.recused", r.name());
            page.reload();
        });
    }

    /** A representative casts their own ballot. */
    public void castOwn() {
        Actions.run("myBallot", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            Long proposal = FormInputs.optionalLong("proposalId", myOption, errors);
            errors.throwIfAny();
            votes.cast(page.getOpenVote().id(), null, myChoice, proposal);
            FacesErrors.info("deliberation.done.ownBallot");
            page.reload();
        });
    }

    public void declareOwnConflict() {
        Actions.run("myBallot", () -> {
            votes.declareConflict(page.getOpenVote().id(), null, myConflict);
            FacesErrors.info("deliberation.done.ownRecused");
            page.reload();
        });
    }

    public void closeVote() {
        Actions.run("ballots", () -> {
            Views.VoteView v = votes.close(page.getOpenVote().id());
            FacesErrors.info("deliberation.done.voteClosed." + v.status());
            page.reload();
        });
    }

    /** The chosen meeting; until one is chosen, the community's first. */
    public Long getMeetingId() {
        List<Views.MeetingView> list = page.getMeetingList();
        return meetingId != null || list.isEmpty() ? meetingId : list.get(0).id();
    }

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
}
