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
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.wushe.community.domain.Community;
import org.wushe.community.domain.Resident;
import org.wushe.fund.application.FundViews.AccountRow;
import org.wushe.fund.application.FundViews.AllocationForm;
import org.wushe.fund.application.FundViews.AllocationRow;
import org.wushe.fund.application.FundViews.Balance;
import org.wushe.fund.application.FundViews.DonationForm;
import org.wushe.fund.application.FundViews.DonationRow;
import org.wushe.fund.application.FundViews.EntryRow;
import org.wushe.fund.application.FundViews.ExpenditureForm;
import org.wushe.fund.application.FundViews.ExpenditureRow;
import org.wushe.fund.application.FundViews.LimitState;
import org.wushe.fund.application.FundViews.MonthlySpending;
import org.wushe.fund.application.FundViews.RefundForm;
import org.wushe.fund.application.FundViews.ShareRow;
import org.wushe.fund.application.FundViews.Shares;
import org.wushe.fund.application.FundViews.TransactionRow;
import org.wushe.fund.domain.AccountKind;
import org.wushe.fund.domain.Allocation;
import org.wushe.fund.domain.Donation;
import org.wushe.fund.domain.DonorKind;
import org.wushe.fund.domain.Expenditure;
import org.wushe.fund.domain.ExpenditureStatus;
import org.wushe.fund.domain.FilePurpose;
import org.wushe.fund.domain.FileType;
import org.wushe.fund.domain.FundAccount;
import org.wushe.fund.domain.FundCategory;
import org.wushe.fund.domain.FundEntry;
import org.wushe.fund.domain.FundFile;
import org.wushe.fund.domain.FundLimit;
import org.wushe.fund.domain.FundSetting;
import org.wushe.fund.domain.FundTransaction;
import org.wushe.fund.domain.Money;
import org.wushe.fund.domain.MoneySource;
import org.wushe.fund.domain.Project;
import org.wushe.fund.domain.ProjectStage;
import org.wushe.fund.domain.RecordStatus;
import org.wushe.fund.domain.Refund;
import org.wushe.fund.domain.Restriction;
import org.wushe.fund.domain.ShareLimits;
import org.wushe.fund.domain.TransactionKind;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.ConflictException;
import org.wushe.shared.Label;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.Page;
import org.wushe.shared.PageRequest;
import org.wushe.shared.ValidationException;

/**
 * A community's micro-fund: donations in, allocations to project budgets, expenditures out (above
 * the four-eyes threshold only after a second person approves), refunds to donors; every movement a
 * balanced ledger transaction ({@link Ledger}). Refuses overspending a budget, allocating money the
 * fund (or the matching restricted fund) does not hold, refunding spent money, and amounts that
 * break the bureau's category limits (docs/fund.md).
 */
@Stateless
public class FundService {

    @PersistenceContext
    EntityManager em;

    @Inject
    FundAccess access;

    @Inject
    Clock clock;

    private Ledger ledger() {
        return new Ledger(em);
    }

    // ---------------------------------------------------------------- donations

