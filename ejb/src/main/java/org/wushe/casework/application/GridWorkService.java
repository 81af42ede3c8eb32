package org.wushe.casework.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wushe.casework.domain.GridRecord;
import org.wushe.casework.domain.GridRecordKind;
import org.wushe.casework.domain.Patrol;
import org.wushe.community.domain.Community;
import org.wushe.community.domain.GridCell;
import org.wushe.community.domain.Resident;
import org.wushe.community.domain.ResidentChange;
import org.wushe.community.domain.ResidentTag;
import org.wushe.security.application.PersonScope;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.NotInScopeException;
import org.wushe.shared.Page;
import org.wushe.shared.PageRequest;
import org.wushe.shared.ValidationException;
import java.time.Clock;

/**
 * Grid work: a grid worker's patrols of their grid cells, what they collected, publicised and
 * mediated, and social workers joining patrols. Information that changes a resident's tags goes
 * into the resident's change history like any other change.
 */
@Stateless
public class GridWorkService {

    /** The longest patrol accepted, to catch a mistyped date. */
    static final Duration LONGEST_PATROL = Duration.ofHours(24);

    @PersistenceContext
    EntityManager em;

    @Inject
    CaseworkAccess access;

    @Inject
    Clock clock;

    /** A patrol as entered: grid cell, start and end, households visited, findings. */
    public record PatrolForm(String gridCode, Instant startedAt, Instant endedAt, Integer householdsVisited,
                             String findings) {
    }

    /** A grid record as entered; which fields count depends on the kind (see {@link #record}). */
    public record GridRecordForm(String kind, String gridCode, Long patrolId, Long residentId, String tagAdded,
                                 String tagRemoved, String topic, String parties, String outcome, Integer audience) {
    }

    public record PatrolView(Long id, String gridCode, String gridWorker, Instant startedAt, Instant endedAt,
                             int householdsVisited, String findings, String socialWorker, Instant joinedAt,
                             boolean joint) {
        static PatrolView of(Patrol p, String gridCode) {
            return new PatrolView(p.getId(), gridCode, p.getGridWorker(), p.getStartedAt(), p.getEndedAt(),
                    p.getHouseholdsVisited(), p.getFindings(), p.getSocialWorker(), p.getJoinedAt(), p.isJoint());
        }
    }

    public record GridRecordView(Long id, String kind, String gridCode, Long patrolId, Long residentId,
                                 String residentName, String tagAdded, String tagRemoved, String topic,
                                 String parties, String outcome, Integer audience, String recordedBy,
                                 Instant recordedAt) {
    }

    /**
     * Logs a patrol of one of the grid worker's own cells ({@link Right#LOG_GRID_WORK}). Refused per
     * field: unknown grid cell, missing or future times, an end before the start or more than a day
     * after it, households below 0 or above 2,000, findings over 2,000 characters.
     */
    public PatrolView logPatrol(PatrolForm f) {
        Caller caller = access.caller(Right.LOG_GRID_WORK);
        ValidationException.Collector errors = new ValidationException.Collector();
        GridCell grid = access.grid("gridCode", f.gridCode(), errors);
        Instant now = clock.instant();
        if (f.startedAt() == null) {
            errors.add("startedAt", "error.required");
        } else if (f.startedAt().isAfter(now)) {
            errors.add("startedAt", "patrol.time.future");
        }
        if (f.endedAt() == null) {
            errors.add("endedAt", "error.required");
        } else if (f.startedAt() != null && !f.endedAt().isAfter(f.startedAt())) {
            errors.add("endedAt", "patrol.time.order");
        } else if (f.startedAt() != null && Duration.between(f.startedAt(), f.endedAt()).compareTo(LONGEST_PATROL) > 0) {
            errors.add("endedAt", "patrol.time.tooLong");
        } else if (f.endedAt().isAfter(now.plus(Duration.ofMinutes(5)))) {
            errors.add("endedAt", "patrol.time.future");
        }
        if (f.householdsVisited() == null) {
            errors.add("householdsVisited", "error.required");
        } else if (f.householdsVisited() < 0 || f.householdsVisited() > 2000) {
            errors.add("householdsVisited", "casework.range", 0, 2000);
        }
        String findings = errors.text("findings", f.findings(), 2000, false);
        errors.throwIfAny();
        access.requireCovers(caller, grid);
        Patrol p = new Patrol(grid.getCommunity().getId(), grid.getId(), caller.accountId(), caller.username(),
                f.startedAt(), f.endedAt(), f.householdsVisited(), findings, now);
        em.persist(p);
        em.flush();
        return PatrolView.of(p, grid.getCode());
    }

