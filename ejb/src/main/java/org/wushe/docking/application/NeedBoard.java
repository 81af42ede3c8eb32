package org.wushe.docking.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.wushe.community.domain.Community;
import org.wushe.community.domain.Masking;
import org.wushe.community.domain.Resident;
import org.wushe.docking.domain.ActionStatus;
import org.wushe.docking.domain.DockingAction;
import org.wushe.docking.domain.Need;
import org.wushe.docking.domain.NeedEvent;
import org.wushe.docking.domain.NeedStatus;
import org.wushe.docking.domain.Resource;
import org.wushe.docking.domain.Urgency;
import org.wushe.security.application.PersonScope;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.Page;
import org.wushe.shared.PageRequest;
import org.wushe.shared.ValidationException;

/**
 * Reading the needs loop: a community's board with its counts and overdue actions, one need with its
 * actions and events, and a resident's own needs. A grid worker sees the needs of their own grid
 * cells only; nothing here changes a need.
 */
@Stateless
public class NeedBoard {

    private static final Set<ActionStatus> ACTIVE = ActionStatus.activeSet();

    @PersistenceContext
    EntityManager em;

    @Inject
    DockingAccess access;

    @Inject
    Clock clock;

    /**
     * Counts of a community's needs per status (every status, zero included), and of its overdue
     * actions, for the board's columns. Staff with {@link Right#VIEW_DOCKING} whose scope reaches the
     * community; refuses a community out of scope.
     */
    public BoardCounts counts(String communityCode) {
        Caller caller = access.caller(Right.VIEW_DOCKING);
        Community c = access.community(caller, communityCode);
        TypedQuery<Object[]> q = PersonScope.bind(caller, em.createQuery("select n.status, count(n) from Need n "
                + "where n.community.id = :c" + PersonScope.gridIn(caller, "n.gridCell.id") + " group by n.status",
                Object[].class)).setParameter("c", c.getId());
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (NeedStatus s : NeedStatus.values()) {
            byStatus.put(s.name(), 0L);
        }
        for (Object[] row : q.getResultList()) {
            byStatus.put(((NeedStatus) row[0]).name(), ((Number) row[1]).longValue());
        }
        long overdue = em.createQuery("select count(a) from DockingAction a where a.communityId = :c "
                        + "and a.status in :active and a.dueOn < :today", Long.class)
                .setParameter("c", c.getId()).setParameter("active", ACTIVE)
                .setParameter("today", LocalDate.now(clock)).getSingleResult();
        return new BoardCounts(byStatus, overdue);
    }