    /**
     * Records a donation ({@link Right#MANAGE_FUND}) and books it: into cash when unrestricted, else
     * into the restricted fund of its project or category. Refuses bad input field by field and a
     * receipt number the community already used.
     */
    public Donation recordDonation(DonationForm f) {
        Caller caller = access.caller(Right.MANAGE_FUND);
        Community c = access.community(caller, f.communityCode());
        ValidationException.Collector errors = new ValidationException.Collector();
        DonorKind kind = FundAccess.choice("donorKind", DonorKind.class, f.donorKind(), null, errors);
        String name = errors.text("donorName", f.donorName(), 100, f.residentId() == null);
        if (f.residentId() != null) {
            Resident r = em.find(Resident.class, f.residentId());
            if (r == null || !r.getCommunity().getId().equals(c.getId())) {
                errors.add("residentId", "fund.donor.residentNotInCommunity");
            } else {
                if (name == null) {
                    name = r.getName();
                }
                if (kind != null && kind != DonorKind.RESIDENT) {
                    errors.add("donorKind", "fund.donor.residentKind");
                }
            }
        }
        long amount = FundAccess.amount("amountFen", f.amountFen(), errors);
        LocalDate on = date("donatedOn", f.donatedOn(), errors);
        String receipt = errors.text("receiptNo", f.receiptNo(), 40, true);
        if (receipt != null && !em.createQuery("select d.id from Donation d where d.communityId = :c and d.receiptNo = :r",
                Long.class).setParameter("c", c.getId()).setParameter("r", receipt).getResultList().isEmpty()) {
            errors.add("receiptNo", "fund.receipt.duplicate", receipt);
        }
        Restriction restriction = FundAccess.choice("restriction", Restriction.class, f.restriction(), Restriction.NONE,
                errors);
        Long projectId = null;
        String category = null;
        if (restriction == Restriction.PROJECT) {
            Project p = f.restrictedProjectId() == null ? null : em.find(Project.class, f.restrictedProjectId());
            if (p == null || !p.getCommunityId().equals(c.getId())) {
                errors.add("restrictedProjectId", "fund.project.unknown");
            } else if (!ProjectStage.open().contains(p.getStage())) {
                errors.add("restrictedProjectId", "fund.project.closed");
            } else {
                projectId = p.getId();
            }
        } else if (restriction == Restriction.CATEGORY) {
            category = category("restrictedCategory", f.restrictedCategory(), errors);
        }
        errors.throwIfAny();
        ledger().gate(c.getId());
        Instant now = clock.instant();
        Donation d = new Donation(c.getId(), kind, name, f.residentId(), amount, on, receipt, restriction, projectId,
                category, f.namedPublicly(), caller.username(), now);
        em.persist(d);
        em.flush();
        Ledger l = ledger();
        FundAccount into = restrictionAccount(l, d);
        FundTransaction tx = l.post(c.getId(), TransactionKind.DONATION, d.getId(), null, on, now, caller.username(),
                "receipt " + receipt, List.of(debit(into, amount),
                        credit(l.account(c.getId(), AccountKind.DONATIONS, null, null), amount)));
        d.bookedAs(tx.getId());
        em.flush();
        return d;
    }

    private FundAccount restrictionAccount(Ledger l, Donation d) {
        return switch (d.getRestriction()) {
            case NONE -> l.account(d.getCommunityId(), AccountKind.CASH, null, null);
            case PROJECT -> l.account(d.getCommunityId(), AccountKind.RESTRICTED, d.getRestrictedProjectId(), null);
            case CATEGORY -> l.account(d.getCommunityId(), AccountKind.RESTRICTED, null, d.getRestrictedCategory());
        };
    }

    /**
     * One page of a community's donations, newest first ({@link Right#VIEW_FUND}). Resident donors
     * are named only to {@link Right#MANAGE_FUND} or when they agreed to be named publicly.
     */
    public Page<DonationRow> donations(String communityCode, PageRequest page) {
        Caller caller = access.caller(Right.VIEW_FUND);
        Community c = access.community(caller, communityCode);
        long total = em.createQuery("select count(d) from Donation d where d.communityId = :c", Long.class)
                .setParameter("c", c.getId()).getSingleResult();
        List<Donation> found = em.createQuery("select d from Donation d where d.communityId = :c "
                        + "order by d.donatedOn desc, d.id desc", Donation.class).setParameter("c", c.getId())
                .setFirstResult(page.first()).setMaxResults(page.size()).getResultList();
        boolean manage = caller.has(Right.MANAGE_FUND);
        Map<Long, String> titles = titles(found.stream().map(Donation::getRestrictedProjectId).toList());
        return new Page<>(found.stream().map(d -> donationRow(d, manage, titles)).toList(), total, page.first(),
                page.size());
    }

    static DonationRow donationRow(Donation d, boolean manage, Map<Long, String> titles) {
        String name = donorName(d, manage);
        return new DonationRow(d.getId(), d.getDonorKind().name(), name, name == null, d.getAmountFen(),
                d.getRefundedFen(), d.getDonatedOn(), d.getReceiptNo(), d.getRestriction().name(),
                d.getRestrictedProjectId(), titles.get(d.getRestrictedProjectId()), d.getRestrictedCategory(),
                d.isNamedPublicly(), manage ? d.getRecordedBy() : null);
    }

    /** The donor's name as this reader may see it, or null for "anonymous donor". */
    static String donorName(Donation d, boolean manage) {
        if (manage || d.isNamedPublicly() || d.getDonorKind() != DonorKind.RESIDENT) {
            return d.getDonorName();
        }
        return null;
    }

    // ---------------------------------------------------------------- allocations

