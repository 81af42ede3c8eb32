package org.wushe.deliberation.application;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wushe.deliberation.domain.Ballot;
import org.wushe.deliberation.domain.Decision;
import org.wushe.deliberation.domain.Meeting;
import org.wushe.deliberation.domain.Proposal;
import org.wushe.deliberation.domain.Representative;
import org.wushe.deliberation.domain.Veto;
import org.wushe.deliberation.domain.Vote;
import org.wushe.deliberation.domain.VoteOption;
import org.wushe.deliberation.domain.VoteStatus;

/** Turns the stored records into the views; no checks (the services check before they read). */
@Dependent
class Reading {

    @PersistenceContext
    EntityManager em;

    List<Views.VetoView> vetoesOfIssue(Long issueId) {
        return em.createQuery("select v from Veto v where v.issueId = :i order by v.vetoedAt, v.id", Veto.class)
                .setParameter("i", issueId).getResultList().stream().map(Reading::veto).toList();
    }

    static Views.VetoView veto(Veto v) {
        return new Views.VetoView(v.getId(), v.getProposalId(), v.getProposalRevision(), v.getGround().name(),
                v.getReason(), v.getVetoedByName(), v.getVetoedAt());
    }

    List<Views.ProposalView> proposals(Long issueId) {
        List<Views.VetoView> vetoes = vetoesOfIssue(issueId);
        return em.createQuery("select p from Proposal p where p.issueId = :i order by p.submittedAt, p.id", Proposal.class)
                .setParameter("i", issueId).getResultList().stream()
                .map(p -> new Views.ProposalView(p.getId(), p.getTitle(), p.getBody(), p.getCostFen(), p.getStatus().name(),
                        p.getRevision(), p.getSubmittedBy(), p.getSubmittedAt(),
                        vetoes.stream().filter(v -> v.proposalId().equals(p.getId())).toList()))
                .toList();
    }

    List<Views.VoteView> votes(Long issueId) {
        return em.createQuery("select v from Vote v where v.issueId = :i order by v.openedAt, v.id", Vote.class)
                .setParameter("i", issueId).getResultList().stream().map(this::vote).toList();
    }

    Views.VoteView vote(Vote v) {
        boolean open = v.getStatus() == VoteStatus.OPEN;
        Meeting m = em.find(Meeting.class, v.getMeetingId());
        List<Views.OptionView> options = em.createQuery("select o, p.title from VoteOption o, Proposal p "
                        + "where o.voteId = :v and p.id = o.proposalId order by o.id", Object[].class)
                .setParameter("v", v.getId()).getResultList().stream()
                .map(r -> new Views.OptionView(((VoteOption) r[0]).getProposalId(), (String) r[1],
                        open ? null : ((VoteOption) r[0]).getVotes()))
                .toList();
        Map<Long, String> names = new HashMap<>();
        List<Object[]> rows = em.createQuery("select b, r from Ballot b, Representative r where b.voteId = :v "
                        + "and r.id = b.representativeId order by r.name, r.id", Object[].class)
                .setParameter("v", v.getId()).getResultList();
        List<Views.BallotView> ballots = rows.stream().map(r -> {
            Ballot b = (Ballot) r[0];
            Representative rep = (Representative) r[1];
            names.put(rep.getId(), rep.getName());
            return new Views.BallotView(rep.getId(), rep.getName(), b.isRecused(), b.getConflictReason(),
                    b.getChoice() == null ? null : b.getChoice().name(), b.getProposalId());
        }).toList();
        return new Views.VoteView(v.getId(), v.getIssueId(), v.getMeetingId(), m == null ? null : m.getTitle(),
                v.isSecret(), v.getStatus().name(), v.quorum().toString(), v.majority().toString(),
                v.getRepresentatives(), v.getPresentCount(), open ? null : v.getAgainstCount(),
                open ? null : v.getAbstainCount(), v.getRecusedCount(), v.getWinningProposalId(), v.getOpenedAt(),
                v.getClosedAt(), options, ballots);
    }

    static Views.DecisionView decision(Decision d) {
        return d == null ? null : new Views.DecisionView(d.getId(), d.getIssueId(), d.getNature().name(), d.getTitle(),
                d.getDecisionText(), d.getReasons(), d.getProposalId(), d.getVoteId(), d.getPublishedAt(),
                d.getImplementation().name(), d.getFollowUp(), d.getDockingActionId(), d.getFollowedUpAt());
    }

    Decision decisionOf(Long issueId) {
        return em.createQuery("select d from Decision d where d.issueId = :i", Decision.class)
                .setParameter("i", issueId).getResultStream().findFirst().orElse(null);
    }
}
