package org.wushe.points.application;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import org.wushe.points.domain.AccountKind;
import org.wushe.points.domain.PointAccount;

/**
 * Finds or opens point accounts. Opening runs in its own transaction so that two callers opening
 * the same account at once end with one account (the loser of the unique key reads the winner's).
 * Internal to the ledger: no caller checks here. A caller whose own transaction has just created
 * the community or resident must open the account in that transaction instead (the separate one
 * would wait for those uncommitted rows).
 */
@Stateless
public class PointAccounts {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @EJB
    PointAccounts self;

    public Optional<PointAccount> find(AccountKind kind, Long communityId, Long residentId) {
        return em.createQuery("select a from PointAccount a where a.ownerKey = :k", PointAccount.class)
                .setParameter("k", PointAccount.ownerKey(kind, communityId, residentId))
                .getResultStream().findFirst();
    }

    /** The account, opened if it does not exist yet. */
    public PointAccount obtain(AccountKind kind, Long communityId, Long residentId) {
        return find(kind, communityId, residentId).orElseGet(() -> {
            try {
                self.open(kind, communityId, residentId);
            } catch (EJBException raced) {
                // someone else opened it at the same moment: theirs is the account
            }
            return find(kind, communityId, residentId).orElseThrow();
        });
    }

    /** The account locked for this transaction (redemptions serialise on it). */
    public PointAccount lock(PointAccount account) {
        return em.find(PointAccount.class, account.getId(), LockModeType.PESSIMISTIC_WRITE);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void open(AccountKind kind, Long communityId, Long residentId) {
        em.persist(PointAccount.of(kind, communityId, residentId, clock.instant()));
        em.flush();
    }
}
