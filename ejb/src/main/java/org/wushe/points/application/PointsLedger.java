package org.wushe.points.application;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.wushe.points.domain.PointEntry;
import org.wushe.points.domain.PointTransaction;
import org.wushe.points.domain.SourceType;

/**
 * Writes and reads the ledger. Posting is idempotent per source: a source already booked is not
 * booked again (and the database's unique source key stops a concurrent second booking). Balances
 * are sums of entries. Internal to the features that post: no caller checks here.
 */
@Stateless
public class PointsLedger {

    @PersistenceContext
    EntityManager em;

    /** Whether the source has a transaction already. */
    public boolean isBooked(SourceType type, Long sourceId) {
        return em.createQuery("select count(t) from PointTransaction t where t.sourceType = :t and t.sourceId = :s",
                Long.class).setParameter("t", type.name()).setParameter("s", sourceId).getSingleResult() > 0;
    }

    /**
     * Books a balanced transaction unless its source is booked already.
     *
     * @return true when booked now, false when the source had been booked before
     */
    public boolean post(PointTransaction t) {
        if (t.balance() != 0) {
            throw new IllegalArgumentException("unbalanced transaction");
        }
        if (isBooked(SourceType.valueOf(t.getSourceType()), t.getSourceId())) {
            return false;
        }
        em.persist(t);
        em.flush();
        return true;
    }

    /** The balance: the sum of the account's entries. */
    public long balance(Long accountId) {
        Number sum = em.createQuery("select sum(e.amount) from PointEntry e where e.accountId = :a", Number.class)
                .setParameter("a", accountId).getSingleResult();
        return sum == null ? 0 : sum.longValue();
    }

    /** Entries of an account, newest first, with their transactions. */
    public List<PointEntry> entries(Long accountId, int first, int size) {
        return em.createQuery("select e from PointEntry e join fetch e.transaction where e.accountId = :a "
                        + "order by e.createdAt desc, e.id desc", PointEntry.class)
                .setParameter("a", accountId).setFirstResult(first).setMaxResults(size).getResultList();
    }

    public long countEntries(Long accountId) {
        return em.createQuery("select count(e) from PointEntry e where e.accountId = :a", Long.class)
                .setParameter("a", accountId).getSingleResult();
    }
}