    /**
     * Allocates money to an APPROVED or RUNNING project's budget for one category ({@link Right#MANAGE_FUND}).
     * The money comes from unrestricted cash, the project's restricted fund or the category's
     * restricted fund, and must be there; the year's category limits must hold (a soft one with a
     * written justification).
     */
    public Allocation allocate(AllocationForm f) {
        Caller caller = access.caller(Right.MANAGE_FUND);
        ValidationException.Collector errors = new ValidationException.Collector();
        Project p = project(f.projectId(), errors);
        String category = category("categoryCode", f.categoryCode(), errors);
        long amount = FundAccess.amount("amountFen", f.amountFen(), errors);
        MoneySource source = FundAccess.choice("source", MoneySource.class, f.source(), MoneySource.CASH, errors);
        LocalDate on = date("allocatedOn", f.allocatedOn(), errors);
        String justification = errors.text("justification", f.justification(), 1000, false);
        errors.throwIfAny();
        Community c = access.community(caller, p.getCommunityId());
        if (!p.getStage().takesAllocations()) {
            throw new ConflictException("fund.allocation.stage", "Project " + p.getId() + " is " + p.getStage(),
                    new Label("fund.stage." + p.getStage().name()));
        }
        Ledger l = ledger();
        l.gate(c.getId());
        FundAccount from = switch (source) {
            case CASH -> l.account(c.getId(), AccountKind.CASH, null, null);
            case PROJECT_FUND -> l.account(c.getId(), AccountKind.RESTRICTED, p.getId(), null);
            case CATEGORY_FUND -> l.account(c.getId(), AccountKind.RESTRICTED, null, category);
        };
        l.locked(from);
        if (from.getBalanceFen() < amount) {
            throw new ConflictException("fund.allocation.beyondAvailable", "Only " + from.getBalanceFen()
                    + " fen in " + from.getKey(), new Label("fund.source." + source.name()),
                    Money.format(from.getBalanceFen()));
        }
        checkLimits(on.getYear(), allocatedByCategory(c.getId(), on.getYear()), category, amount, justification,
                "fund.limit.allocation");
        Instant now = clock.instant();
        Allocation a = new Allocation(c.getId(), p.getId(), category, amount, source, on, justification,
                caller.username(), now);
        em.persist(a);
        em.flush();
        FundTransaction tx = l.post(c.getId(), TransactionKind.ALLOCATION, a.getId(), null, on, now, caller.username(),
                p.getTitle(), List.of(debit(l.account(c.getId(), AccountKind.BUDGET, p.getId(), category), amount),
                        credit(from, amount)));
        a.bookedAs(tx.getId());
        em.flush();
        return a;
    }

    // ---------------------------------------------------------------- expenditures

    /**
     * Records an expenditure of a RUNNING project with its receipt ({@link Right#MANAGE_FUND}). Up to
     * the four-eyes threshold it is booked at once; above it, it waits PENDING and books nothing
     * until {@link #approve}. Refuses a receipt that is not JPEG, PNG or PDF (by its bytes) or is
     * over 5 MB, more than the budget holds for the category, and breaking a category limit.
     */
    public Expenditure requestExpenditure(ExpenditureForm f) {
        Caller caller = access.caller(Right.MANAGE_FUND);
        ValidationException.Collector errors = new ValidationException.Collector();
        Project p = project(f.projectId(), errors);
        String category = category("categoryCode", f.categoryCode(), errors);
        long amount = FundAccess.amount("amountFen", f.amountFen(), errors);
        String payee = errors.text("payee", f.payee(), 100, true);
        String purpose = errors.text("purpose", f.purpose(), 500, true);
        LocalDate on = date("spentOn", f.spentOn(), errors);
        String justification = errors.text("justification", f.justification(), 1000, false);
        FileType type = file("receipt", f.receipt(), false, errors);
        errors.throwIfAny();
        Community c = access.community(caller, p.getCommunityId());
        if (!p.getStage().takesExpenditures()) {
            throw new ConflictException("fund.expenditure.stage", "Project " + p.getId() + " is " + p.getStage(),
                    new Label("fund.stage." + p.getStage().name()));
        }
        ledger().gate(c.getId());
        Instant now = clock.instant();
        FundFile receipt = new FundFile(c.getId(), FilePurpose.RECEIPT, null, type, f.receipt().fileName(),
                f.receipt().content(), now, caller.username());
        em.persist(receipt);
        em.flush();
        boolean pending = amount > approvalThreshold(c.getId());
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
        ledger().gate(e.getCommunityId());
        em.refresh(e);
        Instant now = clock.instant();
        e.decide(true, caller.username(), now, null);
        book(e, caller.username(), now);
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
        return e;
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
        Ledger l = ledger();
        FundAccount budget = l.locked(l.account(e.getCommunityId(), AccountKind.BUDGET, e.getProjectId(),
                e.getCategoryCode()));
        checkSpendable(e);
        FundTransaction tx = l.post(e.getCommunityId(), TransactionKind.EXPENDITURE, e.getId(), null, e.getSpentOn(), now,
                by, e.getPayee(), List.of(debit(l.account(e.getCommunityId(), AccountKind.EXPENSE, null,
                        e.getCategoryCode()), e.getAmountFen()), credit(budget, e.getAmountFen())));
        e.bookedAs(tx.getId());
        em.flush();
    }

