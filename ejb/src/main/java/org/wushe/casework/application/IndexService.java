package org.wushe.casework.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.wushe.casework.domain.CaseOutcome;
import org.wushe.casework.domain.CaseStage;
import org.wushe.casework.domain.CoordinationIndex;
import org.wushe.casework.domain.CoordinationIndex.GridWorkerFigures;
import org.wushe.casework.domain.CoordinationIndex.Result;
import org.wushe.casework.domain.CoordinationIndex.SocialWorkerFigures;
import org.wushe.casework.domain.ReferralStatus;
import org.wushe.community.domain.Community;
import org.wushe.community.domain.GridCell;
import org.wushe.security.domain.Account;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.security.domain.Role;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.ValidationException;
import org.wushe.training.domain.TargetGroup;

/**
 * The two coordination indices of a worker for a period (docs/indices.md), counted from the records
 * and computed by {@link CoordinationIndex}. For the worker themself and for roles with
 * {@link Right#VIEW_CASEWORK_FIGURES} over the worker's community; the nightly assessment will
 * snapshot them.
 */
@Stateless
public class IndexService {

    @PersistenceContext
    EntityManager em;

    @Inject
    CaseworkAccess access;

    @Inject
    Clock clock;

    /** A worker with their index. */
    public record WorkerIndex(String username, String displayName, String role, Result result) {
    }

    /** The professional coordination index of a grid worker for {@code from}–{@code to} (inclusive). */
    public Result gridWorker(String username, LocalDate from, LocalDate to) {
        Account a = worker(username, Role.GRID_WORKER, from, to);
        return CoordinationIndex.professionalCoordination(gridWorkerFigures(a, from, to));
    }

    /** The grid integration index of a social worker for {@code from}–{@code to} (inclusive). */
    public Result socialWorker(String username, LocalDate from, LocalDate to) {
        Account a = worker(username, Role.SOCIAL_WORKER, from, to);
        return CoordinationIndex.gridIntegration(socialWorkerFigures(a, from, to));
    }

    /** Both indices for every grid worker and social worker of a community ({@link Right#VIEW_CASEWORK_FIGURES}). */
    public List<WorkerIndex> community(String communityCode, LocalDate from, LocalDate to) {
        Caller caller = access.caller(Right.VIEW_CASEWORK_FIGURES);
        Community c = access.community(caller, communityCode);
        checkPeriod(from, to);
        List<WorkerIndex> out = new ArrayList<>();
        for (Account a : em.createQuery("select a from Account a where a.community.id = :c and a.enabled = true "
                        + "and a.role in :roles order by a.role, a.username", Account.class)
                .setParameter("c", c.getId()).setParameter("roles", Set.of(Role.GRID_WORKER, Role.SOCIAL_WORKER))
                .setMaxResults(500).getResultList()) {
            Result r = a.getRole() == Role.GRID_WORKER
                    ? CoordinationIndex.professionalCoordination(gridWorkerFigures(a, from, to))
                    : CoordinationIndex.gridIntegration(socialWorkerFigures(a, from, to));
            out.add(new WorkerIndex(a.getUsername(), a.getDisplayName(), a.getRole().name(), r));
        }
        return out;
    }

    /**
     * The nightly snapshot: both indices of every enabled grid worker and social worker for the
     * month so far (to {@code today} at the latest), the month's rows replaced. Internal to the
     * nightly job: no caller checks. @return how many workers
     */
    public int snapshot(YearMonth month, LocalDate today) {
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth().isAfter(today) ? today : month.atEndOfMonth();
        if (to.isBefore(from)) {
            return 0;
        }
        java.sql.Date period = java.sql.Date.valueOf(from);
        em.createNativeQuery("DELETE FROM worker_snapshot WHERE period_month = ?").setParameter(1, period).executeUpdate();
        java.sql.Timestamp now = java.sql.Timestamp.from(clock.instant());
        int workers = 0;
        long after = 0;
        while (true) {
            List<Account> page = em.createQuery("select a from Account a where a.id > :after and a.enabled = true "
                            + "and a.community is not null and a.role in :roles order by a.id", Account.class)
                    .setParameter("after", after).setParameter("roles", Set.of(Role.GRID_WORKER, Role.SOCIAL_WORKER))
                    .setMaxResults(500).getResultList();
            if (page.isEmpty()) {
                return workers;
            }
            for (Account a : page) {
                Result r = a.getRole() == Role.GRID_WORKER
                        ? CoordinationIndex.professionalCoordination(gridWorkerFigures(a, from, to))
                        : CoordinationIndex.gridIntegration(socialWorkerFigures(a, from, to));
                em.createNativeQuery("INSERT INTO worker_snapshot (period_month, account_id, community_id, index_code,"
                                + " score, taken_at) VALUES (?, ?, ?, ?, ?, ?)")
                        .setParameter(1, period).setParameter(2, a.getId()).setParameter(3, a.getCommunity().getId())
                        .setParameter(4, r.index()).setParameter(5, r.score()).setParameter(6, now).executeUpdate();
                workers++;
                after = a.getId();
            }
            em.clear();
        }
    }

    private Account worker(String username, Role role, LocalDate from, LocalDate to) {
        Caller caller = access.caller();
        checkPeriod(from, to);
        Account a = em.createQuery("select a from Account a where a.username = :u", Account.class)
                .setParameter("u", username == null ? "" : username.strip()).getResultStream().findFirst()
                .filter(x -> x.getRole() == role && x.getCommunity() != null)
                .orElseThrow(() -> new NotFoundException("worker", username));
        if (!a.getId().equals(caller.accountId())) {
            caller.require(Right.VIEW_CASEWORK_FIGURES);
            access.community(caller, a.getCommunity().getId());
        }
        return a;
    }

