package org.wushe.casework.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wushe.casework.domain.Referral;
import org.wushe.casework.domain.ReferralEvent;
import org.wushe.casework.domain.ReferralStatus;
import org.wushe.casework.domain.RiskLevel;
import org.wushe.community.domain.Community;
import org.wushe.community.domain.GridCell;
import org.wushe.community.domain.Resident;
import org.wushe.notification.application.Notifications;
import org.wushe.notification.domain.NotificationKind;
import org.wushe.security.application.PersonScope;
import org.wushe.security.domain.Account;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.security.domain.Role;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.NotPermittedException;
import org.wushe.shared.Page;
import org.wushe.shared.PageRequest;
import org.wushe.shared.ValidationException;

/**
 * Referrals from grid workers to social workers. Each has an owner at every moment; the receiving
 * social worker accepts or returns it (with a reason) before the deadline of its risk level; past
 * the deadline it escalates to the community's Party secretary. There is no way to delete one:
 * this service has no such method and the entity refuses removal; a returned referral keeps its
 * history in {@link ReferralEvent}s.
 */
@Stateless
public class ReferralService {

    /** How many overdue referrals one escalation pass moves at most (the next pass takes the rest). */
    static final int ESCALATION_BATCH = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    CaseworkAccess access;

    @Inject
    CaseworkSettings settings;

    @Inject
    Clock clock;

    @Inject
    Notifications notifications;

    /** A referral as the grid worker writes it. */
    public record ReferralForm(Long residentId, String socialWorker, String riskLevel, String whatHappened,
                               String evidence, String alreadyTried) {
    }

    public record ReferralView(Long id, String gridCode, Long residentId, String residentName, String referredBy,
                               String socialWorker, String owner, String status, String riskLevel,
                               String whatHappened, String evidence, String alreadyTried, Instant referredAt,
                               Instant dueAt, boolean overdue, Instant handledAt, Boolean handledInTime,
                               Instant escalatedAt, int returnCount, String returnReason, Long caseId) {
    }

    public record EventView(Instant occurredAt, String actor, String fromStatus, String toStatus, String owner,
                            String note) {
    }

    /** An account to choose in a form: username and name. */
    public record StaffOption(String username, String displayName) {
    }

    /** The social workers of the caller's community, to send a referral to or reassign one. */
    public List<StaffOption> socialWorkers() {
        Caller caller = access.caller(Right.VIEW_GRID_WORK);
        if (caller.communityId() == null) {
            return List.of();
        }
        return em.createQuery("select a.username, a.displayName from Account a where a.community.id = :c "
                        + "and a.role = :r and a.enabled = true order by a.username", Object[].class)
                .setParameter("c", caller.communityId()).setParameter("r", Role.SOCIAL_WORKER).setMaxResults(200)
                .getResultStream().map(o -> new StaffOption((String) o[0], (String) o[1])).toList();
    }

    /**
     * A grid worker refers a resident of one of their grid cells to a social worker of the community
     * ({@link Right#LOG_GRID_WORK}). The deadline follows from the risk level and the community's
     * setting. Refused per field: unknown resident or one outside the caller's cells, an unknown
     * social worker, an unknown risk level, no description of what happened, texts too long.
     */
    public ReferralView refer(ReferralForm f) {
        Caller caller = access.caller(Right.LOG_GRID_WORK);
        ValidationException.Collector errors = new ValidationException.Collector();
        Resident r = access.resident("residentId", f.residentId(), errors);
        if (r != null && !caller.coversPerson(r.getGridCell())) {
            errors.add("residentId", "casework.resident.notInGrid");
        }
        Account worker = access.staff("socialWorker", f.socialWorker(), Role.SOCIAL_WORKER, caller.communityId(), errors);
        RiskLevel risk = CaseworkAccess.choice("riskLevel", RiskLevel.class, f.riskLevel(), true, errors);
        String what = errors.text("whatHappened", f.whatHappened(), 2000, true);
        String evidence = errors.text("evidence", f.evidence(), 2000, false);
        String tried = errors.text("alreadyTried", f.alreadyTried(), 2000, false);
        errors.throwIfAny();
        Instant now = clock.instant();
        Instant due = now.plus(settings.effective(r.getCommunity().getId()).deadline(risk));
        Referral ref = new Referral(r.getCommunity().getId(), r.getGridCell().getId(), r.getId(), caller.accountId(),
                caller.username(), worker.getId(), worker.getUsername(), risk, what, evidence, tried, now, due);
        em.persist(ref);
        em.flush();
        event(ref, now, caller.username(), null, risk.name());
        tell(ref, worker.getId(), NotificationKind.REFERRAL_ASSIGNED, caller.displayName());
        return view(ref);
    }