    /**
     * One page of a community's needs board, newest first, filtered by status, category, urgency and
     * overdue actions. A grid worker sees the needs of their own grid cells only.
     */
    public Page<NeedRow> board(BoardFilter f, PageRequest page) {
        Caller caller = access.caller(Right.VIEW_DOCKING);
        Community c = access.community(caller, f.communityCode());
        ValidationException.Collector errors = new ValidationException.Collector();
        NeedStatus status = blank(f.status()) ? null
                : DockingAccess.choice("status", NeedStatus.class, f.status(), null, errors);
        Urgency urgency = blank(f.urgency()) ? null
                : DockingAccess.choice("urgency", Urgency.class, f.urgency(), null, errors);
        errors.throwIfAny();
        LocalDate today = LocalDate.now(clock);
        // The count reads the need alone (the grid cell's id is the need's own column); only the
        // page's rows join the grid cell, for its code.
        StringBuilder where = new StringBuilder(" where n.community.id = :c");
        Map<String, Object> params = new HashMap<>();
        params.put("c", c.getId());
        if (status != null) {
            where.append(" and n.status = :status");
            params.put("status", status);
        }
        if (f.categoryCode() != null && !f.categoryCode().isBlank()) {
            where.append(" and n.categoryCode = :cat");
            params.put("cat", f.categoryCode().trim().toUpperCase());
        }
        if (urgency != null) {
            where.append(" and n.urgency = :urg");
            params.put("urg", urgency);
        }
        if (f.overdueOnly()) {
            where.append(" and exists (select a.id from DockingAction a where a.needId = n.id"
                    + " and a.status in :active and a.dueOn < :today)");
            params.put("active", ACTIVE);
            params.put("today", today);
        }
        where.append(PersonScope.gridIn(caller, "n.gridCell.id"));
        PersonScope.addTo(caller, params);
        TypedQuery<Long> count = em.createQuery("select count(n) from Need n" + where, Long.class);
        TypedQuery<Object[]> rows = em.createQuery("select n, g.code from Need n join n.gridCell g" + where
                + " order by n.registeredAt desc, n.id desc", Object[].class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            rows.setParameter(k, v);
        });
        long total = count.getSingleResult();
        List<Object[]> found = rows.setFirstResult(page.first()).setMaxResults(page.size()).getResultList();
        List<Long> ids = found.stream().map(r -> ((Need) r[0]).getId()).toList();
        Map<Long, long[]> actions = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Object[] r : em.createQuery("select a.needId, count(a), "
                            + "sum(case when a.dueOn < :today then 1 else 0 end) from DockingAction a "
                            + "where a.needId in :ids and a.status in :active group by a.needId", Object[].class)
                    .setParameter("ids", ids).setParameter("active", ACTIVE).setParameter("today", today)
                    .getResultList()) {
                actions.put((Long) r[0], new long[] {((Number) r[1]).longValue(), ((Number) r[2]).longValue()});
            }
            List<Long> residentIds = found.stream().map(r -> ((Need) r[0]).getResidentId())
                    .filter(Objects::nonNull).distinct().toList();
            if (!residentIds.isEmpty()) {
                for (Object[] r : PersonScope.bind(caller, em.createQuery("select r.id, r.name from Resident r "
                                + "where r.id in :ids" + PersonScope.gridIn(caller, "r.gridCell.id"), Object[].class))
                        .setParameter("ids", residentIds).getResultList()) {
                    names.put((Long) r[0], (String) r[1]);
                }
            }
        }
        List<NeedRow> items = new ArrayList<>();
        for (Object[] r : found) {
            Need n = (Need) r[0];
            long[] a = actions.getOrDefault(n.getId(), new long[2]);
            items.add(new NeedRow(n.getId(), n.getTitle(), n.getCategoryCode(), n.getUrgency().name(),
                    n.getStatus().name(), (String) r[1], names.get(n.getResidentId()), n.getRegisteredAt(),
                    n.getPriority(), a[0], a[1], n.getSatisfaction()));
        }
        return new Page<>(items, total, page.first(), page.size());
    }

    /**
     * The community's actions past their due date, oldest due first (at most 200); a grid worker's
     * only for the needs of their own grid cells, as on their board.
     */
    public List<ActionView> overdueActions(String communityCode) {
        Caller caller = access.caller(Right.VIEW_DOCKING);
        Community c = access.community(caller, communityCode);
        String cells = caller.personCells().isEmpty() ? ""
                : " and a.needId in (select n.id from Need n where n.community.id = :c"
                + PersonScope.gridIn(caller, "n.gridCell.id") + ")";
        List<DockingAction> found = PersonScope.bind(caller, em.createQuery("select a from DockingAction a "
                        + "where a.communityId = :c and a.status in :active and a.dueOn < :today" + cells
                        + " order by a.dueOn, a.id", DockingAction.class))
                .setParameter("c", c.getId()).setParameter("active", ACTIVE)
                .setParameter("today", LocalDate.now(clock)).setMaxResults(200).getResultList();
        return views(found);
    }

    /**
     * One need with its whole loop. Staff in scope, or the resident it concerns. The resident's name
     * and ID number only for a caller who reaches the resident ({@link Caller#coversPerson}), the ID
     * number masked; roles that only oversee (officers, administrators) do not see the description,
     * the findings or the feedback, which may carry health and hardship details.
     */
    public NeedView need(Long id) {
        Caller caller = access.caller();
        Need n = em.find(Need.class, id);
        if (n == null) {
            throw new NotFoundException("need", id);
        }
        boolean own = caller.residentId() != null && caller.residentId().equals(n.getResidentId());
        if (!own) {
            caller.require(Right.VIEW_DOCKING);
            caller.requireCovers(n.getGridCell());
        }
        boolean hidden = !own && !caller.has(Right.REGISTER_NEEDS) && !caller.has(Right.HANDLE_NEEDS);
        String residentName = null;
        String idNumber = null;
        if (n.getResidentId() != null) {
            Resident r = em.find(Resident.class, n.getResidentId());
            if (r != null && (own || caller.coversPerson(r.getGridCell()))) {
                residentName = r.getName();
                idNumber = Masking.idNumber(r.getIdNumber());
            }
        }
        List<DockingAction> actions = em.createQuery("select a from DockingAction a where a.needId = :n "
                + "order by a.createdAt, a.id", DockingAction.class).setParameter("n", id).getResultList();
        List<NeedEventView> events = em.createQuery("select e from NeedEvent e where e.needId = :n "
                        + "order by e.occurredAt, e.id", NeedEvent.class).setParameter("n", id).getResultList().stream()
                .map(e -> new NeedEventView(e.getOccurredAt(), e.getActor(),
                        e.getFromStatus() == null ? null : e.getFromStatus().name(), e.getToStatus().name(),
                        hidden ? null : e.getNote()))
                .toList();
        Community c = n.getCommunity();
        return new NeedView(n.getId(), c.getCode(), c.getName(), n.getGridCell().getCode(), n.getResidentId(),
                residentName, idNumber, n.getCategoryCode(), n.getUrgency().name(), n.getSource().name(),
                n.getTitle(), hidden ? null : n.getDescription(), n.getStatus().name(), n.getRegisteredAt(),
                n.getRegisteredBy(), n.getAssessedAt(), n.getAssessedBy(), hidden ? null : n.getFindings(),
                n.getPriority(), hidden ? null : n.getFeedback(), n.getFeedbackAt(), n.getClosedAt(),
                n.getClosedBy(), n.getSatisfaction(), hidden ? null : n.getClosureComment(), n.getRatedBy(),
                n.getReopenCount(), hidden, views(actions), events);
    }

    /** The signed-in resident's own needs, newest first. */
    public List<Need> myNeeds() {
        Caller caller = access.caller(Right.SELF_SERVICE);
        return em.createQuery("select n from Need n where n.residentId = :r order by n.registeredAt desc", Need.class)
                .setParameter("r", caller.residentId()).setMaxResults(100).getResultList();
    }

    private List<ActionView> views(List<DockingAction> actions) {
        if (actions.isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        Map<Long, Resource> resources = new HashMap<>();
        em.createQuery("select r from Resource r where r.id in :ids", Resource.class)
                .setParameter("ids", actions.stream().map(DockingAction::getResourceId).distinct().toList())
                .getResultList().forEach(r -> resources.put(r.getId(), r));
        return actions.stream().map(a -> {
            Resource r = resources.get(a.getResourceId());
            return new ActionView(a.getId(), a.getNeedId(), a.getResourceId(), r.getName(), r.getSphere().name(),
                    r.getProviderName(), a.getQuantity(), r.getUnit(), a.getOwner(), a.getParticipants(),
                    a.getDueOn(), a.getStatus().name(), a.overdue(today), a.getMatchScore(),
                    Reason.unpack(a.getMatchReason()), a.getCreatedAt(), a.getStartedAt(), a.getFinishedAt(),
                    a.getOutcome());
        }).toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
