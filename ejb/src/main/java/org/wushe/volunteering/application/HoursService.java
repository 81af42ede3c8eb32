package org.wushe.volunteering.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.wushe.community.domain.Community;
import org.wushe.community.domain.Resident;
import org.wushe.notification.application.Notifications;
import org.wushe.notification.domain.NotificationKind;
import org.wushe.points.application.PointsService;
import org.wushe.points.domain.PointRule;
import org.wushe.security.application.CurrentCaller;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.ConflictException;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.WusheException;
import org.wushe.volunteering.domain.ServiceHours;
import org.wushe.volunteering.domain.Verifier;
import org.wushe.volunteering.domain.VolunteerPosition;

/**
 * Service hours: recorded by the volunteer or by staff, verified or rejected by the supervising
 * social worker (a second approver for long records), corrected only by reversal, verified in bulk
 * from the supervisor's weekly queue.
 */
@Stateless
public class HoursService {

    /** What became of one record of a bulk verification. */
    public record Outcome(Long hoursId, ServiceHours.Status status, String refusalKey) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Clock clock;

    @EJB
    PointsService points;

    @EJB
    HoursService self;

    @Inject
    Notifications notifications;

    /**
     * Records hours. A resident records their own ({@link Right#SELF_SERVICE}, {@code residentId}
     * ignored); staff with {@link Right#MANAGE_VOLUNTEERING} record them for a resident of their community.
     */
    public ServiceHours record(Long positionId, Long shiftId, Long residentId, Instant start, Instant end,
                               String description) {
        Caller caller = currentCaller.get();
        VolunteerPosition position = em.find(VolunteerPosition.class, positionId == null ? -1L : positionId);
        if (position == null) {
            throw new NotFoundException("position", positionId);
        }
        Long volunteer;
        if (caller.has(Right.SELF_SERVICE)) {
            if (!position.getCommunityId().equals(caller.communityId())) {
                throw new NotFoundException("position", positionId);
            }
            volunteer = caller.residentId();
        } else {
            caller.require(Right.MANAGE_VOLUNTEERING);
            caller.requireCovers(em.find(Community.class, position.getCommunityId()));
            Resident r = residentId == null ? null : em.find(Resident.class, residentId);
            if (r == null || !r.getCommunity().getId().equals(position.getCommunityId())) {
                throw new NotFoundException("resident", residentId);
            }
            volunteer = residentId;
        }
        ServiceHours h = new ServiceHours(position, shiftId, volunteer, start, end, description, caller.username(),
                clock.instant());
        em.persist(h);
        em.flush();
        return h;
    }

    /** The signed-in volunteer's own records, newest first. */
    public List<ServiceHours> myHours() {
        Caller caller = currentCaller.get();
        caller.require(Right.SELF_SERVICE);
        return em.createQuery("select h from ServiceHours h where h.residentId = :r order by h.startedAt desc, h.id desc",
                ServiceHours.class).setParameter("r", caller.residentId()).setMaxResults(100).getResultList();
    }

    /** Verifies one record by the rules of {@link ServiceHours#verify}. Needs {@link Right#VERIFY_HOURS}. */
    public ServiceHours verify(Long hoursId) {
        Caller caller = currentCaller.get();
        caller.require(Right.VERIFY_HOURS);
        ServiceHours h = load(hoursId, caller);
        int threshold = (int) points.rule(PointRule.SECOND_APPROVAL_MINUTES, 480);
        h.verify(verifier(caller, h), householdOf(h.getResidentId()), threshold, clock.instant());
        if (h.getStatus() == ServiceHours.Status.VERIFIED) {
            tell(h, NotificationKind.HOURS_VERIFIED, null);
        }
        return h;
    }

    /** Rejects one record with a reason. Needs {@link Right#VERIFY_HOURS}. */
    public ServiceHours reject(Long hoursId, String reason) {
        Caller caller = currentCaller.get();
        caller.require(Right.VERIFY_HOURS);
        ServiceHours h = load(hoursId, caller);
        h.reject(verifier(caller, h), householdOf(h.getResidentId()), reason);
        tell(h, NotificationKind.HOURS_REJECTED, h.getRejectionReason());
        return h;
    }