    /** The receiving social worker accepts it ({@link Right#RUN_CASEWORK}; only the social worker it is with). */
    public ReferralView accept(Long id, String note) {
        Caller caller = access.caller(Right.RUN_CASEWORK);
        Referral ref = lock(id);
        requireReceiver(caller, ref);
        ReferralStatus from = ref.getStatus();
        Instant now = clock.instant();
        ref.accept(caller.username(), now);
        event(ref, now, caller.username(), from, note);
        return view(ref);
    }

    /**
     * The receiving social worker returns it to the grid worker with a reason
     * ({@code reason} required); the grid worker owns it again.
     */
    public ReferralView giveBack(Long id, String reason) {
        Caller caller = access.caller(Right.RUN_CASEWORK);
        ValidationException.Collector errors = new ValidationException.Collector();
        String why = errors.text("reason", reason, 1000, true);
        errors.throwIfAny();
        Referral ref = lock(id);
        requireReceiver(caller, ref);
        ReferralStatus from = ref.getStatus();
        Instant now = clock.instant();
        ref.giveBack(why, now);
        event(ref, now, caller.username(), from, why);
        tell(ref, ref.getReferredById(), NotificationKind.REFERRAL_RETURNED, why);
        return view(ref);
    }

    /** The grid worker who referred it sends a returned referral again, completed; a new deadline runs. */
    public ReferralView resubmit(Long id, ReferralForm f) {
        Caller caller = access.caller(Right.LOG_GRID_WORK);
        Referral ref = lock(id);
        requireReferrer(caller, ref);
        ValidationException.Collector errors = new ValidationException.Collector();
        RiskLevel risk = CaseworkAccess.choice("riskLevel", RiskLevel.class, f.riskLevel(), true, errors);
        String what = errors.text("whatHappened", f.whatHappened(), 2000, true);
        String evidence = errors.text("evidence", f.evidence(), 2000, false);
        String tried = errors.text("alreadyTried", f.alreadyTried(), 2000, false);
        errors.throwIfAny();
        ReferralStatus from = ref.getStatus();
        Instant now = clock.instant();
        ref.resubmit(risk, what, evidence, tried, now, now.plus(settings.effective(ref.getCommunityId()).deadline(risk)));
        event(ref, now, caller.username(), from, null);
        return view(ref);
    }

    /** The grid worker closes a returned referral (reason required); it stays on record with its history. */
    public ReferralView withdraw(Long id, String reason) {
        Caller caller = access.caller(Right.LOG_GRID_WORK);
        ValidationException.Collector errors = new ValidationException.Collector();
        String why = errors.text("reason", reason, 1000, true);
        errors.throwIfAny();
        Referral ref = lock(id);
        requireReferrer(caller, ref);
        ReferralStatus from = ref.getStatus();
        ref.withdraw();
        event(ref, clock.instant(), caller.username(), from, why);
        return view(ref);
    }

    /**
     * The Party secretary hands an escalated referral to a social worker of the community with a new
     * deadline ({@link Right#CONVENE_JOINT_MEETINGS}).
     */
    public ReferralView reassign(Long id, String socialWorker) {
        Caller caller = access.caller(Right.CONVENE_JOINT_MEETINGS);
        Referral ref = lock(id);
        access.community(caller, ref.getCommunityId());
        ValidationException.Collector errors = new ValidationException.Collector();
        Account worker = access.staff("socialWorker", socialWorker, Role.SOCIAL_WORKER, ref.getCommunityId(), errors);
        errors.throwIfAny();
        ReferralStatus from = ref.getStatus();
        Instant now = clock.instant();
        ref.reassign(worker.getId(), worker.getUsername(),
                now.plus(settings.effective(ref.getCommunityId()).deadline(ref.getRiskLevel())));
        event(ref, now, caller.username(), from, worker.getUsername());
        tell(ref, worker.getId(), NotificationKind.REFERRAL_ASSIGNED, caller.displayName());
        return view(ref);
    }

    /**
     * Escalates every referral whose deadline has passed without a decision to its community's Party
     * secretary, who then owns it; returns how many moved. Reads the overdue ones in batches by the
     * (status, due) index, so it can run city-wide; the boards call it for their community first.
     */
    public int escalateOverdue() {
        return escalate(null);
    }