    private void checkSpendable(Expenditure e) {
        FundAccount budget = ledger().account(e.getCommunityId(), AccountKind.BUDGET, e.getProjectId(), e.getCategoryCode());
        if (budget.getBalanceFen() < e.getAmountFen()) {
            throw new ConflictException("fund.expenditure.beyondBudget", "Budget " + budget.getKey() + " holds "
                    + budget.getBalanceFen(), categoryLabel(e.getCategoryCode()), Money.format(budget.getBalanceFen()));
        }
        checkLimits(e.getSpentOn().getYear(), spentByCategory(e.getCommunityId(), e.getSpentOn().getYear()),
                e.getCategoryCode(), e.getAmountFen(), e.getJustification(), "fund.limit.expenditure");
    }

    /** The receipt of an expenditure, for a caller who sees the community's fund. */
    public FundFile receipt(Long fileId) {
        Caller caller = access.caller(Right.VIEW_FUND);
        FundFile f = fileId == null ? null : em.find(FundFile.class, fileId);
        if (f == null || f.getPurpose() != FilePurpose.RECEIPT) {
            throw new NotFoundException("fundFile", fileId);
        }
        access.community(caller, f.getCommunityId());
        return f;
    }

    // ---------------------------------------------------------------- refunds and reversals

    /**
     * Returns money to a donor ({@link Right#MANAGE_FUND}) from what is still unspent of the gift:
     * at most what is left of the donation and at most what its fund (cash, or the restricted fund
     * it went to) still holds unallocated.
     */
    public Refund refund(Long donationId, RefundForm f) {
        Caller caller = access.caller(Right.MANAGE_FUND);
        Donation d = donationId == null ? null : em.find(Donation.class, donationId);
        if (d == null) {
            throw new NotFoundException("donation", donationId);
        }
        access.community(caller, d.getCommunityId());
        ValidationException.Collector errors = new ValidationException.Collector();
        long amount = FundAccess.amount("amountFen", f.amountFen(), errors);
        LocalDate on = date("refundedOn", f.refundedOn(), errors);
        String reason = errors.text("reason", f.reason(), 500, true);
        errors.throwIfAny();
        Ledger l = ledger();
        l.gate(d.getCommunityId());
        em.refresh(d);
        FundAccount from = l.locked(restrictionAccount(l, d));
        long unspent = Math.min(d.refundable(), from.getBalanceFen());
        if (amount > unspent) {
            throw new ConflictException("fund.refund.beyondUnspent", "Only " + unspent + " fen unspent",
                    Money.format(unspent));
        }
        d.refund(amount);
        Instant now = clock.instant();
        Refund r = new Refund(d.getCommunityId(), d.getId(), amount, on, reason, caller.username(), now);
        em.persist(r);
        em.flush();
        FundTransaction tx = l.post(d.getCommunityId(), TransactionKind.REFUND, r.getId(), null, on, now, caller.username(),
                reason, List.of(debit(l.account(d.getCommunityId(), AccountKind.DONATIONS, null, null), amount),
                        credit(from, amount)));
        r.bookedAs(tx.getId());
        em.flush();
        return r;
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
        ledger().gate(tx.getCommunityId());
        FundTransaction reversal = ledger().reverse(tx, LocalDate.now(clock), clock.instant(), caller.username(), why);
        if (tx.getKind() == TransactionKind.ALLOCATION) {
            em.find(Allocation.class, tx.getSourceId()).reversed();
        } else {
            em.find(Expenditure.class, tx.getSourceId()).reversed();
        }
        em.flush();
        return reversal;
    }

    // ---------------------------------------------------------------- reading

