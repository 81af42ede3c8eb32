package org.wushe.it.support;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.wushe.fund.domain.FundEntry;

/** Tries what no service offers, to prove the ledger's entries refuse it: changing and deleting an entry. */
@Stateless
public class LedgerTamper {

    @PersistenceContext
    EntityManager em;

    private FundEntry first(Long transactionId) {
        return em.createQuery("select e from FundEntry e where e.transactionId = :t order by e.id", FundEntry.class)
                .setParameter("t", transactionId).getResultList().get(0);
    }

    /** Deletes the transaction's first entry (must be refused). */
    public void deleteEntry(Long transactionId) {
        em.remove(first(transactionId));
        em.flush();
    }

    /** Merges a copy of the transaction's first entry with another amount (must be refused on flush). */
    public void changeEntry(Long transactionId) throws ReflectiveOperationException {
        FundEntry e = first(transactionId);
        FundEntry copy = new FundEntry(e.getTransactionId(), e.getAccountId(), e.getSide(), e.getAmountFen() + 1);
        var id = FundEntry.class.getDeclaredField("id");
        id.setAccessible(true);
        id.set(copy, e.getId());
        em.merge(copy);
        em.flush();
    }
}
