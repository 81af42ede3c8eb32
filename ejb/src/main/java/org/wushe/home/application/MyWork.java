package org.wushe.home.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.wushe.casework.domain.ReferralStatus;
import org.wushe.community.domain.Community;
import org.wushe.docking.domain.ActionStatus;
import org.wushe.docking.domain.NeedStatus;
import org.wushe.fund.domain.ExpenditureStatus;
import org.wushe.security.application.CurrentCaller;
import org.wushe.security.application.PersonScope;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.security.domain.Role;
import org.wushe.volunteering.domain.ServiceHours;

/**
 * "My work", the home page: for the signed-in caller, the lines of what waits for them, each a count
 * with the oldest item's time or the nearest deadline and the filtered list it opens. Every line is
 * one aggregate query (count and min, grouped where one query serves several lines), scoped exactly
 * as the list it leads to; lines with nothing waiting are left out.
 */
@Stateless
public class MyWork {

    /** Import runs with refused lines are shown to operators for this many days after they ran. */
    static final Duration IMPORT_WINDOW = Duration.ofDays(7);

    /** The statuses of a need that wait for staff, in the order of the loop, each its own line. */
    private static final List<NeedStatus> NEEDS_WAITING = List.of(NeedStatus.REGISTERED, NeedStatus.REOPENED,
            NeedStatus.ASSESSED);

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Clock clock;

    @Inject
    ZoneWork zones;

    @Inject
    SystemWork system;

    /** The caller's lines, in a fixed order; only lines with a count above zero. */
    public List<WorkLine> lines() {
        Caller caller = currentCaller.get();
        Instant now = clock.instant();
        List<WorkLine> lines = new ArrayList<>();
        if (caller.communityId() != null && caller.role() != Role.RESIDENT) {
            if (caller.has(Right.RUN_CASEWORK) || caller.has(Right.CONVENE_JOINT_MEETINGS)) {
                referralsAwaiting(caller, now, lines);
            }
            if (caller.has(Right.LOG_GRID_WORK)) {
                referralsReturned(caller, now, lines);
            }
            if (caller.has(Right.VERIFY_HOURS)) {
                hoursToVerify(caller, now, lines);
            }
            if (caller.has(Right.APPROVE_EXPENDITURES)) {
                expendituresToApprove(caller, now, lines);
            }
            if (caller.has(Right.HANDLE_NEEDS)) {
                overdueActions(caller, now, lines);
            }
            if (caller.has(Right.VIEW_DOCKING)) {
                needsWaiting(caller, now, lines);
            }
            if (caller.has(Right.RUN_CASEWORK) || caller.has(Right.CONVENE_JOINT_MEETINGS)) {
                zones.meetingTasksOverdue(caller.username(), caller.communityId(), communityCode(caller), now, lines);
            }
            if (caller.has(Right.DELIBERATE)) {
                zones.meetingsToRecord(caller.communityId(), communityCode(caller), now, lines);
            }
            if (caller.has(Right.MANAGE_TRAINING)) {
                zones.trainingAttendance(caller.communityId(), communityCode(caller), now, lines);
            }
            if (caller.has(Right.MANAGE_VOLUNTEERING)) {
                zones.certificatesExpiring(caller.communityId(), now, lines);
            }
        }
        if (caller.role() == Role.RESIDENT && caller.residentId() != null) {
            myShifts(caller, now, lines);
            zones.votesOpen(caller.residentId(), now, lines);
            zones.callsAnswered(caller.residentId(), now, lines);
            zones.myPoints(caller.residentId(), now, lines);
        }
        if (caller.has(Right.OPERATE_JOBS)) {
            importsRefused(now, lines);
            system.jobsFailed(now, lines);
        }
        if (caller.has(Right.VIEW_ASSESSMENT) && caller.communityId() == null) {
            system.reportsReady(now, lines);
        }
        return lines;
    }

    /**
     * Referrals waiting for the caller's decision: pending ones they own before their deadline (the
     * nearest deadline is when the first one escalates) and escalated ones they own; for the Party
     * secretary also the community's pending ones past their deadline, which the inbox escalates to
     * them as it opens. The same condition as {@code ReferralService.inbox} with {@code awaiting}.
     */
    private void referralsAwaiting(Caller caller, Instant now, List<WorkLine> lines) {
        boolean secretary = caller.role() == Role.PARTY_SECRETARY;
        TypedQuery<Object[]> q = em.createQuery("select r.status, count(r), min(r.dueAt) from Referral r where "
                        + "((r.owner = :me and ((r.status = :p and r.dueAt >= :now) or r.status = :e))"
                        + (secretary ? " or (r.communityId = :c and r.status = :p and r.dueAt < :now)" : "")
                        + ") group by r.status", Object[].class)
                .setParameter("me", caller.username()).setParameter("p", ReferralStatus.PENDING)
                .setParameter("e", ReferralStatus.ESCALATED).setParameter("now", now);
        if (secretary) {
            q.setParameter("c", caller.communityId());
        }
        long count = 0;
        Instant due = null;
        for (Object[] r : q.getResultList()) {
            count += (Long) r[1];
            if (r[0] == ReferralStatus.PENDING && caller.role() != Role.PARTY_SECRETARY) {
                due = (Instant) r[2];
            }
        }
        add(lines, now, "referralsAwaiting", count, null, due, "/casework/referrals", Map.of("show", "awaiting"));
    }

    /** Referrals returned to the calling grid worker, to resubmit or withdraw; oldest return first. */
    private void referralsReturned(Caller caller, Instant now, List<WorkLine> lines) {
        Object[] r = em.createQuery("select count(r), min(r.handledAt) from Referral r where r.owner = :me "
                        + "and r.status = :s", Object[].class)
                .setParameter("me", caller.username()).setParameter("s", ReferralStatus.RETURNED).getSingleResult();
        add(lines, now, "referralsReturned", (Long) r[0], (Instant) r[1], null, "/casework/referrals",
                Map.of("show", "returned"));
    }

