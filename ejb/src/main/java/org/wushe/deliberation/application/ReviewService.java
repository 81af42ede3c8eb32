package org.wushe.deliberation.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.wushe.community.domain.Community;
import org.wushe.deliberation.domain.CorrectiveAction;
import org.wushe.deliberation.domain.Review;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.ConflictException;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.ValidationException;

/**
 * The platform's self-examination (docs/deliberation.md, "Self-examination"): regular reviews, by default quarterly (the
 * community's {@code review_months}), scoring mass satisfaction, coordination efficiency and
 * public-welfare ethics from 0 to 100, with findings and corrective actions that have an owner and a
 * deadline and are tracked to closure; open actions past their deadline show as overdue. Recorded with
 * {@link Right#REVIEW_PLATFORM}; read by staff who see the zone.
 */
@Stateless
public class ReviewService {

    @PersistenceContext
    EntityManager em;

    @Inject
    DeliberationAccess access;

    @Inject
    Clock clock;

    /** Records a review of a period; one review per community and period start. */
    public Review record(String communityCode, LocalDate periodStart, LocalDate periodEnd, Integer satisfaction,
                         Integer coordination, Integer ethics, String findings) {
        Caller caller = access.caller(Right.REVIEW_PLATFORM);
        Community c = access.community(caller, communityCode);
        caller.requireCovers(c);
        ValidationException.Collector errors = new ValidationException.Collector();
        if (periodStart == null) {
            errors.add("periodStart", "error.required");
        }
        if (periodEnd == null) {
            errors.add("periodEnd", "error.required");
        } else if (periodStart != null && periodEnd.isBefore(periodStart)) {
            errors.add("periodEnd", "review.period.order");
        } else if (periodEnd.isAfter(access.today())) {
            errors.add("periodEnd", "review.period.future");
        }
        score("satisfaction", satisfaction, errors);
        score("coordination", coordination, errors);
        score("ethics", ethics, errors);
        String f = errors.text("findings", findings, 4000, true);
        errors.throwIfAny();
        long twice = em.createQuery("select count(r) from Review r where r.communityId = :c and r.periodStart = :s",
                Long.class).setParameter("c", c.getId()).setParameter("s", periodStart).getSingleResult();
        if (twice > 0) {
            throw new ConflictException("review.twice", "Period already reviewed", periodStart.toString());
        }
        Review r = new Review(c.getId(), periodStart, periodEnd, satisfaction, coordination, ethics, f,
                caller.username(), clock.instant());
        em.persist(r);
        em.flush();
        return r;
    }

    /** Adds a corrective action to a review: what, who owns it, by when. */
    public CorrectiveAction addAction(Long reviewId, String description, String owner, LocalDate dueOn) {
        Review r = reviewId == null ? null : em.find(Review.class, reviewId);
        if (r == null) {
            throw new NotFoundException("review", reviewId);
        }
        reviewer(r.getCommunityId());
        ValidationException.Collector errors = new ValidationException.Collector();
        String d = errors.text("description", description, 1000, true);
        String o = errors.text("owner", owner, 100, true);
        if (dueOn == null) {
            errors.add("dueOn", "error.required");
        } else if (dueOn.isBefore(r.getReviewedAt().atZone(clock.getZone()).toLocalDate())) {
            errors.add("dueOn", "review.due.past");
        }
        errors.throwIfAny();
        CorrectiveAction a = new CorrectiveAction(r, d, o, dueOn);
        em.persist(a);
        em.flush();
        return a;
    }

    /** Closes a corrective action with a note on what was done. */
    public CorrectiveAction closeAction(Long actionId, String note) {
        CorrectiveAction a = actionId == null ? null
                : em.find(CorrectiveAction.class, actionId, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            throw new NotFoundException("correctiveAction", actionId);
        }
        Caller caller = reviewer(a.getCommunityId());
        ValidationException.Collector errors = new ValidationException.Collector();
        String n = errors.text("closingNote", note, 1000, true);
        errors.throwIfAny();
        a.close(n, caller.username(), access.today());
        em.flush();
        return a;
    }

    /** The community's reviews, newest first, with their actions, when the next review is due and what is overdue. */
    public Views.ReviewsPage reviews(String communityCode) {
        Caller caller = access.caller();
        if (!caller.has(Right.REVIEW_PLATFORM)) {
            caller.require(Right.VIEW_DELIBERATION);
        }
        Community c = access.community(caller, communityCode);
        caller.requireCovers(c);
        LocalDate today = access.today();
        List<Review> reviews = em.createQuery("select r from Review r where r.communityId = :c "
                + "order by r.periodEnd desc, r.id desc", Review.class).setParameter("c", c.getId())
                .setMaxResults(40).getResultList();
        List<CorrectiveAction> actions = reviews.isEmpty() ? List.of()
                : em.createQuery("select a from CorrectiveAction a where a.reviewId in :ids order by a.dueOn, a.id",
                        CorrectiveAction.class).setParameter("ids", reviews.stream().map(Review::getId).toList())
                .getResultList();
        List<Views.ReviewView> views = reviews.stream().map(r -> new Views.ReviewView(r.getId(), r.getPeriodStart(),
                r.getPeriodEnd(), r.getSatisfactionScore(), r.getCoordinationScore(), r.getEthicsScore(),
                r.getFindings(), r.getReviewedBy(), r.getReviewedAt(),
                actions.stream().filter(a -> a.getReviewId().equals(r.getId())).map(a -> new Views.CorrectiveView(
                        a.getId(), a.getReviewId(), a.getDescription(), a.getOwner(), a.getDueOn(), a.getClosedOn(),
                        a.getClosingNote(), a.isOverdue(today))).toList())).toList();
        int months = access.rules(c.getId()).getReviewMonths();
        LocalDate nextDue = reviews.isEmpty() ? today : reviews.get(0).getPeriodEnd().plusMonths(months);
        long overdue = em.createQuery("select count(a) from CorrectiveAction a where a.communityId = :c "
                        + "and a.closedOn is null and a.dueOn < :t", Long.class)
                .setParameter("c", c.getId()).setParameter("t", today).getSingleResult();
        return new Views.ReviewsPage(views, nextDue, today.isAfter(nextDue), overdue);
    }

    private Caller reviewer(Long communityId) {
        Caller caller = access.caller(Right.REVIEW_PLATFORM);
        caller.requireCovers(access.community(caller, communityId));
        return caller;
    }

    private static void score(String field, Integer value, ValidationException.Collector errors) {
        if (value == null) {
            errors.add(field, "error.required");
        } else if (value < 0 || value > 100) {
            errors.add(field, "review.score.range");
        }
    }
}