    /** One page of the community's ledger, newest first, each transaction with its entries ({@link Right#VIEW_FUND}). */
    public Page<TransactionRow> ledger(String communityCode, PageRequest page) {
        Caller caller = access.caller(Right.VIEW_FUND);
        Community c = access.community(caller, communityCode);
        long total = em.createQuery("select count(t) from FundTransaction t where t.communityId = :c", Long.class)
                .setParameter("c", c.getId()).getSingleResult();
        List<FundTransaction> txs = em.createQuery("select t from FundTransaction t where t.communityId = :c "
                        + "order by t.recordedAt desc, t.id desc", FundTransaction.class).setParameter("c", c.getId())
                .setFirstResult(page.first()).setMaxResults(page.size()).getResultList();
        Map<Long, List<EntryRow>> entries = new HashMap<>();
        if (!txs.isEmpty()) {
            for (Object[] r : em.createQuery("select e, a.key, a.kind from FundEntry e, FundAccount a "
                            + "where a.id = e.accountId and e.transactionId in :ids order by e.id", Object[].class)
                    .setParameter("ids", txs.stream().map(FundTransaction::getId).toList()).getResultList()) {
                FundEntry e = (FundEntry) r[0];
                entries.computeIfAbsent(e.getTransactionId(), k -> new ArrayList<>()).add(new EntryRow((String) r[1],
                        ((AccountKind) r[2]).name(), String.valueOf(e.getSide()), e.getAmountFen()));
            }
        }
        return new Page<>(txs.stream().map(t -> new TransactionRow(t.getId(), t.getKind().name(), t.getSourceId(),
                t.getReversesId(), t.getOccurredOn(), t.getRecordedAt(), t.getRecordedBy(), t.getMemo(),
                entries.getOrDefault(t.getId(), List.of()))).toList(), total, page.first(), page.size());
    }

    /**
     * The fund's balance summed from the ledger's entries, beside donations − refunds − expenditures
     * from the records themselves ({@link Right#VIEW_FUND}); {@code holds} says whether they agree.
     */
    public Balance balance(String communityCode) {
        Caller caller = access.caller(Right.VIEW_FUND);
        Community c = access.community(caller, communityCode);
        return balanceOf(c);
    }

    Balance balanceOf(Community c) {
        Map<AccountKind, Long> byKind = new HashMap<>();
        for (Object[] r : em.createQuery("select a.kind, sum(case when e.side = 'D' then e.amountFen else 0 end), "
                        + "sum(case when e.side = 'C' then e.amountFen else 0 end) from FundEntry e, FundAccount a "
                        + "where a.id = e.accountId and a.communityId = :c group by a.kind", Object[].class)
                .setParameter("c", c.getId()).getResultList()) {
            byKind.put((AccountKind) r[0], ((Number) r[1]).longValue() - ((Number) r[2]).longValue());
        }
        long cash = byKind.getOrDefault(AccountKind.CASH, 0L);
        long restricted = byKind.getOrDefault(AccountKind.RESTRICTED, 0L);
        long budgets = byKind.getOrDefault(AccountKind.BUDGET, 0L);
        long donations = sum("select sum(d.amountFen) from Donation d where d.communityId = :c", c.getId());
        long refunds = sum("select sum(r.amountFen) from Refund r where r.communityId = :c", c.getId());
        long spent = sum("select sum(e.amountFen) from Expenditure e where e.communityId = :c and e.status = "
                + "org.wushe.fund.domain.ExpenditureStatus.BOOKED", c.getId());
        long pending = sum("select sum(e.amountFen) from Expenditure e where e.communityId = :c and e.status = "
                + "org.wushe.fund.domain.ExpenditureStatus.PENDING", c.getId());
        long balance = cash + restricted + budgets;
        List<AccountRow> accounts = em.createQuery("select a from FundAccount a where a.communityId = :c "
                        + "order by a.kind, a.key", FundAccount.class).setParameter("c", c.getId()).getResultList()
                .stream().map(a -> new AccountRow(a.getKey(), a.getKind().name(), a.getProjectId(), a.getCategoryCode(),
                        a.getBalanceFen())).toList();
        boolean cachedAgree = accounts.stream().filter(a -> FundAccount.holdsMoney(AccountKind.valueOf(a.kind())))
                .mapToLong(AccountRow::balanceFen).sum() == balance;
        return new Balance(c.getCode(), balance, cash, restricted, budgets, donations, refunds, spent, pending,
                cachedAgree && balance == donations - refunds - spent, accounts);
    }

    private long sum(String jpql, Long communityId) {
        Number n = em.createQuery(jpql, Number.class).setParameter("c", communityId).getSingleResult();
        return n == null ? 0 : n.longValue();
    }

