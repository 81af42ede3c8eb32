package org.wushe.training.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import org.wushe.points.application.PointAccounts;
import org.wushe.points.application.PointsLedger;
import org.wushe.points.application.PointsService;
import org.wushe.points.domain.AccountKind;
import org.wushe.points.domain.PointAccount;
import org.wushe.points.domain.PointRule;
import org.wushe.points.domain.PointTransaction;
import org.wushe.points.domain.SourceType;
import org.wushe.training.domain.Course;
import org.wushe.training.domain.Enrolment;
import org.wushe.training.domain.TrainingPractice;

/**
 * Turns one practice link (a passed training practised once) into the {@code TRAINING_PRACTISED}
 * points, from the community's pool to the resident, booked at most once (the ledger's unique
 * source). The nightly settlement calls it; internal, no caller checks.
 */
@Stateless
public class TrainingPoints {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @EJB
    PointAccounts accounts;

    @EJB
    PointsLedger ledger;

    @EJB
    PointsService rules;

    /** @return true when booked now; false when there is no such link, it is worth nothing, or was booked */
    public boolean settle(Long practiceId) {
        TrainingPractice p = em.find(TrainingPractice.class, practiceId);
        if (p == null || ledger.isBooked(SourceType.TRAINING_PRACTISED, practiceId)) {
            return false;
        }
        long pts = rules.rule(PointRule.TRAINING_PRACTISED, 0);
        if (pts <= 0) {
            return false;
        }
        Enrolment e = em.find(Enrolment.class, p.getEnrolmentId());
        Course c = em.find(Course.class, e.getCourseId());
        PointAccount pool = accounts.obtain(AccountKind.REWARD_POOL, p.getCommunityId(), null);
        PointAccount volunteer = accounts.obtain(AccountKind.VOLUNTEER, p.getCommunityId(), p.getResidentId());
        LocalDate expires = LocalDate.ofInstant(p.getLinkedAt(), clock.getZone())
                .plusMonths(rules.rule(PointRule.EXPIRY_MONTHS, 24));
        return ledger.post(PointTransaction.transfer(SourceType.TRAINING_PRACTISED, practiceId, p.getCommunityId(), pool,
                volunteer, pts, clock.instant(), expires, c.getTitle()));
    }
}