    private int escalate(Long communityId) {
        Instant now = clock.instant();
        Map<Long, String> secretaries = new HashMap<>();
        Map<String, Long> secretaryIds = new HashMap<>();
        int moved = 0;
        while (true) {
            TypedQuery<Referral> q = em.createQuery("select r from Referral r where r.status = :p and r.dueAt < :now"
                            + (communityId == null ? "" : " and r.communityId = :c") + " order by r.dueAt, r.id",
                    Referral.class).setParameter("p", ReferralStatus.PENDING).setParameter("now", now)
                    .setMaxResults(ESCALATION_BATCH);
            if (communityId != null) {
                q.setParameter("c", communityId);
            }
            List<Referral> batch = q.getResultList();
            for (Referral r : batch) {
                String secretary = secretaries.computeIfAbsent(r.getCommunityId(), access::secretaryOf);
                r.escalate(secretary, now);
                event(r, now, "system", ReferralStatus.PENDING, "deadline " + r.getDueAt());
                if (secretary != null) {
                    tell(r, secretaryIds.computeIfAbsent(secretary, notifications::accountOf),
                            NotificationKind.REFERRAL_ESCALATED, r.getSocialWorker());
                }
            }
            moved += batch.size();
            em.flush();
            if (batch.size() < ESCALATION_BATCH) {
                return moved;
            }
        }
    }

    /** One referral: for its grid worker, its social worker, and staff of the community with {@link Right#VIEW_GRID_WORK}. */
    public ReferralView find(Long id) {
        Caller caller = access.caller(Right.VIEW_GRID_WORK);
        Referral ref = referral(id);
        requireSees(caller, ref);
        return view(ref);
    }

    /** The history of a referral, oldest first (same rule as {@link #find}). */
    public List<EventView> history(Long id) {
        Caller caller = access.caller(Right.VIEW_GRID_WORK);
        Referral ref = referral(id);
        requireSees(caller, ref);
        return em.createQuery("select e from ReferralEvent e where e.referralId = :r order by e.occurredAt, e.id",
                        ReferralEvent.class).setParameter("r", id).getResultStream()
                .map(e -> new EventView(e.getOccurredAt(), e.getActor(),
                        e.getFromStatus() == null ? null : e.getFromStatus().name(), e.getToStatus().name(),
                        e.getOwner(), e.getNote())).toList();
    }

    /**
     * The caller's inbox: the referrals they own (a social worker's pending ones, the Party
     * secretary's escalated ones, a grid worker's returned ones) and those sent to them as social
     * worker; soonest deadline first. Overdue ones are escalated first.
     */
    public Page<ReferralView> inbox(PageRequest page) {
        return inbox(null, page);
    }

    /** What an inbox may be narrowed to: {@code awaiting} my decision, or {@code returned} to me. */
    public enum InboxFilter { AWAITING, RETURNED }

    /**
     * The caller's inbox narrowed to one {@link InboxFilter} ({@code awaiting}: pending or escalated
     * referrals they own; {@code returned}: returned ones they own), or whole when {@code show} is
     * blank; the home page's counts lead here. A value that is neither is refused ({@code show}).
     */
    public Page<ReferralView> inbox(String show, PageRequest page) {
        Caller caller = access.caller(Right.VIEW_GRID_WORK);
        ValidationException.Collector errors = new ValidationException.Collector();
        InboxFilter filter = CaseworkAccess.choice("show", InboxFilter.class, show, false, errors);
        errors.throwIfAny();
        if (caller.communityId() != null) {
            escalate(caller.communityId());
        }
        if (filter == null) {
            return list(" where (r.owner = :me or r.socialWorkerId = :id)", Map.of("me", caller.username(),
                    "id", caller.accountId()), " order by r.dueAt, r.id", page);
        }
        Map<String, Object> params = new HashMap<>();
        params.put("me", caller.username());
        params.put("s", filter == InboxFilter.AWAITING
                ? EnumSet.of(ReferralStatus.PENDING, ReferralStatus.ESCALATED) : EnumSet.of(ReferralStatus.RETURNED));
        return list(" where r.owner = :me and r.status in :s", params, " order by r.dueAt, r.id", page);
    }

    /** What the calling grid worker referred, newest first. */
    public Page<ReferralView> outbox(PageRequest page) {
        Caller caller = access.caller(Right.LOG_GRID_WORK);
        if (caller.communityId() != null) {
            escalate(caller.communityId());
        }
        return list(" where r.referredById = :id", Map.of("id", caller.accountId()),
                " order by r.referredAt desc, r.id desc", page);
    }

