package org.wushe.fund.application;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.wushe.fund.domain.AccountKind;
import org.wushe.fund.domain.FundAccount;
import org.wushe.fund.domain.FundEntry;
import org.wushe.fund.domain.FundTransaction;
import org.wushe.fund.domain.TransactionKind;
import org.wushe.shared.ConflictException;

/**
 * Books balanced transactions into a community's fund ledger: finds or opens the accounts, locks
 * the money-holding ones (so two concurrent movements cannot both spend the same fen), checks the
 * lines balance, writes the transaction and its entries, and moves the accounts' balances, which
 * refuse to go below zero. A bean injected into the fund services and the demo loader alike; it
 * works in the caller's transaction and persistence context.
 *
 * <p>Usage: {@code @Inject Ledger ledger; … ledger.post(communityId, TransactionKind.DONATION, donationId, null, day, now, user, memo, lines)}
 */
@Dependent
public class Ledger {

    @PersistenceContext
    EntityManager em;

    /** The account of that kind (for a project and/or category), opened when it does not exist yet. */
    public FundAccount account(Long communityId, AccountKind kind, Long projectId, String categoryCode) {
        String key = FundAccount.key(kind, projectId, categoryCode);
        List<FundAccount> found = em.createQuery("select a from FundAccount a where a.communityId = :c and a.key = :k",
                FundAccount.class).setParameter("c", communityId).setParameter("k", key).getResultList();
        if (!found.isEmpty()) {
            return found.get(0);
        }
        FundAccount a = new FundAccount(communityId, kind, projectId, categoryCode);
        em.persist(a);
        em.flush();
        return a;
    }

    /**
     * Serialises the money movements of one community: every operation that books takes this lock
     * (on the community's donations account) before it checks or inserts anything, so two of them
     * never interleave their checks (budgets, year-to-date category shares) with each other's
     * uncommitted rows, and never deadlock. A community's fund moves a few times a day; waiting
     * for one another costs nothing there.
     */
    public void gate(Long communityId) {
        locked(account(communityId, AccountKind.DONATIONS, null, null));
    }

    /** The account locked for update, re-read so its balance is the committed one. */
    public FundAccount locked(FundAccount a) {
        em.flush();
        em.lock(a, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(a);
        return a;
    }

    /**
     * Books one transaction. The accounts are locked in id order (no deadlock between two bookings).
     *
     * @throws ConflictException {@code fund.insufficient} when a money-holding account would go below zero
     */
    public FundTransaction post(Long communityId, TransactionKind kind, Long sourceId, Long reversesId, LocalDate on,
                                Instant at, String by, String memo, List<FundTransaction.Line> lines) {
        FundTransaction.requireBalanced(lines);
        lines.stream().map(FundTransaction.Line::account).distinct()
                .sorted(Comparator.comparing(FundAccount::getId)).forEach(this::locked);
        FundTransaction tx = new FundTransaction(communityId, kind, sourceId, reversesId, on, at, by, memo);
        em.persist(tx);
        em.flush();
        for (FundTransaction.Line l : lines) {
            l.account().apply(l.side(), l.amountFen());
            em.persist(new FundEntry(tx.getId(), l.account().getId(), l.side(), l.amountFen()));
        }
        em.flush();
        return tx;
    }

    /**
     * Books the mirror of a transaction, pointing to it.
     *
     * @throws ConflictException {@code fund.reversal.twice} when it was already reversed or is itself a reversal
     */
    public FundTransaction reverse(FundTransaction original, LocalDate on, Instant at, String by, String memo) {
        boolean done = !em.createQuery("select t.id from FundTransaction t where t.reversesId = :id", Long.class)
                .setParameter("id", original.getId()).getResultList().isEmpty();
        if (done || original.getKind() == TransactionKind.REVERSAL) {
            throw new ConflictException("fund.reversal.twice", "Transaction " + original.getId() + " cannot be reversed");
        }
        List<FundTransaction.Line> mirror = new ArrayList<>();
        for (FundEntry e : entries(original.getId())) {
            mirror.add(new FundTransaction.Line(em.find(FundAccount.class, e.getAccountId()),
                    e.getSide() == 'D' ? 'C' : 'D', e.getAmountFen()));
        }
        return post(original.getCommunityId(), TransactionKind.REVERSAL, original.getSourceId(), original.getId(), on, at,
                by, memo, mirror);
    }

    public List<FundEntry> entries(Long transactionId) {
        return em.createQuery("select e from FundEntry e where e.transactionId = :t order by e.id", FundEntry.class)
                .setParameter("t", transactionId).getResultList();
    }

    /** Debit or credit line helpers. */
    public static FundTransaction.Line debit(FundAccount a, long fen) {
        return new FundTransaction.Line(a, 'D', fen);
    }

    public static FundTransaction.Line credit(FundAccount a, long fen) {
        return new FundTransaction.Line(a, 'C', fen);
    }
}