    /** A community's allocations, newest first (at most 500), optionally of one project. */
    public List<AllocationRow> allocations(String communityCode, Long projectId) {
        Caller caller = access.caller(Right.VIEW_FUND);
        Community c = access.community(caller, communityCode);
        var q = em.createQuery("select a from Allocation a where a.communityId = :c"
                + (projectId == null ? "" : " and a.projectId = :p") + " order by a.allocatedOn desc, a.id desc",
                Allocation.class).setParameter("c", c.getId());
        if (projectId != null) {
            q.setParameter("p", projectId);
        }
        List<Allocation> found = q.setMaxResults(500).getResultList();
        Map<Long, String> titles = titles(found.stream().map(Allocation::getProjectId).toList());
        return found.stream().map(a -> allocationRow(a, titles)).toList();
    }

    static AllocationRow allocationRow(Allocation a, Map<Long, String> titles) {
        return new AllocationRow(a.getId(), a.getProjectId(), titles.get(a.getProjectId()), a.getCategoryCode(),
                a.getAmountFen(), a.getSource().name(), a.getAllocatedOn(), a.getJustification(), a.getStatus().name(),
                a.getRecordedBy(), a.getTransactionId());
    }

    /** A community's expenditures, newest first (at most 500), optionally of one project or status. */
    public List<ExpenditureRow> expenditures(String communityCode, Long projectId, String status) {
        Caller caller = access.caller(Right.VIEW_FUND);
        Community c = access.community(caller, communityCode);
        ValidationException.Collector errors = new ValidationException.Collector();
        ExpenditureStatus s = status == null || status.isBlank() ? null
                : FundAccess.choice("status", ExpenditureStatus.class, status, null, errors);
        errors.throwIfAny();
        var q = em.createQuery("select e from Expenditure e where e.communityId = :c"
                + (projectId == null ? "" : " and e.projectId = :p") + (s == null ? "" : " and e.status = :s")
                + " order by e.spentOn desc, e.id desc", Expenditure.class).setParameter("c", c.getId());
        if (projectId != null) {
            q.setParameter("p", projectId);
        }
        if (s != null) {
            q.setParameter("s", s);
        }
        List<Expenditure> found = q.setMaxResults(500).getResultList();
        Map<Long, String> titles = titles(found.stream().map(Expenditure::getProjectId).toList());
        return found.stream().map(e -> expenditureRow(e, titles)).toList();
    }

    static ExpenditureRow expenditureRow(Expenditure e, Map<Long, String> titles) {
        return new ExpenditureRow(e.getId(), e.getProjectId(), titles.get(e.getProjectId()), e.getCategoryCode(),
                e.getAmountFen(), e.getPayee(), e.getPurpose(), e.getSpentOn(), e.getReceiptFileId(),
                e.getJustification(), e.getStatus().name(), e.getRequestedBy(), e.getDecidedBy(), e.getRejectReason(),
                e.getTransactionId());
    }

