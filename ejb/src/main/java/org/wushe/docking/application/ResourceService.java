package org.wushe.docking.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wushe.community.domain.Actor;
import org.wushe.community.domain.Community;
import org.wushe.community.domain.GridCell;
import org.wushe.community.domain.Resident;
import org.wushe.community.infrastructure.GeographyRepository;
import org.wushe.docking.domain.NeedCategory;
import org.wushe.docking.domain.Resource;
import org.wushe.docking.domain.ResourceStatus;
import org.wushe.docking.domain.ResourceType;
import org.wushe.docking.domain.Sphere;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.Page;
import org.wushe.shared.PageRequest;
import org.wushe.shared.ValidationException;

/**
 * The five-sphere resource ledger of a community: what each sphere offers, how much is left and when
 * it is available. Staff who handle needs keep it; everyone who may see the docking zone reads it.
 */
@Stateless
public class ResourceService {

    @PersistenceContext
    EntityManager em;

    @Inject
    DockingAccess access;

    @Inject
    GeographyRepository geography;

    @Inject
    Clock clock;

    /** Adds a resource to a community's ledger; bad input is refused field by field. */
    public Resource add(ResourceForm f) {
        Caller caller = access.caller(Right.HANDLE_NEEDS);
        Community c = access.community(caller, f.communityCode());
        caller.requireCovers(c);
        ValidationException.Collector errors = new ValidationException.Collector();
        Sphere sphere = DockingAccess.choice("sphere", Sphere.class, f.sphere(), null, errors);
        ResourceType type = DockingAccess.choice("type", ResourceType.class, f.type(), null, errors);
        String category = DockingAccess.text("categoryCode", f.categoryCode(), 30, false, errors);
        if (category != null) {
            category = category.toUpperCase();
            NeedCategory nc = em.find(NeedCategory.class, category);
            if (nc == null || !nc.isActive()) {
                errors.add("categoryCode", "category.unknown", f.categoryCode());
            }
        }
        String name = DockingAccess.text("name", f.name(), 100, true, errors);
        String description = DockingAccess.text("description", f.description(), 1000, false, errors);
        String unit = DockingAccess.text("unit", f.unit(), 20, false, errors);
        Long gridId = null;
        String gridCode = DockingAccess.text("gridCode", f.gridCode(), 30, false, errors);
        if (gridCode != null) {
            GridCell g = geography.gridCell(gridCode.toUpperCase()).orElse(null);
            if (g == null || !g.getCommunity().getId().equals(c.getId())) {
                errors.add("gridCode", "resource.grid.notInCommunity", gridCode);
            } else {
                gridId = g.getId();
            }
        }
        String providerName = DockingAccess.text("providerName", f.providerName(), 100, false, errors);
        if (f.providerActorId() != null) {
            Actor a = em.find(Actor.class, f.providerActorId());
            if (a == null || !a.getCommunity().getSubDistrict().getId().equals(c.getSubDistrict().getId())) {
                errors.add("providerActorId", "resource.provider.unknown");
            } else {
                providerName = a.getName();
            }
        } else if (f.providerResidentId() != null) {
            Resident r = em.find(Resident.class, f.providerResidentId());
            if (r == null || !r.getCommunity().getId().equals(c.getId())) {
                errors.add("providerResidentId", "resource.provider.unknown");
            } else {
                providerName = r.getName();
            }
        } else if (providerName == null) {
            errors.add("providerName", "resource.provider.required");
        }
        if (f.capacity() == null) {
            errors.add("capacity", "error.required");
        } else if (f.capacity() < 1 || f.capacity() > 1_000_000) {
            errors.add("capacity", "resource.capacity.range");
        }
        LocalDate from = f.availableFrom() == null ? LocalDate.now(clock) : f.availableFrom();
        if (f.availableUntil() != null && f.availableUntil().isBefore(from)) {
            errors.add("availableUntil", "resource.period.order");
        }
        errors.throwIfAny();
        Resource r = new Resource(c.getId(), gridId, sphere, type, category, name, description, f.providerActorId(),
                f.providerActorId() == null ? f.providerResidentId() : null, providerName, f.capacity(), unit, from,
                f.availableUntil(), clock.instant());
        em.persist(r);
        em.flush();
        return r;
    }

    /** Changes capacity, end of availability and status; capacity never falls below what is reserved. */
    public Resource update(Long id, Integer capacity, LocalDate availableUntil, String status) {
        Caller caller = access.caller(Right.HANDLE_NEEDS);
        Resource r = id == null ? null : em.find(Resource.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            throw new NotFoundException("resource", id);
        }
        caller.requireCovers(access.community(caller, r.getCommunityId()));
        ValidationException.Collector errors = new ValidationException.Collector();
        ResourceStatus s = DockingAccess.choice("status", ResourceStatus.class, status, r.getStatus(), errors);
        int cap = capacity == null ? r.getCapacity() : capacity;
        if (cap < 1 || cap > 1_000_000) {
            errors.add("capacity", "resource.capacity.range");
        }
        if (availableUntil != null && availableUntil.isBefore(r.getAvailableFrom())) {
            errors.add("availableUntil", "resource.period.order");
        }
        errors.throwIfAny();
        r.update(cap, availableUntil, s);
        em.flush();
        return r;
    }