    /**
     * A social worker of the patrol's community joins it ({@link Right#RUN_CASEWORK}); the patrol then
     * counts as a joint patrol for both. Refused when someone already joined ({@code patrol.joined}).
     */
    public PatrolView joinPatrol(Long patrolId) {
        Caller caller = access.caller(Right.RUN_CASEWORK);
        Patrol p = patrol(patrolId);
        access.community(caller, p.getCommunityId());
        p.join(caller.accountId(), caller.username(), clock.instant());
        em.flush();
        return PatrolView.of(p, em.find(GridCell.class, p.getGridCellId()).getCode());
    }

    /**
     * Records information collected, policy publicity or a mediation ({@link Right#LOG_GRID_WORK}) in
     * one of the caller's grid cells, optionally during one of their patrols. Information names a
     * resident of that grid cell and may add or remove a tag (written to the resident's change
     * history); publicity names the policy and the audience; a mediation names the parties, the
     * issue and the outcome.
     */
    public GridRecordView record(GridRecordForm f) {
        Caller caller = access.caller(Right.LOG_GRID_WORK);
        ValidationException.Collector errors = new ValidationException.Collector();
        GridRecordKind kind = CaseworkAccess.choice("kind", GridRecordKind.class, f.kind(), true, errors);
        GridCell grid = access.grid("gridCode", f.gridCode(), errors);
        String topic = errors.text("topic", f.topic(), 200, true);
        Resident resident = null;
        ResidentTag add = null;
        ResidentTag remove = null;
        String parties = null;
        String outcome = null;
        Integer audience = null;
        if (kind == GridRecordKind.INFORMATION) {
            resident = access.resident("residentId", f.residentId(), errors);
            if (resident != null && grid != null && !resident.getGridCell().getId().equals(grid.getId())) {
                errors.add("residentId", "casework.resident.notInGrid");
            }
            add = tag("tagAdded", f.tagAdded(), errors);
            remove = tag("tagRemoved", f.tagRemoved(), errors);
        } else if (kind == GridRecordKind.PUBLICITY) {
            audience = f.audience();
            if (audience == null) {
                errors.add("audience", "error.required");
            } else if (audience < 1 || audience > 100_000) {
                errors.add("audience", "casework.range", 1, 100_000);
            }
        } else if (kind == GridRecordKind.MEDIATION) {
            parties = errors.text("parties", f.parties(), 500, true);
            outcome = errors.text("outcome", f.outcome(), 1000, true);
        }
        Patrol patrol = null;
        if (f.patrolId() != null) {
            patrol = em.find(Patrol.class, f.patrolId());
            if (patrol == null || !patrol.getGridWorkerId().equals(caller.accountId())
                    || grid != null && !patrol.getGridCellId().equals(grid.getId())) {
                errors.add("patrolId", "casework.patrol.notYours");
            }
        }
        errors.throwIfAny();
        access.requireCovers(caller, grid);
        Instant now = clock.instant();
        if (resident != null && (add != null || remove != null)) {
            for (Resident.FieldChange change : resident.retag(add, remove, now)) {
                em.persist(new ResidentChange(resident.getId(), now, caller.username(), change));
            }
        }
        GridRecord r = new GridRecord(grid.getCommunity().getId(), grid.getId(), patrol == null ? null : patrol.getId(),
                kind, resident == null ? null : resident.getId(), add, remove, topic, parties, outcome, audience,
                caller.username(), now);
        em.persist(r);
        em.flush();
        return view(r, grid.getCode(), resident == null ? null : resident.getName());
    }

    private static ResidentTag tag(String field, String text, ValidationException.Collector errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        ResidentTag t = ResidentTag.parse(text);
        if (t == null) {
            errors.add(field, "error.choice", text);
        }
        return t;
    }

