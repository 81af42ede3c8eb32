package org.wushe.fund.application;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wushe.fund.domain.ExpenditureStatus;
import org.wushe.fund.domain.FundLimit;
import org.wushe.fund.domain.RecordStatus;
import org.wushe.fund.domain.SpendingPolicy;

/**
 * A community's booked allocations and expenditures summed per spending category, and the bureau's
 * limits of a year: what {@link SpendingPolicy} checks a new amount against and what the share
 * views show.
 */
@Dependent
public class CategoryTotals {

    @PersistenceContext
    EntityManager em;

    /** The limits of a year, by category. */
    List<FundLimit> limits(int year) {
        return em.createQuery("select l from FundLimit l where l.year = :y order by l.categoryCode, l.bound",
                FundLimit.class).setParameter("y", year).getResultList();
    }

    /**
     * Whether adding the amount to the category keeps the year's limits (see
     * {@link SpendingPolicy#requireWithinLimits}, whose refusals it throws).
     */
    void requireWithinLimits(int year, Map<String, Long> before, String category, long amount, String justification,
                             SpendingPolicy.Movement what) {
        SpendingPolicy.requireWithinLimits(before, category, amount,
                limits(year).stream().map(FundLimit::rule).toList(), justification, what);
    }

    Map<String, Long> allocatedByCategory(Long communityId, int year) {
        Map<String, Long> m = new HashMap<>();
        for (Object[] r : em.createQuery("select a.categoryCode, sum(a.amountFen) from Allocation a where "
                        + "a.communityId = :c and a.status = :s and a.allocatedOn >= :from and a.allocatedOn < :to "
                        + "group by a.categoryCode", Object[].class).setParameter("c", communityId)
                .setParameter("s", RecordStatus.BOOKED).setParameter("from", LocalDate.of(year, 1, 1))
                .setParameter("to", LocalDate.of(year + 1, 1, 1)).getResultList()) {
            m.put((String) r[0], ((Number) r[1]).longValue());
        }
        return m;
    }

    Map<String, Long> spentByCategory(Long communityId, int year) {
        return spentBetween(communityId, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
    }

    Map<String, Long> spentBetween(Long communityId, LocalDate from, LocalDate to) {
        Map<String, Long> m = new HashMap<>();
        for (Object[] r : em.createQuery("select e.categoryCode, sum(e.amountFen) from Expenditure e where "
                        + "e.communityId = :c and e.status = :s and e.spentOn >= :from and e.spentOn < :to "
                        + "group by e.categoryCode", Object[].class).setParameter("c", communityId)
                .setParameter("s", ExpenditureStatus.BOOKED).setParameter("from", from).setParameter("to", to)
                .getResultList()) {
            m.put((String) r[0], ((Number) r[1]).longValue());
        }
        return m;
    }
}
