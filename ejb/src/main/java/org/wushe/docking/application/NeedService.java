package org.wushe.docking.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wushe.community.domain.Community;
import org.wushe.community.domain.GridCell;
import org.wushe.community.domain.Masking;
import org.wushe.community.domain.Resident;
import org.wushe.community.infrastructure.GeographyRepository;
import org.wushe.docking.domain.ActionStatus;
import org.wushe.docking.domain.DockingAction;
import org.wushe.docking.domain.Need;
import org.wushe.docking.domain.NeedCategory;
import org.wushe.docking.domain.NeedEvent;
import org.wushe.docking.domain.NeedSource;
import org.wushe.docking.domain.NeedStatus;
import org.wushe.docking.domain.Resource;
import org.wushe.docking.domain.ResourceStatus;
import org.wushe.docking.domain.Urgency;
import org.wushe.security.domain.Account;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.security.domain.ScopeKind;
import org.wushe.shared.ConflictException;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.NotInScopeException;
import org.wushe.shared.NotPermittedException;
import org.wushe.shared.Page;
import org.wushe.shared.PageRequest;
import org.wushe.shared.ValidationException;

/**
 * The needs loop: a need is registered, assessed, matched to resources of the five-sphere ledger,
 * worked on in docking actions, given feedback and closed with the resident's rating, or reopened.
 * Every step checks the caller's right and scope here, writes a {@link NeedEvent}, and refuses a
 * move the loop does not allow ({@code need.transition}).
 */
@Stateless
public class NeedService {

    /** How many candidate resources the suggestion reads at most before scoring. */
    static final int CANDIDATE_LIMIT = 2000;

    private static final Set<ActionStatus> ACTIVE = ActionStatus.activeSet();

    @PersistenceContext
    EntityManager em;

    @Inject
    DockingAccess access;

    @Inject
    GeographyRepository geography;

    @Inject
    Clock clock;

    // ---------------------------------------------------------------- categories

    /** The bureau's need categories in their order; inactive ones only when asked for. */
    public List<NeedCategory> categories(boolean includeInactive) {
        return em.createQuery("select c from NeedCategory c " + (includeInactive ? "" : "where c.active = true ")
                + "order by c.sortOrder, c.code", NeedCategory.class).getResultList();
    }

    /** Adds or changes a category of the bureau's list ({@link Right#CONFIGURE_NEED_CATEGORIES}). */
    public NeedCategory saveCategory(String code, String nameZh, String nameEn, int sortOrder, boolean active) {
        access.caller(Right.CONFIGURE_NEED_CATEGORIES);
        ValidationException.Collector errors = new ValidationException.Collector();
        String c = DockingAccess.text("code", code, 30, true, errors);
        if (c != null && !c.toUpperCase().matches("[A-Z][A-Z0-9_]{1,29}")) {
            errors.add("code", "category.code.invalid");
        }
        String zh = DockingAccess.text("nameZh", nameZh, 50, true, errors);
        String en = DockingAccess.text("nameEn", nameEn, 50, true, errors);
        errors.throwIfAny();
        NeedCategory existing = em.find(NeedCategory.class, c.toUpperCase());
        if (existing == null) {
            existing = new NeedCategory(c.toUpperCase(), zh, en, sortOrder);
            existing.update(zh, en, sortOrder, active);
            em.persist(existing);
        } else {
            existing.update(zh, en, sortOrder, active);
        }
        em.flush();
        return existing;
    }

    // ---------------------------------------------------------------- registration

