package org.wushe.it.support;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.wushe.community.domain.Community;
import org.wushe.community.domain.SubDistrict;

/**
 * A sub-district with more communities than a select menu or a page of choices holds
 * ({@value #COMMUNITIES}), for the community chooser's tests. Made straight with the entity manager
 * in one transaction (cheap: no audit entries, no grid cells) and removed again after each test, so
 * the ITs that count or report every community of the city do not meet them. Codes {@code ZC0001}…
 * sort after the demo city's and the fixtures' codes, so each is past the 200th community of the city.
 */
@Stateless
public class CrowdedCity {

    public static final String SUB_DISTRICT = "ZCROWD";
    public static final int COMMUNITIES = 230;
    /** A community far past the 200th, with a name part no other community has. */
    public static final String FAR = "ZC0217";
    public static final String FAR_NAME = "翠竹苑社区";
    public static final String FAR_PART = "翠竹苑";
    /** A name with a literal percent sign, and one the sign would match as a wildcard. */
    public static final String PERCENT = "ZC0218";
    public static final String PERCENT_WILDCARD_MATCH = "ZC0219";
    /** A name with a literal underscore, and one the underscore would match as a wildcard. */
    public static final String UNDERSCORE = "ZC0220";
    public static final String UNDERSCORE_WILDCARD_MATCH = "ZC0221";

    @PersistenceContext
    EntityManager em;

    public static String code(int n) {
        return String.format("ZC%04d", n);
    }

    static String name(String code) {
        return switch (code) {
            case FAR -> FAR_NAME;
            case PERCENT -> "百分%社区";
            case PERCENT_WILDCARD_MATCH -> "百分比社区";
            case UNDERSCORE -> "下划_线社区";
            case UNDERSCORE_WILDCARD_MATCH -> "下划横线社区";
            default -> "拥挤社区" + code.substring(2);
        };
    }

    /** Makes the sub-district and its communities unless they are there (a stopped run's). */
    public void ensure() {
        if (!em.createQuery("select s from SubDistrict s where s.code = :c", SubDistrict.class)
                .setParameter("c", SUB_DISTRICT).getResultList().isEmpty()) {
            return;
        }
        SubDistrict s = new SubDistrict(SUB_DISTRICT, "拥挤街道");
        em.persist(s);
        for (int n = 1; n <= COMMUNITIES; n++) {
            em.persist(new Community(code(n), name(code(n)), s));
        }
    }

    /** Removes them again. */
    public void remove() {
        em.createQuery("delete from Community c where c.subDistrict.id in "
                + "(select s.id from SubDistrict s where s.code = :c)").setParameter("c", SUB_DISTRICT).executeUpdate();
        em.createQuery("delete from SubDistrict s where s.code = :c").setParameter("c", SUB_DISTRICT).executeUpdate();
    }
}
