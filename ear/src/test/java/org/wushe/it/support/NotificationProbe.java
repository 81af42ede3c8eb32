package org.wushe.it.support;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.concurrent.Callable;

/** Reads the notification table across recipients (what no service offers), and runs an action in a transaction that then fails. */
@Stateless
public class NotificationProbe {

    /** Thrown after the action has run, so its transaction rolls back. */
    public static class AfterTheAction extends RuntimeException {
        public final long seenInTransaction;

        AfterTheAction(long seenInTransaction) {
            super("the action ran; its transaction is made to fail");
            this.seenInTransaction = seenInTransaction;
        }
    }

    @PersistenceContext
    EntityManager em;

    /** "username:KIND" of every notification about the record, in id order. */
    public List<String> recipients(String recordType, Long recordId) {
        return em.createQuery("select a.username, n.kind from Notification n, Account a where a.id = n.recipientId "
                        + "and n.recordType = :t and n.recordId = :r order by n.id", Object[].class)
                .setParameter("t", recordType).setParameter("r", recordId).getResultStream()
                .map(o -> o[0] + ":" + o[1]).toList();
    }

    /** "channel:STATE:attempts" of every delivery row of the notifications about the record, in id order. */
    public List<String> deliveries(String recordType, Long recordId) {
        return em.createQuery("select d.channel, d.state, d.attempts from NotificationDelivery d, Notification n "
                        + "where n.id = d.notificationId and n.recordType = :t and n.recordId = :r order by d.id",
                        Object[].class)
                .setParameter("t", recordType).setParameter("r", recordId).getResultStream()
                .map(o -> o[0] + ":" + o[1] + ":" + o[2]).toList();
    }

    /** The id of the delivery row of the notification about the record through the channel. */
    public Long deliveryId(String recordType, Long recordId, String channel) {
        return em.createQuery("select d.id from NotificationDelivery d, Notification n where n.id = d.notificationId "
                        + "and n.recordType = :t and n.recordId = :r and d.channel = :c", Long.class)
                .setParameter("t", recordType).setParameter("r", recordId).setParameter("c", channel).getSingleResult();
    }

    /**
     * Runs the action in this transaction, counts the notifications about the record it returns
     * (visible inside the transaction), then fails, so everything rolls back.
     */
    public void failAfter(String recordType, Callable<Long> action) throws Exception {
        Long id = action.call();
        em.flush();
        throw new AfterTheAction(recipients(recordType, id).size());
    }
}
