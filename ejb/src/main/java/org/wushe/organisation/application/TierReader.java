package org.wushe.organisation.application;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wushe.organisation.domain.CommunityOrganisation;
import org.wushe.organisation.domain.MaturityTier;
import org.wushe.organisation.domain.TierInputs;
import org.wushe.organisation.domain.TierRule;
import org.wushe.organisation.domain.TierThreshold;

/**
 * Reads the tier inputs of many organisations at once: one aggregate query per input (activities
 * and satisfaction, members, funding) over all organisations that match a condition on the alias
 * {@code o}, never one query per organisation.
 */
@Dependent
public class TierReader {

    @PersistenceContext
    EntityManager em;

    /** A JPQL condition on the organisation alias {@code o} with its parameters. */
    public record Where(String jpql, Map<String, Object> params) {
        public static Where organisation(Long id) {
            return new Where("o.id = :orgId", Map.of("orgId", id));
        }

        public static Where community(Long communityId) {
            return new Where("o.communityId = :orgCommunity", Map.of("orgCommunity", communityId));
        }
    }

    /** The city's two rules, GROWING then MATURE. */
    public Map<MaturityTier, TierRule> rules() {
        Map<MaturityTier, TierRule> rules = new EnumMap<>(MaturityTier.class);
        em.createQuery("select t from TierThreshold t", TierThreshold.class).getResultList()
                .forEach(t -> rules.put(t.getTier(), t.rule()));
        return rules;
    }

    /** The tier of every organisation in the list (which must all match {@code where}). */
    public Map<Long, MaturityTier.Assessment> assess(List<CommunityOrganisation> orgs, Where where, LocalDate today) {
        Map<MaturityTier, TierRule> rules = rules();
        Map<Long, TierInputs> inputs = inputs(orgs, where, today);
        Map<Long, MaturityTier.Assessment> out = new HashMap<>();
        for (CommunityOrganisation o : orgs) {
            out.put(o.getId(), MaturityTier.assess(inputs.get(o.getId()), rules.get(MaturityTier.GROWING),
                    rules.get(MaturityTier.MATURE)));
        }
        return out;
    }

    /** The inputs of every organisation in the list, read with three aggregate queries. */
    public Map<Long, TierInputs> inputs(List<CommunityOrganisation> orgs, Where where, LocalDate today) {
        Map<Long, long[]> acts = new HashMap<>();
        for (Object[] r : query("select a.organisationId, count(a), sum(a.satisfactionTenths * a.respondents), "
                + "sum(a.respondents) from OrganisationActivity a, CommunityOrganisation o where a.organisationId = o.id "
                + "and a.heldOn > :from and a.heldOn <= :today and " + where.jpql() + " group by a.organisationId",
                where).setParameter("from", today.minusMonths(12)).setParameter("today", today).getResultList()) {
            acts.put((Long) r[0], new long[]{num(r[1]), num(r[2]), num(r[3])});
        }
        Map<Long, Long> members = new HashMap<>();
        for (Object[] r : query("select m.organisationId, count(m) from OrganisationMember m, CommunityOrganisation o "
                + "where m.organisationId = o.id and m.joinedOn <= :today and (m.leftOn is null or m.leftOn > :today) "
                + "and " + where.jpql() + " group by m.organisationId", where)
                .setParameter("today", today).getResultList()) {
            members.put((Long) r[0], num(r[1]));
        }
        // The last funding year: this year when recorded, else the year before (docs/organisations.md).
        Map<Long, Object[]> funds = new HashMap<>();
        for (Object[] r : query("select f.organisationId, f.year, f.selfRaisedFen, f.externalFen "
                + "from OrganisationFunding f, CommunityOrganisation o where f.organisationId = o.id "
                + "and f.year between :prev and :year and " + where.jpql(), where)
                .setParameter("prev", today.getYear() - 1).setParameter("year", today.getYear()).getResultList()) {
            funds.merge((Long) r[0], r, (a, b) -> ((Integer) a[1]) >= ((Integer) b[1]) ? a : b);
        }
        Map<Long, TierInputs> out = new HashMap<>();
        for (CommunityOrganisation o : orgs) {
            long[] a = acts.getOrDefault(o.getId(), new long[3]);
            Object[] f = funds.get(o.getId());
            out.put(o.getId(), new TierInputs(a[0], members.getOrDefault(o.getId(), 0L),
                    f == null ? 0 : num(f[2]), f == null ? 0 : num(f[3]), a[1], a[2], o.yearsActive(today)));
        }
        return out;
    }

    private TypedQuery<Object[]> query(String jpql, Where where) {
        TypedQuery<Object[]> q = em.createQuery(jpql, Object[].class);
        where.params().forEach(q::setParameter);
        return q;
    }

    private static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
