package org.wushe.security.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import org.wushe.security.domain.Right;

/**
 * The pick lists of the account administration: codes and names of the sub-districts, communities
 * and grid cells an account's scope is made of, and nothing else about them (no counts, no
 * residents). Read with {@link Right#ADMINISTER_ACCOUNTS}: the security administrator has no
 * business data and no {@link Right#VIEW_RESIDENTS}.
 */
@Stateless
public class ScopeChoices {

    @PersistenceContext
    EntityManager em;

    @Inject
    AccountRules rules;

    /** Every sub-district, by code. */
    public List<ScopePlace> subDistricts() {
        rules.administrator("sub-district choices");
        return em.createQuery("select s.code, s.name from SubDistrict s order by s.code", Object[].class)
                .getResultStream().map(o -> new ScopePlace((String) o[0], (String) o[1], null)).toList();
    }

    /** Every community with the code of its sub-district, by code. */
    public List<ScopePlace> communities() {
        rules.administrator("community choices");
        return em.createQuery("select new org.wushe.security.application.ScopePlace(c.code, c.name, "
                + "c.subDistrict.code) from Community c order by c.code", ScopePlace.class).getResultList();
    }

    /** The grid cells of one community (none for a blank or unknown code), by code. */
    public List<ScopePlace> gridCells(String communityCode) {
        rules.administrator("grid cell choices");
        if (communityCode == null || communityCode.isBlank()) {
            return List.of();
        }
        return em.createQuery("select new org.wushe.security.application.ScopePlace(g.code, g.name, "
                        + "g.community.code) from GridCell g where g.community.code = :c order by g.code", ScopePlace.class)
                .setParameter("c", communityCode.strip().toUpperCase(Locale.ROOT)).getResultList();
    }
}