    /** Service hours waiting for the caller (the oldest: the earliest service), as {@code HoursService.waiting}. */
    private void hoursToVerify(Caller caller, Instant now, List<WorkLine> lines) {
        Object[] r = em.createQuery("select count(h), min(h.startedAt) from ServiceHours h where "
                        + HOURS_WAITING, Object[].class)
                .setParameter("c", caller.communityId()).setParameter("me", caller.accountId())
                .setParameter("name", caller.username())
                .setParameter("second", ServiceHours.Status.AWAITING_SECOND)
                .setParameter("pending", ServiceHours.Status.PENDING).getSingleResult();
        add(lines, now, "hoursToVerify", (Long) r[0], (Instant) r[1], null, "/volunteering/queue",
                Map.of("all", "true"));
    }

    /**
     * The condition of service hours waiting for a verifier ({@code :c} community, {@code :me}
     * account id, {@code :name} user name): pending records of positions they supervise, and
     * records awaiting a second approver whose first approver was someone else.
     */
    public static final String HOURS_WAITING = "h.communityId = :c and ((h.status = :second and "
            + "(h.firstVerifier is null or h.firstVerifier <> :name)) or (h.status = :pending and h.positionId in "
            + "(select p.id from VolunteerPosition p where p.supervisorId = :me)))";

    /** Expenditures of the community waiting for approval, never the caller's own requests. */
    private void expendituresToApprove(Caller caller, Instant now, List<WorkLine> lines) {
        Object[] r = em.createQuery("select count(e), min(e.requestedAt) from Expenditure e where "
                        + "e.communityId = :c and e.status = :s and e.requestedBy <> :me", Object[].class)
                .setParameter("c", caller.communityId()).setParameter("s", ExpenditureStatus.PENDING)
                .setParameter("me", caller.username()).getSingleResult();
        add(lines, now, "expendituresToApprove", (Long) r[0], (Instant) r[1], null, "/fund/projects",
                Map.of("community", communityCode(caller), "awaiting", "true"));
    }

    /** Docking actions the caller owns that are planned or started and past their due day. */
    private void overdueActions(Caller caller, Instant now, List<WorkLine> lines) {
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        Object[] r = em.createQuery("select count(a), min(a.dueOn) from DockingAction a where a.communityId = :c "
                        + "and a.owner = :me and a.status in :active and a.dueOn < :today", Object[].class)
                .setParameter("c", caller.communityId()).setParameter("me", caller.username())
                .setParameter("active", ActionStatus.activeSet()).setParameter("today", today).getSingleResult();
        LocalDate oldest = (LocalDate) r[1];
        add(lines, now, "actionsOverdue", (Long) r[0], null,
                oldest == null ? null : oldest.atStartOfDay(clock.getZone()).toInstant(), "/docking/needs",
                Map.of("overdue", "true"));
    }

    /**
     * Needs waiting for assessment (registered, reopened) or matching (assessed), one line per
     * status, from one grouped query; a grid worker counts their own cells only, as their board.
     */
    private void needsWaiting(Caller caller, Instant now, List<WorkLine> lines) {
        TypedQuery<Object[]> q = em.createQuery("select n.status, count(n), min(n.registeredAt) from Need n "
                        + "where n.community.id = :c and n.status in :s"
                        + PersonScope.gridIn(caller, "n.gridCell.id") + " group by n.status", Object[].class)
                .setParameter("c", caller.communityId()).setParameter("s", NEEDS_WAITING);
        PersonScope.bind(caller, q);
        Map<NeedStatus, Object[]> found = new EnumMap<>(NeedStatus.class);
        q.getResultList().forEach(r -> found.put((NeedStatus) r[0], r));
        for (NeedStatus s : NEEDS_WAITING) {
            Object[] r = found.get(s);
            if (r != null) {
                add(lines, now, "needs" + s.name(), (Long) r[1], (Instant) r[2], null, "/docking/needs",
                        Map.of("status", s.name()));
            }
        }
    }

    /** A resident's shifts to come (the nearest is the next one); their volunteering page lists them. */
    private void myShifts(Caller caller, Instant now, List<WorkLine> lines) {
        Object[] r = em.createQuery("select count(s), min(sh.startsAt) from ShiftSignup s, Shift sh where "
                        + "s.shiftId = sh.id and s.residentId = :r and sh.startsAt >= :now", Object[].class)
                .setParameter("r", caller.residentId()).setParameter("now", now).getSingleResult();
        add(lines, now, "myShifts", (Long) r[0], null, (Instant) r[1], "/volunteering/my", Map.of());
    }

    /** Import runs of the last week that refused lines; their reports are on the operator's console. */
    private void importsRefused(Instant now, List<WorkLine> lines) {
        Object[] r = em.createQuery("select count(i), min(i.startedAt) from ImportRun i where i.rejected > 0 "
                        + "and i.startedAt >= :from", Object[].class)
                .setParameter("from", now.minus(IMPORT_WINDOW)).getSingleResult();
        add(lines, now, "importsRefused", (Long) r[0], (Instant) r[1], null, "/operator/jobs", Map.of());
    }

    private String communityCode(Caller caller) {
        return em.find(Community.class, caller.communityId()).getCode();
    }

    static void add(List<WorkLine> lines, Instant now, String kind, long count, Instant since, Instant due,
                            String outcome, Map<String, String> params) {
        if (count > 0) {
            lines.add(new WorkLine(kind, count, since, due, outcome, params, now));
        }
    }
}
