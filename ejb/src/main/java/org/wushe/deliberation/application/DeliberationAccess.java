package org.wushe.deliberation.application;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.wushe.community.domain.Community;
import org.wushe.deliberation.domain.Decision;
import org.wushe.deliberation.domain.Issue;
import org.wushe.deliberation.domain.IssueEvent;
import org.wushe.deliberation.domain.Representative;
import org.wushe.deliberation.domain.VoteRule;
import org.wushe.notification.application.Broadcasts;
import org.wushe.notification.domain.NotificationKind;
import org.wushe.security.application.CommunityReach;
import org.wushe.security.application.CurrentCaller;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.security.domain.Role;
import org.wushe.shared.Choices;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.NotPermittedException;
import org.wushe.shared.ValidationException;

/**
 * The deliberation services' shared checks and reads: who calls, with which right and role, whether
 * the community lies in their scope (a resident reaches their own community only), the issue's
 * history, the community's current representatives and its vote rules.
 */
@Dependent
public class DeliberationAccess {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    CommunityReach reach;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    Broadcasts broadcasts;

    public Caller caller() {
        return currentCaller.get();
    }

    /** The caller, who must hold the right. */
    public Caller caller(Right right) {
        return currentCaller.require(right);
    }

    public boolean isResident(Caller c) {
        return c.has(Right.SELF_SERVICE) && c.residentId() != null;
    }

    /** The community by code, required, in the caller's scope ({@link Caller#coversAsResident}). */
    public Community community(Caller caller, String code) {
        return reach.asResident(caller, code);
    }

    public Community community(Caller caller, Long id) {
        return reach.asResident(caller, id);
    }

    /** Staff who may see the zone, or a resident of the community: who may read an issue. */
    public Caller reader(Long communityId) {
        Caller c = currentCaller.get();
        if (!isResident(c)) {
            c.require(Right.VIEW_DELIBERATION);
        }
        community(c, communityId);
        return c;
    }

    /** Staff with {@link Right#DELIBERATE} whose scope covers the community. */
    public Caller staff(Long communityId) {
        Caller c = caller(Right.DELIBERATE);
        c.requireCovers(community(c, communityId));
        return c;
    }

    /** Staff of the community in one of the roles the workflow names for the step. */
    public Caller staffInRole(Long communityId, String step, Role... roles) {
        Caller c = staff(communityId);
        for (Role r : roles) {
            if (c.role() == r) {
                return c;
            }
        }
        throw new NotPermittedException("deliberation.role." + step, "Step " + step + " is for " + List.of(roles));
    }

    public Issue issue(Long id) {
        Issue i = id == null ? null : em.find(Issue.class, id);
        if (i == null) {
            throw new NotFoundException("issue", id);
        }
        return i;
    }

    public void event(Issue issue, String kind, String detail, String actor) {
        em.persist(new IssueEvent(issue.getId(), kind, detail, clock.instant(), actor));
    }

    /**
     * Tells every account of the issue's community that its decision is published (set-based, in
     * the deciding transaction): the issue's title and the decision's first line.
     */
    public void published(Issue issue, Decision decision) {
        em.flush();
        String text = decision.getDecisionText() == null ? "" : decision.getDecisionText().strip().lines().findFirst().orElse("");
        broadcasts.notifyCommunity(issue.getCommunityId(), NotificationKind.DECISION_PUBLISHED, "issue", issue.getId(),
                "/deliberation/issue.xhtml?id=" + issue.getId(), issue.getTitle(),
                text.length() > 100 ? text.substring(0, 99) + "…" : text);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The community's vote rules, the defaults when it has none of its own. */
    public VoteRule rules(Long communityId) {
        VoteRule r = em.find(VoteRule.class, communityId);
        return r != null ? r : new VoteRule(communityId);
    }

    /** The representatives whose term covers today. */
    public List<Representative> currentRepresentatives(Long communityId) {
        LocalDate today = today();
        return em.createQuery("select r from Representative r where r.communityId = :c and r.termStart <= :d "
                        + "and r.termEnd >= :d order by r.name, r.id", Representative.class)
                .setParameter("c", communityId).setParameter("d", today).getResultList();
    }

    /**
     * Reads a choice ({@link Choices}): blank is {@code error.required} when required, null otherwise;
     * unknown text is {@code error.choice}.
     */
    public static <E extends Enum<E>> E choice(String field, Class<E> type, String value, boolean required,
                                               ValidationException.Collector errors) {
        return required ? Choices.required(field, type, value, errors)
                : Choices.optional(field, type, value, null, errors);
    }
}
