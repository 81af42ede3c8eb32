package org.wushe.deliberation.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import org.wushe.community.domain.Community;
import org.wushe.community.infrastructure.GeographyRepository;
import org.wushe.deliberation.domain.Decision;
import org.wushe.deliberation.domain.Implementation;
import org.wushe.deliberation.domain.Issue;
import org.wushe.deliberation.domain.Vote;
import org.wushe.docking.domain.DockingAction;
import org.wushe.security.domain.Caller;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.ValidationException;

/**
 * Published decisions: the community's list for staff and residents, the public page (no sign-in, no
 * personal data) and the follow-up of each decision to its implementation, optionally linked to a
 * docking action of the same community.
 */
@Stateless
public class DecisionService {

    @PersistenceContext
    EntityManager em;

    @Inject
    DeliberationAccess access;

    @Inject
    GeographyRepository geography;

    @Inject
    Reading reading;

    @Inject
    Clock clock;

    /** The community's decisions, newest first (the last 200); staff who see the zone and its residents. */
    public List<Views.DecisionView> decisions(String communityCode) {
        Caller caller = access.caller();
        Community c = access.community(caller, communityCode);
        access.reader(c.getId());
        return em.createQuery("select d from Decision d where d.communityId = :c order by d.publishedAt desc, d.id desc",
                        Decision.class).setParameter("c", c.getId()).setMaxResults(200).getResultList()
                .stream().map(Reading::decision).toList();
    }

    /**
     * Records how far a decision has been carried out: the status (PLANNED, IN_PROGRESS, DONE), a
     * note, and optionally the docking action that carries it out. Staff of the community.
     */
    public Views.DecisionView followUp(Long decisionId, String implementation, String note, Long dockingActionId) {
        Decision d = decisionId == null ? null : em.find(Decision.class, decisionId, LockModeType.PESSIMISTIC_WRITE);
        if (d == null) {
            throw new NotFoundException("decision", decisionId);
        }
        Caller caller = access.staff(d.getCommunityId());
        ValidationException.Collector errors = new ValidationException.Collector();
        Implementation status = DeliberationAccess.choice("implementation", Implementation.class, implementation, true,
                errors);
        String text = errors.text("followUp", note, 2000, status == Implementation.DONE);
        if (dockingActionId != null) {
            DockingAction a = em.find(DockingAction.class, dockingActionId);
            if (a == null || !a.getCommunityId().equals(d.getCommunityId())) {
                errors.add("dockingActionId", "deliberation.action.unknown", dockingActionId);
            }
        }
        errors.throwIfAny();
        d.followUp(status, text, dockingActionId, clock.instant());
        Issue issue = em.find(Issue.class, d.getIssueId());
        access.event(issue, "FOLLOWED_UP", status + (text == null ? "" : ": " + text), caller.username());
        em.flush();
        return Reading.decision(d);
    }

    /**
     * The public page of a community's decisions: what was decided, why, how the vote went (counts
     * only) and every veto on the issue with its ground and reason. Anyone, without signing in.
     */
    public Views.PublicPage publicDecisions(String communityCode) {
        Community c = geography.community(communityCode == null ? "" : communityCode)
                .orElseThrow(() -> new NotFoundException("community", communityCode));
        List<Decision> decisions = em.createQuery("select d from Decision d where d.communityId = :c "
                + "order by d.publishedAt desc, d.id desc", Decision.class).setParameter("c", c.getId())
                .setMaxResults(100).getResultList();
        List<Views.PublicDecision> out = decisions.stream().map(d -> {
            String summary = null;
            if (d.getVoteId() != null) {
                Vote v = em.find(Vote.class, d.getVoteId());
                Views.VoteView vv = reading.vote(v);
                int forWinner = vv.options().stream().filter(o -> o.proposalId().equals(d.getProposalId()))
                        .mapToInt(o -> o.votes() == null ? 0 : o.votes()).sum();
                summary = forWinner + "/" + vv.present() + "/" + vv.representatives();
            }
            return new Views.PublicDecision(d.getId(), d.getNature().name(), d.getTitle(), d.getDecisionText(),
                    d.getReasons(), d.getPublishedAt(), d.getImplementation().name(), d.getFollowUp(), summary,
                    reading.vetoesOfIssue(d.getIssueId()).stream().map(x -> new Views.VetoView(x.id(), x.proposalId(),
                            x.proposalRevision(), x.ground(), x.reason(), null, x.at())).toList());
        }).toList();
        return new Views.PublicPage(c.getCode(), c.getName(), out);
    }
}
