package org.wushe.fund.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.wushe.community.domain.Community;
import org.wushe.fund.application.FundViews.LimitState;
import org.wushe.fund.application.FundViews.MonthlySpending;
import org.wushe.fund.application.FundViews.ShareRow;
import org.wushe.fund.application.FundViews.Shares;
import org.wushe.fund.domain.FundCategory;
import org.wushe.fund.domain.FundLimit;
import org.wushe.fund.domain.Money;
import org.wushe.fund.domain.ShareLimits;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;

/**
 * The spending categories' shares of a year against the bureau's limits: of one community, over
 * the caller's scope (city or sub-districts), and month by month for the nightly assessment.
 */
@Stateless
public class CategoryShares {

    @PersistenceContext
    EntityManager em;

    @Inject
    FundAccess access;

    @Inject
    CategoryTotals totals;

    @EJB
    FundSettings settings;

    /** A community's category shares of the year against the limits ({@link Right#VIEW_FUND}). */
    public Shares shares(String communityCode, int year) {
        Caller caller = access.caller(Right.VIEW_FUND);
        Community c = access.community(caller, communityCode);
        return sharesOf(c.getCode(), year, totals.allocatedByCategory(c.getId(), year),
                totals.spentByCategory(c.getId(), year));
    }

    /**
     * The category shares of the year over every community of the caller's scope ({@link Right#VIEW_FUND}):
     * the city view for the bureau, the sub-district's for an officer.
     */
    public Shares scopeShares(int year) {
        Caller caller = access.caller(Right.VIEW_FUND);
        Map<String, Long> allocated = new HashMap<>();
        Map<String, Long> spent = new HashMap<>();
        String scope = switch (caller.scopeKind()) {
            case CITY -> "";
            case SUB_DISTRICTS -> " and x.communityId in (select c.id from Community c where c.subDistrict.id in :sd)";
            default -> " and x.communityId = :own";
        };
        for (String[] q : new String[][] {{"Allocation", "allocatedOn", "status = org.wushe.fund.domain.RecordStatus.BOOKED"},
                {"Expenditure", "spentOn", "status = org.wushe.fund.domain.ExpenditureStatus.BOOKED"}}) {
            var query = em.createQuery("select x.categoryCode, sum(x.amountFen) from " + q[0] + " x where x." + q[2]
                    + " and x." + q[1] + " >= :from and x." + q[1] + " < :to" + scope + " group by x.categoryCode",
                    Object[].class).setParameter("from", LocalDate.of(year, 1, 1))
                    .setParameter("to", LocalDate.of(year + 1, 1, 1));
            switch (caller.scopeKind()) {
                case CITY -> { }
                case SUB_DISTRICTS -> query.setParameter("sd", caller.subDistrictIds().isEmpty() ? List.of(-1L)
                        : caller.subDistrictIds());
                default -> query.setParameter("own", caller.communityId() == null ? -1L : caller.communityId());
            }
            Map<String, Long> into = q[0].equals("Allocation") ? allocated : spent;
            for (Object[] r : query.getResultList()) {
                into.put((String) r[0], ((Number) r[1]).longValue());
            }
        }
        return sharesOf(null, year, allocated, spent);
    }

    private Shares sharesOf(String code, int year, Map<String, Long> allocated, Map<String, Long> spent) {
        long totalAllocated = allocated.values().stream().mapToLong(Long::longValue).sum();
        long totalSpent = spent.values().stream().mapToLong(Long::longValue).sum();
        Map<String, List<FundLimit>> limits = settings.limitsOf(year).stream()
                .collect(Collectors.groupingBy(FundLimit::getCategoryCode));
        List<ShareRow> rows = new ArrayList<>();
        for (FundCategory cat : settings.categories(true)) {
            long a = allocated.getOrDefault(cat.getCode(), 0L);
            long s = spent.getOrDefault(cat.getCode(), 0L);
            if (!cat.isActive() && a == 0 && s == 0) {
                continue;
            }
            List<LimitState> states = limits.getOrDefault(cat.getCode(), List.of()).stream()
                    .map(l -> new LimitState(l.getBound().name(), l.getShareBp(), l.getStrictness().name(),
                            ShareLimits.broken(a, totalAllocated, l.rule()), ShareLimits.broken(s, totalSpent, l.rule())))
                    .toList();
            rows.add(new ShareRow(cat.getCode(), cat.getNameZh(), cat.getNameEn(), cat.getKind().name(), a,
                    Money.share(a, totalAllocated), s, Money.share(s, totalSpent), states));
        }
        return new Shares(code, year, totalAllocated, totalSpent, rows);
    }

    /**
     * Spending by category of one community in a month and in its year so far, with the year's
     * limits' state, for the nightly assessment. No caller check: a batch reads it.
     */
    public List<MonthlySpending> monthlySpending(Long communityId, YearMonth month) {
        Map<String, Long> inMonth = new HashMap<>();
        for (Object[] r : em.createQuery("select e.categoryCode, sum(e.amountFen) from Expenditure e where "
                        + "e.communityId = :c and e.status = org.wushe.fund.domain.ExpenditureStatus.BOOKED "
                        + "and e.spentOn >= :from and e.spentOn < :to group by e.categoryCode", Object[].class)
                .setParameter("c", communityId).setParameter("from", month.atDay(1))
                .setParameter("to", month.plusMonths(1).atDay(1)).getResultList()) {
            inMonth.put((String) r[0], ((Number) r[1]).longValue());
        }
        Map<String, Long> ytd = totals.spentBetween(communityId, LocalDate.of(month.getYear(), 1, 1),
                month.plusMonths(1).atDay(1));
        long total = ytd.values().stream().mapToLong(Long::longValue).sum();
        Map<String, List<FundLimit>> limits = settings.limitsOf(month.getYear()).stream()
                .collect(Collectors.groupingBy(FundLimit::getCategoryCode));
        List<MonthlySpending> rows = new ArrayList<>();
        for (FundCategory cat : settings.categories(false)) {
            long y = ytd.getOrDefault(cat.getCode(), 0L);
            rows.add(new MonthlySpending(cat.getCode(), cat.getKind().name(), inMonth.getOrDefault(cat.getCode(), 0L), y,
                    Money.share(y, total), limits.getOrDefault(cat.getCode(), List.of()).stream()
                    .map(l -> new LimitState(l.getBound().name(), l.getShareBp(), l.getStrictness().name(), false,
                            ShareLimits.broken(y, total, l.rule()))).toList()));
        }
        return rows;
    }
}
