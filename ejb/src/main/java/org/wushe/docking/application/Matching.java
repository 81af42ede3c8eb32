package org.wushe.docking.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wushe.community.domain.Community;
import org.wushe.docking.domain.ActionStatus;
import org.wushe.docking.domain.DockingAction;
import org.wushe.docking.domain.Need;
import org.wushe.docking.domain.NeedEvent;
import org.wushe.docking.domain.Resource;
import org.wushe.docking.domain.ResourceStatus;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.ValidationException;

/**
 * Matching a need to the five-sphere ledger: ranked suggestions ({@link Matcher}), the confirmed
 * match that reserves a resource and creates the docking action, and the owners a match may name.
 * Staff with {@link Right#HANDLE_NEEDS} whose scope covers the need.
 */
@Stateless
public class Matching {

    /** How many candidate resources the suggestion reads at most before scoring. */
    static final int CANDIDATE_LIMIT = 2000;

    private static final Set<ActionStatus> ACTIVE = ActionStatus.activeSet();

    @PersistenceContext
    EntityManager em;

    @Inject
    DockingAccess access;

    @Inject
    Clock clock;

    /**
     * Resources that could meet the need, best first: available today, with capacity left, of the
     * need's category or of none, from the need's community and the other communities of its
     * sub-district. Each carries its score and the reasons for it ({@link Matcher}). Resources already
     * working on this need are left out.
     */
    public List<Suggestion> suggest(Long needId, int limit) {
        Caller caller = access.caller(Right.HANDLE_NEEDS);
        Need n = access.need(caller, needId);
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
        Need n = access.need(caller, needId);
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
        n.requireMatchable();
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
        NeedEvent event = n.match(r.getName() + " ×" + quantity + " → " + owner + " " + form.dueOn(), now,
                caller.username());
        em.flush();
        em.persist(event);
        return a;
    }

    /** Owners a match may name: the staff accounts of the need's community. */
    public List<String> owners(Long needId) {
        Caller caller = access.caller(Right.HANDLE_NEEDS);
        Need n = access.need(caller, needId);
        return em.createQuery("select a.username from Account a where a.community.id = :c and a.residentId is null "
                + "order by a.username", String.class).setParameter("c", n.getCommunity().getId())
                .setMaxResults(200).getResultList();
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
}
