package org.wushe.deliberation.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import org.wushe.community.domain.Community;
import org.wushe.deliberation.domain.Issue;
import org.wushe.deliberation.domain.IssueStage;
import org.wushe.deliberation.domain.Proposal;
import org.wushe.deliberation.domain.Veto;
import org.wushe.deliberation.domain.VetoGround;
import org.wushe.deliberation.domain.Vote;
import org.wushe.deliberation.domain.VoteStatus;
import org.wushe.notification.application.Notifications;
import org.wushe.notification.domain.NotificationKind;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.security.domain.Role;
import org.wushe.shared.ConflictException;
import org.wushe.shared.Label;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.NotPermittedException;
import org.wushe.shared.ValidationException;

/**
 * The community Party organisation's veto (docs/deliberation.md, "Party veto"). Only the Party secretary of the proposal's
 * community may veto, on one of the three grounds and with a written reason. The veto is stored and
 * published with the proposal, never deleted; the proposal goes back for reconsideration (a vote
 * under way on it is cancelled) and may be revised and resubmitted.
 */
@Stateless
public class VetoService {

    @PersistenceContext
    EntityManager em;

    @Inject
    DeliberationAccess access;

    @Inject
    Clock clock;

    @Inject
    Notifications notifications;

    /**
     * Vetoes a submitted proposal.
     *
     * @throws NotPermittedException {@code veto.secretaryOnly} for anyone but a Party secretary
     * @throws org.wushe.shared.NotInScopeException for a Party secretary of another community
     * @throws ValidationException without a ground or a reason
     * @throws ConflictException {@code veto.notSubmitted} for a proposal already vetoed, passed or not adopted
     */
    public Veto veto(Long proposalId, String ground, String reason) {
        Caller caller = access.caller();
        if (caller.role() != Role.PARTY_SECRETARY || !caller.has(Right.VETO_PROPOSALS)) {
            throw new NotPermittedException("veto.secretaryOnly", "Only the community's Party secretary may veto");
        }
        Proposal p = proposalId == null ? null : em.find(Proposal.class, proposalId, LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            throw new NotFoundException("proposal", proposalId);
        }
        Community c = access.community(caller, p.getCommunityId());
        caller.requireCovers(c);
        ValidationException.Collector errors = new ValidationException.Collector();
        VetoGround g = DeliberationAccess.choice("ground", VetoGround.class, ground, true, errors);
        String why = errors.text("reason", reason, 2000, true);
        if (why != null && why.length() < 5) {
            errors.add("reason", "veto.reason.short", 5);
        }
        errors.throwIfAny();
        Issue issue = em.find(Issue.class, p.getIssueId(), LockModeType.PESSIMISTIC_WRITE);
        if (issue.getStage() != IssueStage.PROPOSALS && issue.getStage() != IssueStage.VOTING) {
            throw new ConflictException("deliberation.stage", "Issue is " + issue.getStage(),
                    new Label("deliberation.stage." + issue.getStage()), new Label("deliberation.stage.PROPOSALS"));
        }
        p.veto();
        Instant now = clock.instant();
        Veto v = new Veto(p, g, why, caller.username(), caller.displayName(), now);
        em.persist(v);
        if (issue.getStage() == IssueStage.VOTING) {
            em.createQuery("select v from Vote v where v.issueId = :i and v.status = :s", Vote.class)
                    .setParameter("i", issue.getId()).setParameter("s", VoteStatus.OPEN)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList()
                    .forEach(open -> open.cancel(caller.username(), now));
            access.event(issue, "VOTE_CANCELLED", p.getTitle(), caller.username());
        }
        issue.moveTo(IssueStage.PROPOSALS, now);
        em.flush();
        access.event(issue, "VETOED", p.getTitle() + " (rev. " + p.getRevision() + ") · " + g + ": " + why,
                caller.username());
        notifications.notify(notifications.accountOf(p.getSubmittedBy()), p.getCommunityId(),
                NotificationKind.PROPOSAL_VETOED, "proposal", p.getId(), "/deliberation/issue.xhtml?id=" + issue.getId(),
                p.getTitle(), why);
        return v;
    }
}