    /**
     * A community's referrals, optionally of one status ({@link Right#VIEW_GRID_WORK}; a grid worker:
     * their own cells), soonest deadline first. Overdue ones are escalated first.
     */
    public Page<ReferralView> list(String communityCode, String status, PageRequest page) {
        Caller caller = access.caller(Right.VIEW_GRID_WORK);
        Community c = access.community(caller, communityCode);
        ValidationException.Collector errors = new ValidationException.Collector();
        ReferralStatus s = CaseworkAccess.choice("status", ReferralStatus.class, status, false, errors);
        errors.throwIfAny();
        escalate(c.getId());
        StringBuilder where = new StringBuilder(" where r.communityId = :c");
        Map<String, Object> params = new HashMap<>();
        params.put("c", c.getId());
        if (s != null) {
            where.append(" and r.status = :s");
            params.put("s", s);
        }
        where.append(PersonScope.gridIn(caller, "r.gridCellId"));
        PersonScope.addTo(caller, params);
        return list(where.toString(), params, " order by r.dueAt, r.id", page);
    }

    private Page<ReferralView> list(String where, Map<String, Object> params, String order, PageRequest page) {
        TypedQuery<Long> count = em.createQuery("select count(r) from Referral r" + where, Long.class);
        TypedQuery<Referral> rows = em.createQuery("select r from Referral r" + where + order, Referral.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            rows.setParameter(k, v);
        });
        List<Referral> found = rows.setFirstResult(page.first()).setMaxResults(page.size()).getResultList();
        return new Page<>(views(found), count.getSingleResult(), page.first(), page.size());
    }

    private List<ReferralView> views(List<Referral> found) {
        Map<Long, String> names = new HashMap<>();
        Map<Long, String> grids = new HashMap<>();
        List<Long> residents = found.stream().map(Referral::getResidentId).distinct().toList();
        if (!residents.isEmpty()) {
            em.createQuery("select r.id, r.name from Resident r where r.id in :ids", Object[].class)
                    .setParameter("ids", residents).getResultList().forEach(r -> names.put((Long) r[0], (String) r[1]));
            em.createQuery("select g.id, g.code from GridCell g where g.id in :ids", Object[].class)
                    .setParameter("ids", found.stream().map(Referral::getGridCellId).distinct().toList())
                    .getResultList().forEach(r -> grids.put((Long) r[0], (String) r[1]));
        }
        Instant now = clock.instant();
        return found.stream().map(r -> view(r, grids.get(r.getGridCellId()), names.get(r.getResidentId()), now)).toList();
    }

    private ReferralView view(Referral r) {
        Resident res = em.find(Resident.class, r.getResidentId());
        return view(r, em.find(GridCell.class, r.getGridCellId()).getCode(), res == null ? null : res.getName(),
                clock.instant());
    }

    private static ReferralView view(Referral r, String grid, String name, Instant now) {
        return new ReferralView(r.getId(), grid, r.getResidentId(), name, r.getReferredBy(), r.getSocialWorker(),
                r.getOwner(), r.getStatus().name(), r.getRiskLevel().name(), r.getWhatHappened(), r.getEvidence(),
                r.getAlreadyTried(), r.getReferredAt(), r.getDueAt(), r.isOverdueAt(now), r.getHandledAt(),
                r.getHandledInTime(), r.getEscalatedAt(), r.getReturnCount(), r.getReturnReason(), r.getCaseId());
    }

    private void requireReceiver(Caller caller, Referral ref) {
        if (!caller.accountId().equals(ref.getSocialWorkerId())) {
            throw new NotPermittedException("referral.receiverOnly", "Only the receiving social worker");
        }
    }

    private void requireReferrer(Caller caller, Referral ref) {
        if (!caller.accountId().equals(ref.getReferredById())) {
            throw new NotPermittedException("referral.referrerOnly", "Only the grid worker who referred it");
        }
    }

    private void requireSees(Caller caller, Referral ref) {
        if (caller.accountId().equals(ref.getReferredById()) || caller.accountId().equals(ref.getSocialWorkerId())) {
            return;
        }
        caller.requireCoversPerson(em.find(GridCell.class, ref.getGridCellId()));
    }

    private Referral referral(Long id) {
        Referral r = id == null ? null : em.find(Referral.class, id);
        if (r == null) {
            throw new NotFoundException("referral", id);
        }
        return r;
    }

    private Referral lock(Long id) {
        Referral r = id == null ? null : em.find(Referral.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            throw new NotFoundException("referral", id);
        }
        return r;
    }

    /** Tells an account about a referral (arguments: its number, then {@code detail}). */
    private void tell(Referral r, Long to, NotificationKind kind, String detail) {
        notifications.notify(to, r.getCommunityId(), kind, "referral", r.getId(),
                "/casework/referrals.xhtml?id=" + r.getId(), r.getId(), detail);
    }

    private void event(Referral r, Instant at, String actor, ReferralStatus from, String note) {
        em.persist(new ReferralEvent(r.getId(), at, actor, from, r.getStatus(), r.getOwner(), note));
    }
}
