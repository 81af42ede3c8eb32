package org.wushe.deliberation.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.wushe.deliberation.domain.Ballot;
import org.wushe.deliberation.domain.Choice;
import org.wushe.deliberation.domain.Decision;
import org.wushe.deliberation.domain.Issue;
import org.wushe.deliberation.domain.IssueStage;
import org.wushe.deliberation.domain.IssueSteps;
import org.wushe.deliberation.domain.Meeting;
import org.wushe.deliberation.domain.Proposal;
import org.wushe.deliberation.domain.ProposalStatus;
import org.wushe.deliberation.domain.Representative;
import org.wushe.deliberation.domain.Vote;
import org.wushe.deliberation.domain.VoteOption;
import org.wushe.deliberation.domain.VoteRules;
import org.wushe.deliberation.domain.VoteStatus;
import org.wushe.docking.domain.IssueNature;
import org.wushe.notification.application.Notifications;
import org.wushe.notification.domain.NotificationKind;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.security.domain.Role;
import org.wushe.shared.ConflictException;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.NotPermittedException;
import org.wushe.shared.ValidationException;

/**
 * The representatives' votes. A vote is held at a meeting on an issue's submitted proposals; service
 * issues are never voted on. The Party secretary opens and closes votes on resource allocation (the
 * Party organisation leads those), the Party secretary or a social worker on rule-making: the rule of
 * {@link IssueSteps#voteLeaders}, which the issue page asks too.
 *
 * <p>Only current representatives present at the meeting take part, once each (also a unique key in
 * the database). A representative casts their own ballot from their resident account; at an open
 * ballot the meeting's clerk (staff with {@link Right#DELIBERATE}) may record a show of hands for
 * them, a secret ballot only its representative casts. For a secret ballot the service stores who took
 * part and the tallies, never who chose what. A declared conflict of interest makes the
 * representative abstain. On closing, the vote computes its outcome ({@link Vote#close} by
 * {@link VoteRules#decide}): invalid without the quorum, passed by the configured majority of those
 * present and not recused, or failed; a passed proposal is published as the issue's decision, otherwise the issue goes back to proposals.
 */
@Stateless
public class VoteService {

    @PersistenceContext
    EntityManager em;

    @Inject
    DeliberationAccess access;

    @Inject
    Reading reading;

    @Inject
    Clock clock;

    @Inject
    Notifications notifications;

    /**
     * Opens a vote on an issue's submitted proposals at a meeting of its community.
     *
     * @throws ConflictException {@code vote.serviceIssue} for a service issue, {@code deliberation.stage}
     *         unless the issue takes proposals, {@code vote.noProposal} without a submitted proposal,
     *         {@code vote.noRepresentatives} when the community has no current representative
     */
    public Vote open(Long issueId, Long meetingId, boolean secret) {
        Issue issue = issueId == null ? null : em.find(Issue.class, issueId, LockModeType.PESSIMISTIC_WRITE);
        if (issue == null) {
            throw new NotFoundException("issue", issueId);
        }
        access.staff(issue.getCommunityId());
        if (!issue.isVoted()) {
            throw new ConflictException("vote.serviceIssue", "Service issues are decided by a social worker");
        }
        Caller caller = lead(issue, "vote");
        issue.requireStage(IssueStage.PROPOSALS);
        Meeting m = meetingId == null ? null : em.find(Meeting.class, meetingId);
        if (m == null || !m.getCommunityId().equals(issue.getCommunityId())) {
            throw ValidationException.of("meetingId", meetingId == null ? "error.required" : "vote.meeting.unknown",
                    String.valueOf(meetingId));
        }
        List<Proposal> options = em.createQuery("select p from Proposal p where p.issueId = :i and p.status = :s "
                        + "order by p.submittedAt, p.id", Proposal.class)
                .setParameter("i", issue.getId()).setParameter("s", ProposalStatus.SUBMITTED).getResultList();
        if (options.isEmpty()) {
            throw new ConflictException("vote.noProposal", "No submitted proposal");
        }
        int representatives = access.currentRepresentatives(issue.getCommunityId()).size();
        if (representatives == 0) {
            throw new ConflictException("vote.noRepresentatives", "No current representative");
        }
        Vote v = new Vote(issue, m, secret, access.rules(issue.getCommunityId()), representatives, caller.username(),
                clock.instant());
        em.persist(v);
        em.flush();
        options.forEach(p -> em.persist(new VoteOption(v, p)));
        issue.moveTo(IssueStage.VOTING, clock.instant());
        em.flush();
        access.event(issue, "VOTE_OPENED", m.getTitle() + (secret ? " · secret" : ""), caller.username());
        for (Long account : notifications.accountsOfResidents(access.currentRepresentatives(issue.getCommunityId())
                .stream().map(Representative::getResidentId).toList())) {
            notifications.notify(account, issue.getCommunityId(), NotificationKind.VOTE_OPENED, "issue", issue.getId(),
                    "/deliberation/issue.xhtml?id=" + issue.getId(), issue.getTitle(), m.getTitle());
        }
        return v;
    }

