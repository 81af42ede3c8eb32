package org.wushe.docking.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.wushe.community.domain.Community;
import org.wushe.community.domain.SubDistrict;
import org.wushe.community.infrastructure.GeographyRepository;
import org.wushe.docking.domain.Inspection;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.NotInScopeException;
import org.wushe.shared.ValidationException;

/**
 * The log of inspections and checks a community receives, so the burden they put on community staff
 * shows: per community and per sub-district, how many in a year and how many staff hours.
 */
@Stateless
public class InspectionService {

    @PersistenceContext
    EntityManager em;

    @Inject
    DockingAccess access;

    @Inject
    GeographyRepository geography;

    @Inject
    Clock clock;

    /** A year's burden of one community. */
    public record Burden(String communityCode, String communityName, long inspections, BigDecimal staffHours,
                         long materials) {
    }

    public Inspection log(String communityCode, LocalDate on, String body, String purpose, BigDecimal staffHours,
                          String materials, Integer materialCount) {
        Caller caller = access.caller(Right.LOG_INSPECTIONS);
        Community c = access.community(caller, communityCode);
        caller.requireCovers(c);
        ValidationException.Collector errors = new ValidationException.Collector();
        if (on == null) {
            errors.add("inspectedOn", "error.required");
        } else if (on.isAfter(LocalDate.now(clock))) {
            errors.add("inspectedOn", "inspection.future");
        }
        String b = DockingAccess.text("inspectingBody", body, 100, true, errors);
        String p = DockingAccess.text("purpose", purpose, 500, true, errors);
        if (staffHours == null) {
            errors.add("staffHours", "error.required");
        } else if (staffHours.signum() < 0 || staffHours.compareTo(BigDecimal.valueOf(10000)) > 0
                || staffHours.scale() > 1 && staffHours.stripTrailingZeros().scale() > 1) {
            errors.add("staffHours", "inspection.hours.range");
        }
        String m = DockingAccess.text("materials", materials, 1000, false, errors);
        int count = materialCount == null ? 0 : materialCount;
        if (count < 0 || count > 100000) {
            errors.add("materialCount", "inspection.materials.range");
        }
        errors.throwIfAny();
        Inspection i = new Inspection(c.getId(), on, b, p, staffHours.setScale(1, java.math.RoundingMode.HALF_UP), m,
                count, caller.username(), clock.instant());
        em.persist(i);
        em.flush();
        return i;
    }

    /** A community's inspections of a year, newest first. */
    public List<Inspection> list(String communityCode, int year) {
        Caller caller = access.caller(Right.VIEW_DOCKING);
        Community c = access.community(caller, communityCode);
        return em.createQuery("select i from Inspection i where i.communityId = :c and i.inspectedOn between :f and :t "
                        + "order by i.inspectedOn desc, i.id desc", Inspection.class)
                .setParameter("c", c.getId()).setParameter("f", LocalDate.of(year, 1, 1))
                .setParameter("t", LocalDate.of(year, 12, 31)).setMaxResults(500).getResultList();
    }

    /** One community's burden in a year. */
    public Burden burden(String communityCode, int year) {
        Caller caller = access.caller(Right.VIEW_DOCKING);
        Community c = access.community(caller, communityCode);
        Object[] r = em.createQuery("select count(i), sum(i.staffHours), sum(i.materialCount) from Inspection i "
                        + "where i.communityId = :c and i.inspectedOn between :f and :t", Object[].class)
                .setParameter("c", c.getId()).setParameter("f", LocalDate.of(year, 1, 1))
                .setParameter("t", LocalDate.of(year, 12, 31)).getSingleResult();
        return new Burden(c.getCode(), c.getName(), ((Number) r[0]).longValue(),
                r[1] == null ? BigDecimal.ZERO.setScale(1) : (BigDecimal) r[1],
                r[2] == null ? 0 : ((Number) r[2]).longValue());
    }

    /** Every community of a sub-district with its burden in a year, most hours first, in one grouped query. */
    public List<Burden> subDistrictBurden(String subDistrictCode, int year) {
        Caller caller = access.caller(Right.VIEW_DOCKING);
        SubDistrict sd = subDistrictCode == null ? null
                : geography.subDistrict(subDistrictCode.trim().toUpperCase()).orElse(null);
        if (sd == null) {
            throw new NotFoundException("subDistrict", subDistrictCode);
        }
        List<Community> communities = em.createQuery("select c from Community c where c.subDistrict.id = :s "
                + "order by c.code", Community.class).setParameter("s", sd.getId()).getResultList()
                .stream().filter(caller::covers).toList();
        if (communities.isEmpty()) {
            throw new NotInScopeException(sd.getCode());
        }
        java.util.Map<Long, Object[]> sums = new java.util.HashMap<>();
        for (Object[] r : em.createQuery("select i.communityId, count(i), sum(i.staffHours), sum(i.materialCount) "
                        + "from Inspection i where i.communityId in :cs and i.inspectedOn between :f and :t "
                        + "group by i.communityId", Object[].class)
                .setParameter("cs", communities.stream().map(Community::getId).toList())
                .setParameter("f", LocalDate.of(year, 1, 1)).setParameter("t", LocalDate.of(year, 12, 31))
                .getResultList()) {
            sums.put((Long) r[0], r);
        }
        List<Burden> out = new ArrayList<>();
        for (Community c : communities) {
            Object[] r = sums.get(c.getId());
            out.add(new Burden(c.getCode(), c.getName(), r == null ? 0 : ((Number) r[1]).longValue(),
                    r == null ? BigDecimal.ZERO.setScale(1) : (BigDecimal) r[2],
                    r == null ? 0 : ((Number) r[3]).longValue()));
        }
        out.sort(java.util.Comparator.comparing(Burden::staffHours).reversed().thenComparing(Burden::communityCode));
        return out;
    }
}