    /**
     * Registers a need. Staff with {@link Right#REGISTER_NEEDS} name the grid cell (in their scope)
     * and optionally a resident of that community; a resident registers a request for themself, in
     * their own grid cell. Bad input is refused field by field.
     */
    public Need register(NeedForm form) {
        Caller caller = access.caller();
        ValidationException.Collector errors = new ValidationException.Collector();
        String category = DockingAccess.text("categoryCode", form.categoryCode(), 30, true, errors);
        if (category != null) {
            category = category.toUpperCase();
            NeedCategory c = em.find(NeedCategory.class, category);
            if (c == null || !c.isActive()) {
                errors.add("categoryCode", "category.unknown", form.categoryCode());
            }
        }
        Urgency urgency = DockingAccess.choice("urgency", Urgency.class, form.urgency(), Urgency.NORMAL, errors);
        String title = DockingAccess.text("title", form.title(), 100, true, errors);
        String description = DockingAccess.text("description", form.description(), 2000, false, errors);
        GridCell grid;
        Long residentId;
        NeedSource source;
        if (caller.has(Right.REGISTER_NEEDS)) {
            source = DockingAccess.choice("source", NeedSource.class, form.source(), null, errors);
            String gridCode = DockingAccess.text("gridCode", form.gridCode(), 30, true, errors);
            grid = gridCode == null ? null : geography.gridCell(gridCode.toUpperCase()).orElse(null);
            if (gridCode != null && grid == null) {
                errors.add("gridCode", "geo.grid.unknown", gridCode);
            }
            residentId = form.residentId();
            if (residentId != null) {
                Resident r = em.find(Resident.class, residentId);
                if (r == null || grid != null && !r.getCommunity().getId().equals(grid.getCommunity().getId())) {
                    errors.add("residentId", "need.resident.notInCommunity");
                }
            }
            errors.throwIfAny();
            caller.requireCovers(grid);
        } else if (caller.has(Right.SELF_SERVICE) && caller.residentId() != null) {
            errors.throwIfAny();
            Resident self = em.find(Resident.class, caller.residentId());
            if (self == null) {
                throw new NotFoundException("resident", caller.residentId());
            }
            grid = self.getGridCell();
            residentId = self.getId();
            source = NeedSource.RESIDENT_REQUEST;
        } else {
            throw new NotPermittedException(Right.REGISTER_NEEDS.name());
        }
        Instant now = clock.instant();
        Need need = new Need(grid, residentId, category, urgency, source, title, description, now, caller.username());
        em.persist(need);
        em.flush();
        event(need, now, caller, null, NeedStatus.REGISTERED, source.name());
        return need;
    }

    // ---------------------------------------------------------------- board

    /** Counts of a community's needs per status, and of its overdue actions, for the board's columns. */
    public record BoardCounts(Map<String, Long> byStatus, long overdueActions) {
    }