    /** Corrects a verified record by a reversing record with a reason; refuses a second reversal. */
    public ServiceHours reverse(Long hoursId, String reason) {
        Caller caller = currentCaller.get();
        caller.require(Right.VERIFY_HOURS);
        ServiceHours h = load(hoursId, caller);
        Long already = em.createQuery("select count(r) from ServiceHours r where r.reversesId = :id", Long.class)
                .setParameter("id", hoursId).getSingleResult();
        if (already > 0) {
            throw new ConflictException("hours.reverse.twice", "Hours " + hoursId + " are reversed already");
        }
        ServiceHours reversal = h.reversal(verifier(caller, h), householdOf(h.getResidentId()), reason, clock.instant());
        em.persist(reversal);
        em.flush();
        return reversal;
    }

    /**
     * The supervisor's queue: records of the week starting {@code weekStart} waiting for the caller
     * (pending records of positions they supervise, and records awaiting a second approver).
     */
    public List<ServiceHours> queue(LocalDate weekStart) {
        Caller caller = currentCaller.get();
        caller.require(Right.VERIFY_HOURS);
        Instant from = weekStart.atStartOfDay(clock.getZone()).toInstant();
        Instant to = weekStart.plusDays(7).atStartOfDay(clock.getZone()).toInstant();
        return em.createQuery("select h from ServiceHours h where h.communityId = :c and h.startedAt >= :from "
                        + "and h.startedAt < :to and (h.status = :second or (h.status = :pending and h.positionId in "
                        + "(select p.id from VolunteerPosition p where p.supervisorId = :me))) order by h.startedAt, h.id",
                        ServiceHours.class)
                .setParameter("c", caller.communityId()).setParameter("from", from).setParameter("to", to)
                .setParameter("second", ServiceHours.Status.AWAITING_SECOND)
                .setParameter("pending", ServiceHours.Status.PENDING).setParameter("me", caller.accountId())
                .setMaxResults(500).getResultList();
    }

    /**
     * Every record waiting for the caller, of any week (the home page's count leads here), oldest
     * first: the condition of {@link org.wushe.home.application.MyWork#HOURS_WAITING}, at most 500.
     */
    public List<ServiceHours> waiting() {
        Caller caller = currentCaller.get();
        caller.require(Right.VERIFY_HOURS);
        return em.createQuery("select h from ServiceHours h where " + org.wushe.home.application.MyWork.HOURS_WAITING
                        + " order by h.startedAt, h.id", ServiceHours.class)
                .setParameter("c", caller.communityId()).setParameter("me", caller.accountId())
                .setParameter("name", caller.username())
                .setParameter("second", ServiceHours.Status.AWAITING_SECOND)
                .setParameter("pending", ServiceHours.Status.PENDING).setMaxResults(500).getResultList();
    }

    /**
     * Verifies several records, each in its own transaction, and says for each what happened: one
     * refused record (own hours, household...) does not stop the others.
     */
    public List<Outcome> verifyAll(List<Long> hoursIds) {
        currentCaller.get().require(Right.VERIFY_HOURS);
        List<Outcome> outcomes = new ArrayList<>();
        for (Long id : hoursIds) {
            try {
                outcomes.add(new Outcome(id, self.verifyOne(id), null));
            } catch (WusheException e) {
                outcomes.add(new Outcome(id, null, e.key()));
            }
        }
        return outcomes;
    }

    /** One record of a bulk verification, in its own transaction. */
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.REQUIRES_NEW)
    public ServiceHours.Status verifyOne(Long hoursId) {
        return verify(hoursId).getStatus();
    }

    /** Tells the volunteer (through their account, if they have one) what became of their hours. */
    private void tell(ServiceHours h, NotificationKind kind, String reason) {
        notifications.notify(notifications.accountOfResident(h.getResidentId()), h.getCommunityId(), kind, "hours",
                h.getId(), "/volunteering/my.xhtml", h.getStartedAt().atZone(clock.getZone()).toLocalDate(),
                h.getMinutes(), reason);
    }

    private ServiceHours load(Long id, Caller caller) {
        ServiceHours h = id == null ? null : em.find(ServiceHours.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (h == null) {
            throw new NotFoundException("hours", id);
        }
        caller.requireCovers(em.find(Community.class, h.getCommunityId()));
        return h;
    }

    private Verifier verifier(Caller caller, ServiceHours h) {
        VolunteerPosition p = em.find(VolunteerPosition.class, h.getPositionId());
        return new Verifier(caller.username(), caller.accountId(), caller.accountId().equals(p.getSupervisorId()),
                caller.residentId(), caller.residentId() == null ? null : householdOf(caller.residentId()));
    }

    private String householdOf(Long residentId) {
        Resident r = em.find(Resident.class, residentId);
        return r == null ? null : r.getHouseholdCode();
    }
}
