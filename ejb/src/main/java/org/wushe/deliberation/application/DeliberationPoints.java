package org.wushe.deliberation.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.wushe.deliberation.domain.MeetingAttendance;
import org.wushe.deliberation.domain.Meeting;
import org.wushe.points.application.PointAccounts;
import org.wushe.points.application.PointsLedger;
import org.wushe.points.application.PointsService;
import org.wushe.points.domain.AccountKind;
import org.wushe.points.domain.PointAccount;
import org.wushe.points.domain.PointRule;
import org.wushe.points.domain.PointTransaction;
import org.wushe.points.domain.SourceType;

/**
 * Turns one attendance row (a representative present at a meeting) into the bureau's
 * {@code DELIBERATION_ATTENDANCE} points, from the community's pool to the resident, booked at most
 * once (the ledger's unique source) and marked settled. The nightly settlement reads
 * {@link #unsettled} and calls {@link #settle} for each; internal, no caller checks.
 */
@Stateless
public class DeliberationPoints {

    /** The bureau's point rule for attending a deliberation meeting. */
    public static final String RULE = "DELIBERATION_ATTENDANCE";

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

    /** Ids of attendance rows not yet settled, in id order after {@code afterId} (a page for the batch reader). */
    public List<Long> unsettled(long afterId, int max) {
        return em.createQuery("select a.id from MeetingAttendance a where a.settled = false and a.id > :after order by a.id",
                Long.class).setParameter("after", afterId).setMaxResults(max).getResultList();
    }

    /** @return true when booked now; false when there is no such row, it is worth nothing, or was booked */
    public boolean settle(Long attendanceId) {
        MeetingAttendance a = attendanceId == null ? null
                : em.find(MeetingAttendance.class, attendanceId, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            return false;
        }
        if (ledger.isBooked(SourceType.DELIBERATION_ATTENDANCE, attendanceId)) {
            a.markSettled();
            return false;
        }
        long pts = rules.rule(RULE, 0);
        if (pts <= 0) {
            return false;
        }
        Meeting m = em.find(Meeting.class, a.getMeetingId());
        PointAccount pool = accounts.obtain(AccountKind.REWARD_POOL, a.getCommunityId(), null);
        PointAccount resident = accounts.obtain(AccountKind.VOLUNTEER, a.getCommunityId(), a.getResidentId());
        LocalDate expires = LocalDate.ofInstant(m.getHeldAt(), clock.getZone())
                .plusMonths(rules.rule(PointRule.EXPIRY_MONTHS, 24));
        boolean booked = ledger.post(PointTransaction.transfer(SourceType.DELIBERATION_ATTENDANCE, attendanceId,
                a.getCommunityId(), pool, resident, pts, clock.instant(), expires, m.getTitle()));
        a.markSettled();
        return booked;
    }
}