    public Resource resource(Long id) {
        Caller caller = access.caller(Right.VIEW_DOCKING);
        Resource r = id == null ? null : em.find(Resource.class, id);
        if (r == null) {
            throw new NotFoundException("resource", id);
        }
        access.community(caller, r.getCommunityId());
        return r;
    }

    /** One page of a community's ledger, by sphere, then name; optionally only what is available today. */
    public Page<ResourceRow> ledger(String communityCode, String sphere, String categoryCode, boolean availableNow,
                                    PageRequest page) {
        Caller caller = access.caller(Right.VIEW_DOCKING);
        Community c = access.community(caller, communityCode);
        ValidationException.Collector errors = new ValidationException.Collector();
        Sphere sp = sphere == null || sphere.isBlank() ? null
                : DockingAccess.choice("sphere", Sphere.class, sphere, null, errors);
        errors.throwIfAny();
        LocalDate today = LocalDate.now(clock);
        StringBuilder where = new StringBuilder(" from Resource r where r.communityId = :c");
        Map<String, Object> params = new HashMap<>();
        params.put("c", c.getId());
        if (sp != null) {
            where.append(" and r.sphere = :sp");
            params.put("sp", sp);
        }
        if (categoryCode != null && !categoryCode.isBlank()) {
            where.append(" and r.categoryCode = :cat");
            params.put("cat", categoryCode.trim().toUpperCase());
        }
        if (availableNow) {
            where.append(" and r.status = :avail and r.availableFrom <= :today"
                    + " and (r.availableUntil is null or r.availableUntil >= :today) and r.reserved < r.capacity");
            params.put("avail", ResourceStatus.AVAILABLE);
            params.put("today", today);
        }
        TypedQuery<Long> count = em.createQuery("select count(r)" + where, Long.class);
        TypedQuery<Resource> rows = em.createQuery("select r" + where + " order by r.sphere, r.name, r.id",
                Resource.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            rows.setParameter(k, v);
        });
        List<ResourceRow> items = rows.setFirstResult(page.first()).setMaxResults(page.size()).getResultList()
                .stream().map(r -> row(r, today)).toList();
        return new Page<>(items, count.getSingleResult(), page.first(), page.size());
    }

    /** What is available now, per sphere and category: how many resources and how much is left. */
    public record Availability(String sphere, String categoryCode, long resources, long remaining) {
    }

    public List<Availability> availableNow(String communityCode) {
        Caller caller = access.caller(Right.VIEW_DOCKING);
        Community c = access.community(caller, communityCode);
        LocalDate today = LocalDate.now(clock);
        List<Availability> out = new ArrayList<>();
        for (Object[] r : em.createQuery("select r.sphere, r.categoryCode, count(r), sum(r.capacity - r.reserved) "
                        + "from Resource r where r.communityId = :c and r.status = :avail and r.availableFrom <= :today "
                        + "and (r.availableUntil is null or r.availableUntil >= :today) and r.reserved < r.capacity "
                        + "group by r.sphere, r.categoryCode order by r.sphere, r.categoryCode", Object[].class)
                .setParameter("c", c.getId()).setParameter("avail", ResourceStatus.AVAILABLE)
                .setParameter("today", today).getResultList()) {
            out.add(new Availability(((Sphere) r[0]).name(), (String) r[1], ((Number) r[2]).longValue(),
                    ((Number) r[3]).longValue()));
        }
        return out;
    }

    /** The actors a resource may name as provider: those of the community's sub-district. */
    public List<Actor> providers(String communityCode) {
        Caller caller = access.caller(Right.VIEW_DOCKING);
        Community c = access.community(caller, communityCode);
        return em.createQuery("select a from Actor a where a.community.id = :c order by a.type, a.name", Actor.class)
                .setParameter("c", c.getId()).setMaxResults(200).getResultList();
    }

    public static ResourceRow row(Resource r, LocalDate today) {
        return new ResourceRow(r.getId(), r.getName(), r.getSphere().name(), r.getType().name(), r.getCategoryCode(),
                r.getProviderName(), r.getCapacity(), r.getReserved(), r.remaining(), r.getUnit(),
                r.getAvailableFrom(), r.getAvailableUntil(), r.getStatus().name(),
                r.availableOn(today) && r.remaining() > 0);
    }
}