    /**
     * The patrol log of a community, newest first ({@link Right#VIEW_GRID_WORK}); a grid worker sees
     * their own grid cells only.
     */
    public Page<PatrolView> patrols(String communityCode, PageRequest page) {
        Caller caller = access.caller(Right.VIEW_GRID_WORK);
        Community c = access.community(caller, communityCode);
        StringBuilder where = new StringBuilder(" from Patrol p, GridCell g where g.id = p.gridCellId and p.communityId = :c");
        Map<String, Object> params = new HashMap<>();
        params.put("c", c.getId());
        where.append(PersonScope.gridIn(caller, "p.gridCellId"));
        PersonScope.addTo(caller, params);
        TypedQuery<Long> count = em.createQuery("select count(p)" + where, Long.class);
        TypedQuery<Object[]> rows = em.createQuery("select p, g.code" + where + " order by p.startedAt desc, p.id desc",
                Object[].class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            rows.setParameter(k, v);
        });
        List<PatrolView> items = rows.setFirstResult(page.first()).setMaxResults(page.size()).getResultList().stream()
                .map(r -> PatrolView.of((Patrol) r[0], (String) r[1])).toList();
        return new Page<>(items, count.getSingleResult(), page.first(), page.size());
    }

    /** One patrol ({@link Right#VIEW_GRID_WORK}, in scope). */
    public PatrolView patrolView(Long id) {
        Caller caller = access.caller(Right.VIEW_GRID_WORK);
        Patrol p = patrol(id);
        GridCell g = em.find(GridCell.class, p.getGridCellId());
        if (!caller.covers(g)) {
            throw new NotInScopeException(g.getCode());
        }
        return PatrolView.of(p, g.getCode());
    }

    /** The grid records of a community, newest first, paged ({@link Right#VIEW_GRID_WORK}; grid workers: own cells). */
    public Page<GridRecordView> records(String communityCode, PageRequest page) {
        Caller caller = access.caller(Right.VIEW_GRID_WORK);
        Community c = access.community(caller, communityCode);
        StringBuilder where = new StringBuilder(" from GridRecord r, GridCell g where g.id = r.gridCellId and r.communityId = :c");
        Map<String, Object> params = new HashMap<>();
        params.put("c", c.getId());
        where.append(PersonScope.gridIn(caller, "r.gridCellId"));
        PersonScope.addTo(caller, params);
        TypedQuery<Long> count = em.createQuery("select count(r)" + where, Long.class);
        TypedQuery<Object[]> rows = em.createQuery("select r, g.code" + where + " order by r.recordedAt desc, r.id desc",
                Object[].class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            rows.setParameter(k, v);
        });
        List<Object[]> found = rows.setFirstResult(page.first()).setMaxResults(page.size()).getResultList();
        Map<Long, String> names = new HashMap<>();
        List<Long> ids = found.stream().map(r -> ((GridRecord) r[0]).getResidentId()).filter(id -> id != null).distinct().toList();
        if (!ids.isEmpty()) {
            em.createQuery("select r.id, r.name from Resident r where r.id in :ids", Object[].class)
                    .setParameter("ids", ids).getResultList().forEach(r -> names.put((Long) r[0], (String) r[1]));
        }
        List<GridRecordView> items = found.stream()
                .map(r -> view((GridRecord) r[0], (String) r[1], names.get(((GridRecord) r[0]).getResidentId()))).toList();
        return new Page<>(items, count.getSingleResult(), page.first(), page.size());
    }

    private static GridRecordView view(GridRecord r, String gridCode, String residentName) {
        return new GridRecordView(r.getId(), r.getKind().name(), gridCode, r.getPatrolId(), r.getResidentId(),
                residentName, r.getTagAdded() == null ? null : r.getTagAdded().name(),
                r.getTagRemoved() == null ? null : r.getTagRemoved().name(), r.getTopic(), r.getParties(),
                r.getOutcome(), r.getAudience(), r.getRecordedBy(), r.getRecordedAt());
    }

    private Patrol patrol(Long id) {
        Patrol p = id == null ? null : em.find(Patrol.class, id);
        if (p == null) {
            throw new NotFoundException("patrol", id);
        }
        return p;
    }
}
