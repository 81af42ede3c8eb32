package org.wushe.fund.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wushe.community.domain.Community;
import org.wushe.fund.application.FundViews.AccountRow;
import org.wushe.fund.application.FundViews.AllocationRow;
import org.wushe.fund.application.FundViews.Balance;
import org.wushe.fund.application.FundViews.DonationRow;
import org.wushe.fund.application.FundViews.EntryRow;
import org.wushe.fund.application.FundViews.ExpenditureRow;
import org.wushe.fund.application.FundViews.TransactionRow;
import org.wushe.fund.domain.AccountKind;
import org.wushe.fund.domain.Allocation;
import org.wushe.fund.domain.Donation;
import org.wushe.fund.domain.DonorKind;
import org.wushe.fund.domain.Expenditure;
import org.wushe.fund.domain.ExpenditureStatus;
import org.wushe.fund.domain.FilePurpose;
import org.wushe.fund.domain.FundAccount;
import org.wushe.fund.domain.FundEntry;
import org.wushe.fund.domain.FundFile;
import org.wushe.fund.domain.FundTransaction;
import org.wushe.fund.domain.Project;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.Page;
import org.wushe.shared.PageRequest;
import org.wushe.shared.ValidationException;

/**
 * Reading a community's fund ({@link Right#VIEW_FUND}, in the caller's scope): donations (donors
 * named as the reader may see them), the ledger with its entries, the balance checked against the
 * records, allocations, expenditures and their receipts.
 */
@Stateless
public class FundQueries {

    @PersistenceContext
    EntityManager em;

    @Inject
    FundAccess access;

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
}