    /**
     * Casts a ballot: FOR an option (the proposal; with one option it may be left out), AGAINST or
     * ABSTAIN. A resident casts their own; staff record the named representative's at an open ballot.
     *
     * @throws NotPermittedException {@code vote.notRepresentative} for anyone who is not a current
     *         representative of the community, {@code vote.secretSelfOnly} when staff try to cast a
     *         secret ballot for someone
     * @throws ConflictException {@code vote.twice} for a second ballot, {@code vote.conflicted} after a
     *         declared conflict of interest, {@code vote.notPresent} for a representative not recorded
     *         present at the meeting, {@code vote.closed} for a closed vote
     */
    public void cast(Long voteId, Long representativeId, String choice, Long proposalId) {
        Vote v = lockedVote(voteId);
        Caller caller = access.caller();
        Representative r = voter(v, caller, representativeId);
        if (v.isSecret() && !access.isResident(caller)) {
            throw new NotPermittedException("vote.secretSelfOnly", "A secret ballot is cast by its representative");
        }
        v.requireOpen();
        ValidationException.Collector errors = new ValidationException.Collector();
        Choice c = DeliberationAccess.choice("choice", Choice.class, choice, true, errors);
        List<VoteOption> options = em.createQuery("select o from VoteOption o where o.voteId = :v order by o.id",
                VoteOption.class).setParameter("v", v.getId()).getResultList();
        VoteOption chosen = null;
        if (c == Choice.FOR) {
            Long pid = proposalId == null && options.size() == 1 ? options.get(0).getProposalId() : proposalId;
            chosen = options.stream().filter(o -> o.getProposalId().equals(pid)).findFirst().orElse(null);
            if (chosen == null) {
                errors.add("proposalId", pid == null ? "error.required" : "vote.option.unknown", String.valueOf(pid));
            }
        }
        errors.throwIfAny();
        requireFirstTime(v, r);
        v.count(c, chosen);
        em.persist(Ballot.cast(v, r, c, chosen == null ? null : chosen.getProposalId(), caller.username(),
                clock.instant()));
        em.flush();
    }

    /**
     * A representative declares a conflict of interest in the vote: they abstain and cannot vote in it.
     * A resident declares their own; staff record the named representative's declaration.
     */
    public void declareConflict(Long voteId, Long representativeId, String reason) {
        Vote v = lockedVote(voteId);
        Caller caller = access.caller();
        Representative r = voter(v, caller, representativeId);
        v.requireOpen();
        ValidationException.Collector errors = new ValidationException.Collector();
        String why = errors.text("reason", reason, 500, true);
        errors.throwIfAny();
        requireFirstTime(v, r);
        v.countRecused();
        em.persist(Ballot.recusal(v, r, why, caller.username(), clock.instant()));
        em.flush();
    }