    private static void checkPeriod(LocalDate from, LocalDate to) {
        ValidationException.Collector errors = new ValidationException.Collector();
        if (from == null) {
            errors.add("from", "error.required");
        }
        if (to == null) {
            errors.add("to", "error.required");
        } else if (from != null && to.isBefore(from)) {
            errors.add("to", "index.period.order");
        } else if (from != null && to.isAfter(from.plusYears(1))) {
            errors.add("to", "index.period.tooLong");
        }
        errors.throwIfAny();
    }

    private GridWorkerFigures gridWorkerFigures(Account a, LocalDate from, LocalDate to) {
        ZoneId zone = clock.getZone();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        long decided = count("select count(r) from Referral r where r.referredById = :a and r.referredAt >= :s "
                + "and r.referredAt < :e and (r.status = :acc or r.returnCount > 0)", a, start, end, true);
        long clean = count("select count(r) from Referral r where r.referredById = :a and r.referredAt >= :s "
                + "and r.referredAt < :e and r.status = :acc and r.returnCount = 0", a, start, end, true);
        long joint = count("select count(p) from Patrol p where p.gridWorkerId = :a and p.startedAt >= :s "
                + "and p.startedAt < :e and p.socialWorkerId is not null", a, start, end, false);
        long trainings = em.createQuery("select count(e) from Enrolment e, TrainingSession s, Course c "
                        + "where s.id = e.sessionId and c.id = e.courseId and e.accountId = :a and e.attended = true "
                        + "and c.targetGroup = :g and s.startsAt >= :s and s.startsAt < :e", Long.class)
                .setParameter("a", a.getId()).setParameter("g", TargetGroup.GRID_WORKER).setParameter("s", start)
                .setParameter("e", end).getSingleResult();
        Set<Long> grids = a.getGridCells().stream().map(GridCell::getId).collect(java.util.stream.Collectors.toSet());
        long meetings = 0;
        long monitored = 0;
        if (!grids.isEmpty()) {
            String base = "select count(m) from JointMeeting m, SocialCase c where c.id = m.caseId "
                    + "and c.gridCellId in :g and m.convenedAt >= :s and m.convenedAt < :e";
            meetings = em.createQuery(base, Long.class).setParameter("g", grids).setParameter("s", start)
                    .setParameter("e", end).getSingleResult();
            monitored = em.createQuery(base + " and m.monitoringInfo is not null", Long.class).setParameter("g", grids)
                    .setParameter("s", start).setParameter("e", end).getSingleResult();
        }
        return new GridWorkerFigures(from, to, decided, clean, joint, trainings, meetings, monitored);
    }

    private SocialWorkerFigures socialWorkerFigures(Account a, LocalDate from, LocalDate to) {
        ZoneId zone = clock.getZone();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        Instant now = clock.instant();
        // Due in the period and either decided or already past the deadline.
        long due = em.createQuery("select count(r) from Referral r where r.socialWorkerId = :a and r.dueAt >= :s "
                        + "and r.dueAt < :e and (r.handledAt is not null or r.dueAt < :now)", Long.class)
                .setParameter("a", a.getId()).setParameter("s", start).setParameter("e", end).setParameter("now", now)
                .getSingleResult();
        long inTime = em.createQuery("select count(r) from Referral r where r.socialWorkerId = :a and r.dueAt >= :s "
                        + "and r.dueAt < :e and r.handledInTime = 1", Long.class)
                .setParameter("a", a.getId()).setParameter("s", start).setParameter("e", end).getSingleResult();
        long joined = count("select count(p) from Patrol p where p.socialWorkerId = :a and p.startedAt >= :s "
                + "and p.startedAt < :e", a, start, end, false);
        long closed = em.createQuery("select count(c) from SocialCase c where c.socialWorkerId = :a and c.stage = :cl "
                        + "and c.closedAt >= :s and c.closedAt < :e", Long.class).setParameter("a", a.getId())
                .setParameter("cl", CaseStage.CLOSED).setParameter("s", start).setParameter("e", end).getSingleResult();
        long improved = em.createQuery("select count(c) from SocialCase c where c.socialWorkerId = :a and c.stage = :cl "
                        + "and c.closedAt >= :s and c.closedAt < :e and c.outcome = :imp", Long.class)
                .setParameter("a", a.getId()).setParameter("cl", CaseStage.CLOSED).setParameter("s", start)
                .setParameter("e", end).setParameter("imp", CaseOutcome.IMPROVED).getSingleResult();
        long accepted = em.createQuery("select count(r) from Referral r where r.socialWorkerId = :a and r.status = :acc "
                        + "and r.handledAt >= :s and r.handledAt < :e", Long.class).setParameter("a", a.getId())
                .setParameter("acc", ReferralStatus.ACCEPTED).setParameter("s", start).setParameter("e", end)
                .getSingleResult();
        long withCase = em.createQuery("select count(r) from Referral r where r.socialWorkerId = :a and r.status = :acc "
                        + "and r.handledAt >= :s and r.handledAt < :e and r.caseId is not null", Long.class)
                .setParameter("a", a.getId()).setParameter("acc", ReferralStatus.ACCEPTED).setParameter("s", start)
                .setParameter("e", end).getSingleResult();
        return new SocialWorkerFigures(from, to, due, inTime, joined, closed, improved, accepted, withCase);
    }

    private long count(String jpql, Account a, Instant start, Instant end, boolean accepted) {
        var q = em.createQuery(jpql, Long.class).setParameter("a", a.getId()).setParameter("s", start)
                .setParameter("e", end);
        if (accepted) {
            q.setParameter("acc", ReferralStatus.ACCEPTED);
        }
        return q.getSingleResult();
    }
}