    public BoardCounts counts(String communityCode) {
        Caller caller = access.caller(Right.VIEW_DOCKING);
        Community c = access.community(caller, communityCode);
        String grids = gridFilter(caller, "n");
        TypedQuery<Object[]> q = em.createQuery("select n.status, count(n) from Need n where n.community.id = :c"
                + grids + " group by n.status", Object[].class).setParameter("c", c.getId());
        bindGrids(caller, q, grids);
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
        StringBuilder where = new StringBuilder(" from Need n join n.gridCell g where n.community.id = :c");
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
        if (caller.scopeKind() == ScopeKind.GRID_CELLS) {
            where.append(" and g.id in :grids");
            params.put("grids", caller.gridCellIds().isEmpty() ? Set.of(-1L) : caller.gridCellIds());
        }
        TypedQuery<Long> count = em.createQuery("select count(n)" + where, Long.class);
        TypedQuery<Object[]> rows = em.createQuery("select n, g.code" + where
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
                    .filter(java.util.Objects::nonNull).distinct().toList();
            if (!residentIds.isEmpty()) {
                for (Object[] r : em.createQuery("select r.id, r.name from Resident r where r.id in :ids", Object[].class)
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

    /** The community's actions past their due date, oldest due first (at most 200). */
    public List<ActionView> overdueActions(String communityCode) {
        Caller caller = access.caller(Right.VIEW_DOCKING);
        Community c = access.community(caller, communityCode);
        List<DockingAction> found = em.createQuery("select a from DockingAction a where a.communityId = :c "
                        + "and a.status in :active and a.dueOn < :today order by a.dueOn, a.id", DockingAction.class)
                .setParameter("c", c.getId()).setParameter("active", ACTIVE)
                .setParameter("today", LocalDate.now(clock)).setMaxResults(200).getResultList();
        return views(found);
    }

    // ---------------------------------------------------------------- one need

    /**
     * One need with its whole loop. Staff in scope, or the resident it concerns. The resident's ID
     * number is masked; roles that only oversee (officers, administrators) do not see the description,
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
            if (r != null) {
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

    // ---------------------------------------------------------------- assessment

    /** Records the needs assessment: findings, priority 1 (highest) to 5, and the urgency as assessed. */
    public Need assess(Long needId, String findings, Integer priority, String urgency) {
        Caller caller = access.caller(Right.HANDLE_NEEDS);
        Need n = needInScope(needId, caller);
        ValidationException.Collector errors = new ValidationException.Collector();
        String text = DockingAccess.text("findings", findings, 2000, true, errors);
        if (priority == null) {
            errors.add("priority", "error.required");
        } else if (priority < 1 || priority > 5) {
            errors.add("priority", "need.priority.range");
        }
        Urgency u = DockingAccess.choice("urgency", Urgency.class, urgency, n.getUrgency(), errors);
        errors.throwIfAny();
        Instant now = clock.instant();
        NeedStatus from = n.getStatus();
        n.assess(text, priority, u, now, caller.username());
        event(n, now, caller, from, NeedStatus.ASSESSED, "P" + priority + " " + u.name());
        return n;
    }

    // ---------------------------------------------------------------- matching

    /**
     * Resources that could meet the need, best first: available today, with capacity left, of the
     * need's category or of none, from the need's community and the other communities of its
     * sub-district. Each carries its score and the reasons for it ({@link Matcher}). Resources already
     * working on this need are left out.
     */
    public List<Suggestion> suggest(Long needId, int limit) {
        Caller caller = access.caller(Right.HANDLE_NEEDS);
        Need n = needInScope(needId, caller);
        LocalDate today = LocalDate.now(clock);
        Community home = n.getCommunity();
        List<Object[]> communities = em.createQuery("select c.id, c.code, c.name from Community c "
                + "where c.subDistrict.id = :sd", Object[].class)
                .setParameter("sd", home.getSubDistrict().getId()).getResultList();
        Map<Long, Object[]> byId = new HashMap<>();
        communities.forEach(r -> byId.put((Long) r[0], r));
        List<Long> busy = em.createQuery("select a.resourceId from DockingAction a where a.needId = :n "
                + "and a.status in :active", Long.class).setParameter("n", needId).setParameter("active", ACTIVE)
                .getResultList();
        List<Resource> candidates = em.createQuery("select r from Resource r where r.communityId in :cs "
                        + "and r.status = :avail and (r.categoryCode = :cat or r.categoryCode is null) "
                        + "and r.availableFrom <= :today and (r.availableUntil is null or r.availableUntil >= :today) "
                        + "and r.reserved < r.capacity order by r.id", Resource.class)
                .setParameter("cs", byId.keySet()).setParameter("avail", ResourceStatus.AVAILABLE)
                .setParameter("cat", n.getCategoryCode()).setParameter("today", today)
                .setMaxResults(CANDIDATE_LIMIT).getResultList();
        candidates = candidates.stream().filter(r -> !busy.contains(r.getId())).toList();
        Map<String, Long> load = providerLoad(candidates.stream().map(Resource::getProviderKey).distinct().toList());
        Matcher.NeedFacts facts = new Matcher.NeedFacts(n.getCategoryCode(), home.getId(), n.getGridCell().getId());
        List<Suggestion> out = new ArrayList<>();
        for (Resource r : candidates) {
            Object[] c = byId.get(r.getCommunityId());
            long providerLoad = load.getOrDefault(r.getProviderKey(), 0L);
            Matcher.Score s = Matcher.score(facts, new Matcher.ResourceFacts(r.getCategoryCode(), r.getCommunityId(),
                    r.getGridCellId(), (String) c[2], r.getCapacity(), r.getReserved(), providerLoad));
            out.add(new Suggestion(r.getId(), r.getName(), r.getSphere().name(), r.getType().name(),
                    r.getCategoryCode(), r.getProviderName(), (String) c[1], (String) c[2], r.remaining(),
                    r.getCapacity(), r.getUnit(), providerLoad, s.points(), s.reasons()));
        }
        out.sort(Comparator.comparingInt(Suggestion::score).reversed()
                .thenComparing(Comparator.comparingInt(Suggestion::remaining).reversed())
                .thenComparing(Suggestion::resourceId));
        return out.subList(0, Math.min(Math.max(1, limit), out.size()));
    }

    /**
     * Confirms a match: reserves the quantity of the resource (refusing overbooking with
     * {@code resource.overbooked}) and creates the docking action. The resource row is locked, so two
     * officers cannot both take its last place.
     */
    public DockingAction match(Long needId, MatchForm form) {
        Caller caller = access.caller(Right.HANDLE_NEEDS);
        Need n = needInScope(needId, caller);
        LocalDate today = LocalDate.now(clock);
        ValidationException.Collector errors = new ValidationException.Collector();
        if (form.resourceId() == null) {
            errors.add("resourceId", "error.required");
        }
        int quantity = form.quantity() == null ? 1 : form.quantity();
        if (quantity < 1 || quantity > 100000) {
            errors.add("quantity", "match.quantity.range");
        }
        String owner = DockingAccess.text("owner", form.owner(), 50, true, errors);
        if (owner != null && em.createQuery("select count(a) from Account a where a.username = :u "
                + "and a.community.id = :c", Long.class).setParameter("u", owner)
                .setParameter("c", n.getCommunity().getId()).getSingleResult() == 0) {
            errors.add("owner", "action.owner.unknown", owner);
        }
        if (form.dueOn() == null) {
            errors.add("dueOn", "error.required");
        } else if (form.dueOn().isBefore(today)) {
            errors.add("dueOn", "action.due.past");
        }
        Set<String> participants = new LinkedHashSet<>();
        if (form.participants() != null) {
            for (String p : form.participants()) {
                String t = DockingAccess.text("participants", p, 100, false, errors);
                if (t != null) {
                    participants.add(t);
                }
            }
        }
        if (participants.size() > 30) {
            errors.add("participants", "action.participants.tooMany", 30);
        }
        errors.throwIfAny();
        if (!n.getStatus().canMoveTo(NeedStatus.MATCHED) && n.getStatus() != NeedStatus.IN_ACTION) {
            n.moveTo(NeedStatus.MATCHED); // throws need.transition
        }
        Resource r = em.find(Resource.class, form.resourceId(), LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            throw ValidationException.of("resourceId", "match.resource.unknown", form.resourceId());
        }
        Community rc = em.find(Community.class, r.getCommunityId());
        if (!rc.getSubDistrict().getId().equals(n.getCommunity().getSubDistrict().getId())) {
            throw ValidationException.of("resourceId", "match.resource.outOfReach", r.getName());
        }
        r.reserve(quantity, today);
        long providerLoad = providerLoad(List.of(r.getProviderKey())).getOrDefault(r.getProviderKey(), 0L);
        Matcher.Score s = Matcher.score(
                new Matcher.NeedFacts(n.getCategoryCode(), n.getCommunity().getId(), n.getGridCell().getId()),
                new Matcher.ResourceFacts(r.getCategoryCode(), r.getCommunityId(), r.getGridCellId(), rc.getName(),
                        r.getCapacity(), r.getReserved() - quantity, providerLoad));
        Instant now = clock.instant();
        DockingAction a = new DockingAction(n, r, quantity, owner, participants, form.dueOn(), s.points(),
                Reason.pack(s.reasons()), now, caller.username());
        em.persist(a);
        NeedStatus from = n.getStatus();
        NeedStatus to = from == NeedStatus.IN_ACTION ? NeedStatus.IN_ACTION : NeedStatus.MATCHED;
        n.moveTo(to);
        em.flush();
        event(n, now, caller, from, to, r.getName() + " ×" + quantity + " → " + owner + " " + form.dueOn());
        return a;
    }

    /** Starts a planned action; the need goes into action with its first started action. */
    public DockingAction startAction(Long actionId) {
        Caller caller = access.caller(Right.HANDLE_NEEDS);
        DockingAction a = action(actionId);
        Need n = needInScope(a.getNeedId(), caller);
        Instant now = clock.instant();
        a.start(now);
        if (n.getStatus() == NeedStatus.MATCHED) {
            n.moveTo(NeedStatus.IN_ACTION);
            event(n, now, caller, NeedStatus.MATCHED, NeedStatus.IN_ACTION, "#" + a.getId());
        }
        em.flush();
        return a;
    }

    /**
     * Ends an action, done or cancelled, and releases its reserved capacity. When the last active
     * action of a need is cancelled and none was done, the need goes back to assessed, to be matched
     * again.
     */
    public DockingAction finishAction(Long actionId, boolean done, String outcome) {
        Caller caller = access.caller(Right.HANDLE_NEEDS);
        DockingAction a = action(actionId);
        Need n = needInScope(a.getNeedId(), caller);
        ValidationException.Collector errors = new ValidationException.Collector();
        String text = DockingAccess.text("outcome", outcome, 1000, true, errors);
        errors.throwIfAny();
        Instant now = clock.instant();
        ActionStatus end = done ? ActionStatus.DONE : ActionStatus.CANCELLED;
        a.finish(end, text, now);
        Resource r = em.find(Resource.class, a.getResourceId(), LockModeType.PESSIMISTIC_WRITE);
        r.release(a.getQuantity());
        em.flush();
        if (!done) {
            Map<ActionStatus, Long> left = actionCounts(n.getId());
            long active = ACTIVE.stream().mapToLong(s -> left.getOrDefault(s, 0L)).sum();
            if (active == 0 && left.getOrDefault(ActionStatus.DONE, 0L) == 0
                    && (n.getStatus() == NeedStatus.MATCHED || n.getStatus() == NeedStatus.IN_ACTION)) {
                NeedStatus from = n.moveTo(NeedStatus.ASSESSED);
                event(n, now, caller, from, NeedStatus.ASSESSED, "action.cancelled.all");
            }
        }
        return a;
    }

    /** Records the feedback once every action has ended and at least one was done. */
    public Need feedback(Long needId, String feedback) {
        Caller caller = access.caller(Right.HANDLE_NEEDS);
        Need n = needInScope(needId, caller);
        ValidationException.Collector errors = new ValidationException.Collector();
        String text = DockingAccess.text("feedback", feedback, 2000, true, errors);
        errors.throwIfAny();
        if (n.getStatus() == NeedStatus.IN_ACTION) {
            Map<ActionStatus, Long> counts = actionCounts(needId);
            long active = ACTIVE.stream().mapToLong(s -> counts.getOrDefault(s, 0L)).sum();
            if (active > 0) {
                throw new ConflictException("need.feedback.actionsOpen", "Actions still open", active);
            }
            if (counts.getOrDefault(ActionStatus.DONE, 0L) == 0) {
                throw new ConflictException("need.feedback.noneDone", "No action was done");
            }
        }
        Instant now = clock.instant();
        NeedStatus from = n.getStatus();
        n.recordFeedback(text, now);
        event(n, now, caller, from, NeedStatus.FEEDBACK, null);
        return n;
    }

    /**
     * Closes the need with the satisfaction score (1 to 5) and comment of the resident or their
     * representative ({@code ratedBy}). Staff record it; the resident the need concerns may rate it
     * themself.
     */
    public Need close(Long needId, Integer satisfaction, String comment, String ratedBy) {
        Caller caller = access.caller();
        Need n = em.find(Need.class, needId);
        if (n == null) {
            throw new NotFoundException("need", needId);
        }
        boolean own = caller.residentId() != null && caller.residentId().equals(n.getResidentId());
        if (!own) {
            caller.require(Right.HANDLE_NEEDS);
            caller.requireCovers(n.getGridCell());
        }
        ValidationException.Collector errors = new ValidationException.Collector();
        if (satisfaction == null) {
            errors.add("satisfaction", "error.required");
        } else if (satisfaction < 1 || satisfaction > 5) {
            errors.add("satisfaction", "need.satisfaction.range");
        }
        String text = DockingAccess.text("comment", comment, 1000, true, errors);
        String rater = own ? caller.displayName() : DockingAccess.text("ratedBy", ratedBy, 50, true, errors);
        errors.throwIfAny();
        Instant now = clock.instant();
        NeedStatus from = n.getStatus();
        n.close(satisfaction, text, rater, now, caller.username());
        em.flush();
        event(n, now, caller, from, NeedStatus.CLOSED, satisfaction + "/5 " + rater + ": " + text);
        return n;
    }

    /** Reopens a need after feedback or closure, with the reason; it is then assessed again. */
    public Need reopen(Long needId, String reason) {
        Caller caller = access.caller(Right.HANDLE_NEEDS);
        Need n = needInScope(needId, caller);
        ValidationException.Collector errors = new ValidationException.Collector();
        String text = DockingAccess.text("reason", reason, 1000, true, errors);
        errors.throwIfAny();
        NeedStatus from = n.getStatus();
        n.reopen();
        event(n, clock.instant(), caller, from, NeedStatus.REOPENED, text);
        return n;
    }

    /** Owners a match may name: the staff accounts of the need's community. */
    public List<String> owners(Long needId) {
        Caller caller = access.caller(Right.HANDLE_NEEDS);
        Need n = needInScope(needId, caller);
        return em.createQuery("select a.username from Account a where a.community.id = :c and a.residentId is null "
                + "order by a.username", String.class).setParameter("c", n.getCommunity().getId())
                .setMaxResults(200).getResultList();
    }

    // ---------------------------------------------------------------- helpers

    private Need needInScope(Long id, Caller caller) {
        Need n = id == null ? null : em.find(Need.class, id);
        if (n == null) {
            throw new NotFoundException("need", id);
        }
        if (!caller.covers(n.getGridCell())) {
            throw new NotInScopeException(n.getCommunity().getCode());
        }
        return n;
    }

    private DockingAction action(Long id) {
        DockingAction a = id == null ? null : em.find(DockingAction.class, id);
        if (a == null) {
            throw new NotFoundException("action", id);
        }
        return a;
    }

    private Map<ActionStatus, Long> actionCounts(Long needId) {
        Map<ActionStatus, Long> out = new HashMap<>();
        for (Object[] r : em.createQuery("select a.status, count(a) from DockingAction a where a.needId = :n "
                + "group by a.status", Object[].class).setParameter("n", needId).getResultList()) {
            out.put((ActionStatus) r[0], ((Number) r[1]).longValue());
        }
        return out;
    }

    /** Active actions per provider, counted in the database in slices of 500 keys. */
    Map<String, Long> providerLoad(List<String> keys) {
        Map<String, Long> out = new HashMap<>();
        for (int i = 0; i < keys.size(); i += 500) {
            List<String> slice = keys.subList(i, Math.min(keys.size(), i + 500));
            for (Object[] r : em.createQuery("select a.providerKey, count(a) from DockingAction a "
                            + "where a.providerKey in :k and a.status in :active group by a.providerKey", Object[].class)
                    .setParameter("k", slice).setParameter("active", ACTIVE).getResultList()) {
                out.put((String) r[0], ((Number) r[1]).longValue());
            }
        }
        return out;
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

    private void event(Need n, Instant at, Caller caller, NeedStatus from, NeedStatus to, String note) {
        em.persist(new NeedEvent(n.getId(), at, caller.username(), from, to, note));
    }

    private static String gridFilter(Caller caller, String alias) {
        return caller.scopeKind() == ScopeKind.GRID_CELLS ? " and " + alias + ".gridCell.id in :grids" : "";
    }

    private static void bindGrids(Caller caller, TypedQuery<?> q, String filter) {
        if (!filter.isEmpty()) {
            q.setParameter("grids", caller.gridCellIds().isEmpty() ? Set.of(-1L) : caller.gridCellIds());
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