    Map<Long, String> titles(List<Long> projectIds) {
        List<Long> ids = projectIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        // A HashMap: rows without a project look up a null key.
        Map<Long, String> titles = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("select p from Project p where p.id in :ids", Project.class).setParameter("ids", ids)
                    .getResultStream().forEach(p -> titles.put(p.getId(), p.getTitle()));
        }
        return titles;
    }

    // ---------------------------------------------------------------- category shares and limits

    /** A community's category shares of the year against the limits ({@link Right#VIEW_FUND}). */
    public Shares shares(String communityCode, int year) {
        Caller caller = access.caller(Right.VIEW_FUND);
        Community c = access.community(caller, communityCode);
        return sharesOf(c.getCode(), year, allocatedByCategory(c.getId(), year), spentByCategory(c.getId(), year));
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
        Map<String, List<FundLimit>> limits = limitsOf(year).stream()
                .collect(Collectors.groupingBy(FundLimit::getCategoryCode));
        List<ShareRow> rows = new ArrayList<>();
        for (FundCategory cat : categories(true)) {
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
        Map<String, Long> ytd = spentBetween(communityId, LocalDate.of(month.getYear(), 1, 1),
                month.plusMonths(1).atDay(1));
        long total = ytd.values().stream().mapToLong(Long::longValue).sum();
        Map<String, List<FundLimit>> limits = limitsOf(month.getYear()).stream()
                .collect(Collectors.groupingBy(FundLimit::getCategoryCode));
        List<MonthlySpending> rows = new ArrayList<>();
        for (FundCategory cat : categories(false)) {
            long y = ytd.getOrDefault(cat.getCode(), 0L);
            rows.add(new MonthlySpending(cat.getCode(), cat.getKind().name(), inMonth.getOrDefault(cat.getCode(), 0L), y,
                    Money.share(y, total), limits.getOrDefault(cat.getCode(), List.of()).stream()
                    .map(l -> new LimitState(l.getBound().name(), l.getShareBp(), l.getStrictness().name(), false,
                            ShareLimits.broken(y, total, l.rule()))).toList()));
        }
        return rows;
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

    private Map<String, Long> spentBetween(Long communityId, LocalDate from, LocalDate to) {
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

    /**
     * @throws ConflictException {@code fund.limit.hard} for a hard limit broken
     * @throws ValidationException {@code fund.limit.justificationRequired} on {@code justification}
     *         for a soft limit broken without a written justification
     */
    private void checkLimits(int year, Map<String, Long> before, String category, long amount, String justification,
                             String what) {
        List<ShareLimits.Breach> breaches = ShareLimits.check(before, category, amount,
                limitsOf(year).stream().map(FundLimit::rule).toList());
        for (ShareLimits.Breach b : breaches) {
            Object[] args = {categoryLabel(b.limit().categoryCode()), new Label("fund.bound." + b.limit().bound().name()),
                    Money.percent(b.limit().shareBp()), Money.percent(b.shareAfterBp()), new Label(what)};
            if (b.limit().strictness() == org.wushe.fund.domain.Strictness.HARD) {
                throw new ConflictException("fund.limit.hard", "Limit broken: " + b, args);
            }
        }
        if (!breaches.isEmpty() && (justification == null || justification.isBlank())) {
            ShareLimits.Breach b = breaches.get(0);
            throw ValidationException.of("justification", "fund.limit.justificationRequired",
                    categoryLabel(b.limit().categoryCode()), new Label("fund.bound." + b.limit().bound().name()),
                    Money.percent(b.limit().shareBp()), Money.percent(b.shareAfterBp()));
        }
    }

    static Label categoryLabel(String code) {
        return new Label("fund.category." + code);
    }

    // ---------------------------------------------------------------- configuration (the bureau)

    /** The spending categories in their order; inactive ones only when asked for. Anyone signed in. */
    public List<FundCategory> categories(boolean includeInactive) {
        return em.createQuery("select c from FundCategory c " + (includeInactive ? "" : "where c.active = true ")
                + "order by c.sortOrder, c.code", FundCategory.class).getResultList();
    }

    /** Adds or changes a spending category ({@link Right#CONFIGURE_FUND}). */
    public FundCategory saveCategory(String code, String nameZh, String nameEn, String kind, int sortOrder,
                                     boolean active) {
        access.caller(Right.CONFIGURE_FUND);
        ValidationException.Collector errors = new ValidationException.Collector();
        String c = errors.text("code", code, 30, true);
        if (c != null && !c.toUpperCase().matches("[A-Z][A-Z0-9_]{1,29}")) {
            errors.add("code", "category.code.invalid");
        }
        String zh = errors.text("nameZh", nameZh, 50, true);
        String en = errors.text("nameEn", nameEn, 50, true);
        org.wushe.fund.domain.CategoryKind k = FundAccess.choice("kind", org.wushe.fund.domain.CategoryKind.class, kind,
                null, errors);
        errors.throwIfAny();
        FundCategory existing = em.find(FundCategory.class, c.toUpperCase());
        if (existing == null) {
            existing = new FundCategory(c.toUpperCase(), zh, en, k, sortOrder);
            existing.update(zh, en, k, sortOrder, active);
            em.persist(existing);
        } else {
            existing.update(zh, en, k, sortOrder, active);
        }
        em.flush();
        return existing;
    }

    /** The limits of a year, by category. Anyone signed in. */
    public List<FundLimit> limitsOf(int year) {
        return em.createQuery("select l from FundLimit l where l.year = :y order by l.categoryCode, l.bound",
                FundLimit.class).setParameter("y", year).getResultList();
    }

    /**
     * Sets (or, with a null share, removes) a category's MAX or MIN limit for a year
     * ({@link Right#CONFIGURE_FUND}). The share is in basis points (2000 = 20%).
     */
    public Optional<FundLimit> setLimit(int year, String categoryCode, String bound, Integer shareBp, String strictness) {
        access.caller(Right.CONFIGURE_FUND);
        ValidationException.Collector errors = new ValidationException.Collector();
        if (year < 2000 || year > 2100) {
            errors.add("year", "fund.limit.year");
        }
        String category = category("categoryCode", categoryCode, errors);
        org.wushe.fund.domain.LimitBound b = FundAccess.choice("bound", org.wushe.fund.domain.LimitBound.class, bound,
                null, errors);
        org.wushe.fund.domain.Strictness s = FundAccess.choice("strictness", org.wushe.fund.domain.Strictness.class,
                strictness, org.wushe.fund.domain.Strictness.HARD, errors);
        if (shareBp != null && (shareBp < 0 || shareBp > 10_000)) {
            errors.add("shareBp", "fund.limit.share");
        }
        errors.throwIfAny();
        Optional<FundLimit> existing = em.createQuery("select l from FundLimit l where l.year = :y and "
                        + "l.categoryCode = :c and l.bound = :b", FundLimit.class).setParameter("y", year)
                .setParameter("c", category).setParameter("b", b).getResultStream().findFirst();
        if (shareBp == null) {
            existing.ifPresent(em::remove);
            em.flush();
            return Optional.empty();
        }
        FundLimit l = existing.orElseGet(() -> {
            FundLimit n = new FundLimit(year, category, b, shareBp, s);
            em.persist(n);
            return n;
        });
        l.change(shareBp, s);
        em.flush();
        return Optional.of(l);
    }

    /** The four-eyes threshold that applies to a community (its override, else the city default). */
    public long approvalThreshold(Long communityId) {
        FundSetting own = em.find(FundSetting.class, FundSetting.communityKey(communityId));
        if (own != null) {
            return own.getApprovalThresholdFen();
        }
        FundSetting city = em.find(FundSetting.class, FundSetting.CITY);
        return city == null ? 500_000L : city.getApprovalThresholdFen();
    }

    /** The threshold for a community in the caller's scope ({@link Right#VIEW_FUND}). */
    public long approvalThreshold(String communityCode) {
        Caller caller = access.caller(Right.VIEW_FUND);
        return approvalThreshold(access.community(caller, communityCode).getId());
    }

    /**
     * Sets the four-eyes threshold ({@link Right#CONFIGURE_FUND}): the city default when the
     * community code is null, else that community's override; a null amount removes an override.
     */
    public void setApprovalThreshold(String communityCode, Long fen) {
        Caller caller = access.caller(Right.CONFIGURE_FUND);
        String key = communityCode == null || communityCode.isBlank() ? FundSetting.CITY
                : FundSetting.communityKey(access.community(caller, communityCode).getId());
        if (fen == null && !key.equals(FundSetting.CITY)) {
            FundSetting s = em.find(FundSetting.class, key);
            if (s != null) {
                em.remove(s);
            }
            return;
        }
        ValidationException.Collector errors = new ValidationException.Collector();
        FundAccess.amount("approvalThresholdFen", fen, errors);
        errors.throwIfAny();
        FundSetting s = em.find(FundSetting.class, key);
        if (s == null) {
            em.persist(new FundSetting(key, fen));
        } else {
            s.change(fen);
        }
        em.flush();
    }

    // ---------------------------------------------------------------- input helpers

    private Project project(Long id, ValidationException.Collector errors) {
        Project p = id == null ? null : em.find(Project.class, id);
        if (p == null) {
            errors.add("projectId", id == null ? "error.required" : "fund.project.unknown");
        }
        return p;
    }

    private String category(String field, String code, ValidationException.Collector errors) {
        return access.category(field, code, errors);
    }

    private LocalDate date(String field, LocalDate on, ValidationException.Collector errors) {
        LocalDate today = LocalDate.now(clock);
        if (on == null) {
            return today;
        }
        if (on.isAfter(today)) {
            errors.add(field, "fund.date.future");
        }
        return on;
    }

    /**
     * Checks an upload: present, at most 5 MB, and JPEG, PNG (or PDF where allowed) by its bytes.
     * Records {@code error.required}, {@code fund.file.tooLarge} or {@code fund.file.type}.
     */
    static FileType file(String field, FundViews.Upload upload, boolean imagesOnly, ValidationException.Collector errors) {
        if (upload == null || upload.content() == null || upload.content().length == 0) {
            errors.add(field, "error.required");
            return null;
        }
        if (upload.content().length > FileType.MAX_BYTES) {
            errors.add(field, "fund.file.tooLarge", upload.fileName() == null ? "" : upload.fileName());
            return null;
        }
        Optional<FileType> type = FileType.sniff(upload.content());
        if (type.isEmpty() || imagesOnly && !type.get().isImage()) {
            errors.add(field, imagesOnly ? "fund.file.imageType" : "fund.file.type",
                    upload.fileName() == null ? "" : upload.fileName());
            return null;
        }
        return type.get();
    }
}
