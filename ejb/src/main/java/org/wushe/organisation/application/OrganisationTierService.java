package org.wushe.organisation.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wushe.community.domain.Community;
import org.wushe.organisation.application.OrganisationViews.ChecklistEntry;
import org.wushe.organisation.application.OrganisationViews.CommunityTiers;
import org.wushe.organisation.domain.ChecklistItem;
import org.wushe.organisation.domain.ChecklistTick;
import org.wushe.organisation.domain.CommunityOrganisation;
import org.wushe.organisation.domain.MaturityTier;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.ConflictException;
import org.wushe.shared.NotFoundException;

/**
 * The maturity tiers of community organisations: how many stand in each tier per community of the
 * caller's scope (the city's or sub-district's overview), and the support checklist of an
 * organisation's current tier, ticked item by item. Reading needs {@link Right#VIEW_ORGANISATIONS},
 * ticking {@link Right#MANAGE_ORGANISATIONS}.
 */
@Stateless
public class OrganisationTierService {

    @PersistenceContext
    EntityManager em;

    @Inject
    OrganisationAccess access;

    @Inject
    Clock clock;

    @Inject
    TierReader tiers;

    /**
     * How many organisations stand in each tier, per community of the caller's scope (only
     * communities with organisations), optionally of one sub-district. Needs
     * {@link Right#VIEW_ORGANISATIONS}.
     */
    public List<CommunityTiers> overview(String subDistrictCode) {
        Caller caller = access.caller(Right.VIEW_ORGANISATIONS);
        StringBuilder where = new StringBuilder("o.communityId in (select c.id from Community c where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        switch (caller.scopeKind()) {
            case CITY -> { }
            case SUB_DISTRICTS -> {
                where.append(" and c.subDistrict.id in :scopeSd");
                params.put("scopeSd", caller.subDistrictIds());
            }
            case COMMUNITY, GRID_CELLS -> {
                where.append(" and c.id = :scopeC");
                params.put("scopeC", caller.communityId());
            }
            case SELF -> where.append(" and 1 = 0");
        }
        if (subDistrictCode != null && !subDistrictCode.isBlank()) {
            where.append(" and c.subDistrict.code = :sd");
            params.put("sd", subDistrictCode.strip().toUpperCase());
        }
        where.append(")");
        TierReader.Where w = new TierReader.Where(where.toString(), params);
        var q = em.createQuery("select o from CommunityOrganisation o where " + w.jpql(), CommunityOrganisation.class);
        params.forEach(q::setParameter);
        List<CommunityOrganisation> orgs = q.getResultList();
        if (orgs.isEmpty()) {
            return List.of();
        }
        Map<Long, MaturityTier.Assessment> assessed = tiers.assess(orgs, w, LocalDate.now(clock));
        Map<Long, long[]> counts = new HashMap<>();
        for (CommunityOrganisation o : orgs) {
            counts.computeIfAbsent(o.getCommunityId(), k -> new long[3])[assessed.get(o.getId()).tier().ordinal()]++;
        }
        List<CommunityTiers> out = new ArrayList<>();
        em.createQuery("select c from Community c join fetch c.subDistrict where c.id in :ids order by c.code",
                        Community.class).setParameter("ids", counts.keySet()).getResultList()
                .forEach(c -> {
                    long[] n = counts.get(c.getId());
                    out.add(new CommunityTiers(c.getCode(), c.getName(), c.getSubDistrict().getCode(), n[0], n[1], n[2]));
                });
        return out;
    }

    /**
     * Ticks an item of the checklist of the organisation's current tier as done today by the
     * caller. Refuses an item of another tier ({@code organisation.checklist.otherTier}), a retired
     * item and an item ticked already ({@code organisation.checklist.twice}).
     */
    public ChecklistEntry tick(Long organisationId, Long itemId) {
        Caller caller = access.caller(Right.MANAGE_ORGANISATIONS);
        CommunityOrganisation o = access.organisation(caller, organisationId);
        ChecklistItem item = itemId == null ? null : em.find(ChecklistItem.class, itemId);
        if (item == null || !item.isActive()) {
            throw new NotFoundException("checklistItem", itemId);
        }
        LocalDate today = LocalDate.now(clock);
        MaturityTier tier = tiers.assess(List.of(o), TierReader.Where.organisation(o.getId()), today)
                .get(o.getId()).tier();
        if (item.getTier() != tier) {
            throw new ConflictException("organisation.checklist.otherTier", "Item of another tier",
                    new org.wushe.shared.Label("organisation.tier." + item.getTier().name()),
                    new org.wushe.shared.Label("organisation.tier." + tier.name()));
        }
        boolean done = !em.createQuery("select t.id from ChecklistTick t where t.organisationId = :o and t.itemId = :i",
                Long.class).setParameter("o", o.getId()).setParameter("i", item.getId()).getResultList().isEmpty();
        if (done) {
            throw new ConflictException("organisation.checklist.twice", "Ticked already", item.getTitle());
        }
        ChecklistTick t = new ChecklistTick(o, item.getId(), today, caller.username());
        em.persist(t);
        em.flush();
        return new ChecklistEntry(item.getId(), item.getKind().name(), item.getTitle(), t.getTickedOn(), t.getTickedBy());
    }

}
