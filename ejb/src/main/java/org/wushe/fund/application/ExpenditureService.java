package org.wushe.fund.application;

import static org.wushe.fund.application.Ledger.credit;
import static org.wushe.fund.application.Ledger.debit;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import org.wushe.notification.application.Notifications;
import org.wushe.notification.domain.NotificationKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.wushe.community.domain.Community;
import org.wushe.fund.application.FundViews.ExpenditureForm;
import org.wushe.fund.domain.AccountKind;
import org.wushe.fund.domain.Allocation;
import org.wushe.fund.domain.Expenditure;
import org.wushe.fund.domain.FilePurpose;
import org.wushe.fund.domain.FileType;
import org.wushe.fund.domain.FundAccount;
import org.wushe.fund.domain.FundFile;
import org.wushe.fund.domain.FundTransaction;
import org.wushe.fund.domain.Project;
import org.wushe.fund.domain.SpendingPolicy;
import org.wushe.fund.domain.TransactionKind;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.ConflictException;
import org.wushe.shared.Label;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.ValidationException;

/**
 * Money out of project budgets: expenditures with their receipts, booked at once up to the
 * four-eyes threshold and after a second person's approval above it; and reversals, which correct
 * a booked allocation or expenditure by a mirror transaction ({@link SpendingPolicy}).
 */
@Stateless
public class ExpenditureService {

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

    @EJB
    FundSettings settings;

    @Inject
    Clock clock;

    @Inject
    Notifications notifications;

    /**
     * Records an expenditure of a RUNNING project with its receipt ({@link Right#MANAGE_FUND}). Up to
     * the four-eyes threshold it is booked at once; above it, it waits PENDING and books nothing
     * until {@link #approve}. Refuses a receipt that is not JPEG, PNG or PDF (by its bytes) or is
     * over 5 MB, more than the budget holds for the category, and breaking a category limit.
     */
    public Expenditure requestExpenditure(ExpenditureForm f) {
        Caller caller = access.caller(Right.MANAGE_FUND);
        ValidationException.Collector errors = new ValidationException.Collector();
        FundInputs.Booking booking = inputs.booking(f.projectId(), f.categoryCode(), f.amountFen(), errors);
        String payee = errors.text("payee", f.payee(), 100, true);
        String purpose = errors.text("purpose", f.purpose(), 500, true);
        LocalDate on = inputs.date("spentOn", f.spentOn(), errors);
        String justification = errors.text("justification", f.justification(), 1000, false);
        FileType type = FundInputs.file("receipt", f.receipt(), false, errors);
        errors.throwIfAny();
        Project p = booking.project();
        String category = booking.category();
        long amount = booking.amountFen();
        Community c = inputs.bookingCommunity(caller, p, true);
        ledger.gate(c.getId());
        Instant now = clock.instant();
        FundFile receipt = new FundFile(c.getId(), FilePurpose.RECEIPT, null, type, f.receipt().fileName(),
                f.receipt().content(), now, caller.username());
        em.persist(receipt);
        em.flush();
        boolean pending = SpendingPolicy.needsSecondPerson(amount, settings.approvalThreshold(c.getId()));
        Expenditure e = new Expenditure(c.getId(), p.getId(), category, amount, payee, purpose, on, receipt.getId(),
                justification, pending, caller.username(), now);
        // Checked now too, so nobody waits for an approval that cannot be booked.
        checkSpendable(e);
        em.persist(e);
        em.flush();
        receipt.attachTo(e.getId());
        if (!pending) {
            book(e, caller.username(), now);
        }
        return e;
    }

    /**
     * Approves a pending expenditure and books it ({@link Right#APPROVE_EXPENDITURES}); never by
     * its requester. The budget row is locked while checked and booked.
     */
    public Expenditure approve(Long expenditureId) {
        Caller caller = access.caller(Right.APPROVE_EXPENDITURES);
        Expenditure e = expenditure(caller, expenditureId);
        ledger.gate(e.getCommunityId());
        em.refresh(e);
        Instant now = clock.instant();
        e.decide(true, caller.username(), now, null);
        book(e, caller.username(), now);
        tell(e, NotificationKind.EXPENDITURE_APPROVED);
        return e;
    }