    /**
     * Closes a vote and computes its outcome from the attendance and the tallies. A passed proposal
     * becomes the issue's published decision and the other options are not adopted; an invalid or
     * failed vote sends the issue back to proposals.
     */
    public Views.VoteView close(Long voteId) {
        Vote v = lockedVote(voteId);
        Issue issue = em.find(Issue.class, v.getIssueId(), LockModeType.PESSIMISTIC_WRITE);
        access.staff(issue.getCommunityId());
        Caller caller = lead(issue, "vote");
        v.requireOpen();
        Meeting m = em.find(Meeting.class, v.getMeetingId());
        LocalDate day = LocalDate.ofInstant(m.getHeldAt(), clock.getZone());
        Set<Long> present = Set.copyOf(em.createQuery("select a.representativeId from MeetingAttendance a "
                + "where a.meetingId = :m", Long.class).setParameter("m", m.getId()).getResultList());
        int presentNow = (int) em.createQuery("select r from Representative r where r.id in :ids", Representative.class)
                .setParameter("ids", present.isEmpty() ? Set.of(-1L) : present).getResultList().stream()
                .filter(r -> r.isCurrent(day)).count();
        Map<Long, Integer> forOption = new HashMap<>();
        List<VoteOption> options = em.createQuery("select o from VoteOption o where o.voteId = :v", VoteOption.class)
                .setParameter("v", v.getId()).getResultList();
        options.forEach(o -> forOption.put(o.getProposalId(), o.getVotes()));
        Instant now = clock.instant();
        VoteRules.Result result = v.close(presentNow, forOption, caller.username(), now);
        String summary = "present " + presentNow + "/" + v.getRepresentatives() + ", for " + forOption.values()
                + ", against " + v.getAgainstCount() + ", abstain " + v.getAbstainCount() + ", recused "
                + v.getRecusedCount();
        if (result.status() == VoteStatus.PASSED) {
            Map<Long, Proposal> byId = em.createQuery("select p from Proposal p where p.id in :ids", Proposal.class)
                    .setParameter("ids", forOption.keySet()).getResultList().stream()
                    .collect(Collectors.toMap(Proposal::getId, p -> p));
            byId.values().forEach(p -> p.settle(p.getId().equals(result.winner())));
            Proposal winner = byId.get(result.winner());
            // The reasons of a voted decision are the vote itself, shown from its counts.
            Decision d = new Decision(issue, winner.getTitle() + "\n" + winner.getBody(), null, winner.getId(),
                    v.getId(), caller.username(), now);
            em.persist(d);
            issue.moveTo(IssueStage.DECIDED, now);
            access.event(issue, "VOTE_PASSED", winner.getTitle() + " · " + summary, caller.username());
            access.event(issue, "DECIDED", winner.getTitle(), caller.username());
            access.published(issue, d);
        } else {
            issue.moveTo(IssueStage.PROPOSALS, now);
            access.event(issue, "VOTE_" + result.status().name(), summary, caller.username());
        }
        em.flush();
        return reading.vote(v);
    }

    /** One vote with its options, who took part and, once closed, its tallies. */
    public Views.VoteView vote(Long voteId) {
        Vote v = voteId == null ? null : em.find(Vote.class, voteId);
        if (v == null) {
            throw new NotFoundException("vote", voteId);
        }
        access.reader(v.getCommunityId());
        return reading.vote(v);
    }

    /** Staff in a role that leads the vote of the issue's nature ({@link IssueSteps#voteLeaders}). */
    private Caller lead(Issue issue, String step) {
        String rule = issue.getNature() == IssueNature.RESOURCE_ALLOCATION ? ".allocation" : ".rules";
        return access.staffInRole(issue.getCommunityId(), step + rule,
                IssueSteps.voteLeaders(issue.getNature()).toArray(Role[]::new));
    }

    /** Who the ballot is for: the resident themself, or the representative staff name; current and present. */
    private Representative voter(Vote v, Caller caller, Long representativeId) {
        LocalDate today = access.today();
        Representative r;
        if (access.isResident(caller)) {
            access.reader(v.getCommunityId());
            r = em.createQuery("select r from Representative r where r.communityId = :c and r.residentId = :res "
                            + "and r.termStart <= :d and r.termEnd >= :d", Representative.class)
                    .setParameter("c", v.getCommunityId()).setParameter("res", caller.residentId())
                    .setParameter("d", today).getResultStream().findFirst().orElse(null);
        } else {
            access.staff(v.getCommunityId());
            if (representativeId == null) {
                throw ValidationException.of("representativeId", "error.required");
            }
            r = em.find(Representative.class, representativeId);
            if (r != null && (!r.getCommunityId().equals(v.getCommunityId()) || !r.isCurrent(today))) {
                r = null;
            }
        }
        if (r == null) {
            throw new NotPermittedException("vote.notRepresentative", "Only current representatives vote");
        }
        long present = em.createQuery("select count(a) from MeetingAttendance a where a.meetingId = :m "
                        + "and a.representativeId = :r", Long.class)
                .setParameter("m", v.getMeetingId()).setParameter("r", r.getId()).getSingleResult();
        if (present == 0) {
            throw new ConflictException("vote.notPresent", "Not recorded present", r.getName());
        }
        return r;
    }

    private void requireFirstTime(Vote v, Representative r) {
        Ballot earlier = em.createQuery("select b from Ballot b where b.voteId = :v and b.representativeId = :r",
                        Ballot.class).setParameter("v", v.getId()).setParameter("r", r.getId())
                .getResultStream().findFirst().orElse(null);
        if (earlier != null) {
            throw earlier.isRecused()
                    ? new ConflictException("vote.conflicted", "Declared a conflict of interest", r.getName())
                    : new ConflictException("vote.twice", "Already voted", r.getName());
        }
    }

    private Vote lockedVote(Long voteId) {
        Vote v = voteId == null ? null : em.find(Vote.class, voteId, LockModeType.PESSIMISTIC_WRITE);
        if (v == null) {
            throw new NotFoundException("vote", voteId);
        }
        return v;
    }
}
