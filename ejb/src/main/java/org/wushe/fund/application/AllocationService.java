package org.wushe.fund.application;

import static org.wushe.fund.application.Ledger.credit;
import static org.wushe.fund.application.Ledger.debit;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.wushe.community.domain.Community;
import org.wushe.fund.application.FundViews.AllocationForm;
import org.wushe.fund.domain.AccountKind;
import org.wushe.fund.domain.Allocation;
import org.wushe.fund.domain.FundAccount;
import org.wushe.fund.domain.FundTransaction;
import org.wushe.fund.domain.MoneySource;
import org.wushe.fund.domain.Project;
import org.wushe.fund.domain.SpendingPolicy;
import org.wushe.fund.domain.TransactionKind;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.ValidationException;

/** Money to project budgets: allocations from cash or a restricted fund, within the year's category limits. */
@Stateless
public class AllocationService {

    @PersistenceContext
    EntityManager em;

    @Inject
    FundAccess access;

    @Inject
    FundInputs inputs;

    @Inject
    CategoryTotals totals;

    @Inject
    Ledger ledger;

    @Inject
    Clock clock;

    /**
     * Allocates money to an APPROVED or RUNNING project's budget for one category ({@link Right#MANAGE_FUND}).
     * The money comes from unrestricted cash, the project's restricted fund or the category's
     * restricted fund, and must be there; the year's category limits must hold (a soft one with a
     * written justification).
     */
    public Allocation allocate(AllocationForm f) {
        Caller caller = access.caller(Right.MANAGE_FUND);
        ValidationException.Collector errors = new ValidationException.Collector();
        FundInputs.Booking booking = inputs.booking(f.projectId(), f.categoryCode(), f.amountFen(), errors);
        MoneySource source = FundAccess.choice("source", MoneySource.class, f.source(), MoneySource.CASH, errors);
        LocalDate on = inputs.date("allocatedOn", f.allocatedOn(), errors);
        String justification = errors.text("justification", f.justification(), 1000, false);
        errors.throwIfAny();
        Project p = booking.project();
        String category = booking.category();
        long amount = booking.amountFen();
        Community c = inputs.bookingCommunity(caller, p, false);
        ledger.gate(c.getId());
        FundAccount from = switch (source) {
            case CASH -> ledger.account(c.getId(), AccountKind.CASH, null, null);
            case PROJECT_FUND -> ledger.account(c.getId(), AccountKind.RESTRICTED, p.getId(), null);
            case CATEGORY_FUND -> ledger.account(c.getId(), AccountKind.RESTRICTED, null, category);
        };
        ledger.locked(from);
        SpendingPolicy.requireAvailable(source, from.getKey(), from.getBalanceFen(), amount);
        totals.requireWithinLimits(on.getYear(), totals.allocatedByCategory(c.getId(), on.getYear()), category, amount,
                justification, SpendingPolicy.Movement.ALLOCATION);
        Instant now = clock.instant();
        Allocation a = new Allocation(c.getId(), p.getId(), category, amount, source, on, justification,
                caller.username(), now);
        em.persist(a);
        em.flush();
        FundTransaction tx = ledger.post(c.getId(), TransactionKind.ALLOCATION, a.getId(), null, on, now,
                caller.username(), p.getTitle(), List.of(debit(ledger.account(c.getId(), AccountKind.BUDGET, p.getId(),
                        category), amount), credit(from, amount)));
        a.bookedAs(tx.getId());
        em.flush();
        return a;
    }
}