    /** Rejects a pending expenditure with a reason ({@link Right#APPROVE_EXPENDITURES}); never by its requester. */
    public Expenditure reject(Long expenditureId, String reason) {
        Caller caller = access.caller(Right.APPROVE_EXPENDITURES);
        ValidationException.Collector errors = new ValidationException.Collector();
        String r = errors.text("reason", reason, 1000, true);
        errors.throwIfAny();
        Expenditure e = expenditure(caller, expenditureId);
        e.decide(false, caller.username(), clock.instant(), r);
        em.flush();
        tell(e, NotificationKind.EXPENDITURE_REJECTED);
        return e;
    }

    /** Tells the requester what became of their expenditure (its purpose, amount in yuan, the reason of a rejection). */
    private void tell(Expenditure e, NotificationKind kind) {
        notifications.notify(notifications.accountOf(e.getRequestedBy()), e.getCommunityId(), kind, "expenditure",
                e.getId(), "/fund/project.xhtml?id=" + e.getProjectId(), e.getPurpose(),
                java.math.BigDecimal.valueOf(e.getAmountFen(), 2).toPlainString(), e.getRejectReason());
    }

    private Expenditure expenditure(Caller caller, Long id) {
        Expenditure e = id == null ? null : em.find(Expenditure.class, id);
        if (e == null) {
            throw new NotFoundException("expenditure", id);
        }
        access.community(caller, e.getCommunityId());
        return e;
    }

    private void book(Expenditure e, String by, Instant now) {
        FundAccount budget = ledger.locked(ledger.account(e.getCommunityId(), AccountKind.BUDGET, e.getProjectId(),
                e.getCategoryCode()));
        checkSpendable(e);
        FundTransaction tx = ledger.post(e.getCommunityId(), TransactionKind.EXPENDITURE, e.getId(), null,
                e.getSpentOn(), now, by, e.getPayee(), List.of(debit(ledger.account(e.getCommunityId(),
                        AccountKind.EXPENSE, null, e.getCategoryCode()), e.getAmountFen()), credit(budget,
                        e.getAmountFen())));
        e.bookedAs(tx.getId());
        em.flush();
    }

    private void checkSpendable(Expenditure e) {
        FundAccount budget = ledger.account(e.getCommunityId(), AccountKind.BUDGET, e.getProjectId(),
                e.getCategoryCode());
        SpendingPolicy.requireInBudget(e.getCategoryCode(), budget.getKey(), budget.getBalanceFen(), e.getAmountFen());
        int year = e.getSpentOn().getYear();
        totals.requireWithinLimits(year, totals.spentByCategory(e.getCommunityId(), year), e.getCategoryCode(),
                e.getAmountFen(), e.getJustification(), SpendingPolicy.Movement.EXPENDITURE);
    }

    /**
     * Corrects a booked allocation or expenditure by a reversal transaction that points to it
     * ({@link Right#MANAGE_FUND}); the entries themselves are never changed. An allocation can be
     * reversed only while its budget still holds the money.
     */
    public FundTransaction reverse(Long transactionId, String reason) {
        Caller caller = access.caller(Right.MANAGE_FUND);
        FundTransaction tx = transactionId == null ? null : em.find(FundTransaction.class, transactionId);
        if (tx == null) {
            throw new NotFoundException("fundTransaction", transactionId);
        }
        access.community(caller, tx.getCommunityId());
        ValidationException.Collector errors = new ValidationException.Collector();
        String why = errors.text("reason", reason, 300, true);
        errors.throwIfAny();
        if (tx.getKind() != TransactionKind.ALLOCATION && tx.getKind() != TransactionKind.EXPENDITURE) {
            throw new ConflictException("fund.reversal.kind", "Only allocations and expenditures are reversed",
                    new Label("fund.txKind." + tx.getKind().name()));
        }
        ledger.gate(tx.getCommunityId());
        FundTransaction reversal = ledger.reverse(tx, LocalDate.now(clock), clock.instant(), caller.username(), why);
        if (tx.getKind() == TransactionKind.ALLOCATION) {
            em.find(Allocation.class, tx.getSourceId()).reversed();
        } else {
            em.find(Expenditure.class, tx.getSourceId()).reversed();
        }
        em.flush();
        return reversal;
    }
}
