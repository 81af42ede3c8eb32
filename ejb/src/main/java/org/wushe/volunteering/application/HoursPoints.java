package org.wushe.volunteering.application;

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
import org.wushe.volunteering.domain.ServiceHours;
import org.wushe.volunteering.domain.VolunteerPosition;

/**
 * Turns one verified hours record into points: {@code HOUR.<position type>} (or
 * {@code HOUR.DEFAULT}) points per hour, pro rata to the minute and rounded down, from the
 * community's pool to the volunteer, expiring after {@code EXPIRY_MONTHS}; a reversal takes them
 * back. Booked at most once per record (the ledger's unique source). The nightly settlement calls it;
 * internal, no caller checks.
 */
@Stateless
public class HoursPoints {

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

    /** Points a record is worth, by the rules now in force. */
    public long pointsFor(ServiceHours h, String positionType) {
        long perHour = rules.rule(PointRule.HOUR_PREFIX + positionType, rules.rule(PointRule.HOUR_DEFAULT, 0));
        return perHour * h.getMinutes() / 60;
    }

    /** @return true when booked now; false when not verified, worth nothing, or booked before */
    public boolean settle(Long hoursId) {
        ServiceHours h = em.find(ServiceHours.class, hoursId);
        if (h == null || h.getStatus() != ServiceHours.Status.VERIFIED
                || ledger.isBooked(SourceType.SERVICE_HOURS, hoursId)) {
            return false;
        }
        VolunteerPosition p = em.find(VolunteerPosition.class, h.getPositionId());
        long pts = pointsFor(h, p.getType());
        if (pts == 0) {
            return false;
        }
        PointAccount pool = accounts.obtain(AccountKind.REWARD_POOL, h.getCommunityId(), null);
        PointAccount volunteer = accounts.obtain(AccountKind.VOLUNTEER, h.getCommunityId(), h.getResidentId());
        LocalDate expires = LocalDate.ofInstant(h.getVerifiedAt(), clock.getZone())
                .plusMonths(rules.rule(PointRule.EXPIRY_MONTHS, 24));
        PointTransaction t = pts > 0
                ? PointTransaction.transfer(SourceType.SERVICE_HOURS, hoursId, h.getCommunityId(), pool, volunteer, pts,
                clock.instant(), expires, p.getName())
                : PointTransaction.transfer(SourceType.SERVICE_HOURS, hoursId, h.getCommunityId(), volunteer, pool, -pts,
                clock.instant(), null, p.getName() + " (reversal)");
        return ledger.post(t);
    }
}
