package org.wushe.notification.delivery;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.wushe.notification.domain.Notification;
import org.wushe.notification.domain.NotificationDelivery;
import org.wushe.notification.domain.NotificationDelivery.State;
import org.wushe.security.domain.Account;

/**
 * The moves of delivery rows, each in a transaction of its own, by conditional updates: a row is
 * claimed only if it is still due when the update runs, so of two nodes that read the same row
 * one claims it and the other's update changes nothing.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DeliveryClaims {

    /** The longest wait between two attempts. */
    static final Duration MAX_BACKOFF = Duration.ofHours(1);

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** The wait before attempt {@code attempts + 1}: 30 s, doubled per failed attempt, at most an hour. */
    public static Duration backoff(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 7));
        Duration d = Duration.ofSeconds(30L << doublings);
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    /**
     * Claims up to {@code max} due rows for {@code node}: PENDING ones whose next attempt is due and
     * SENDING ones whose claim is older than {@code lease} (their sender stopped between sending
     * and recording it; they are sent again with the same key). Returns the ids claimed.
     */
    public List<Long> claim(String node, int max, Duration lease) {
        Instant now = clock.instant();
        Instant expired = now.minus(lease);
        String due = "((d.state = :pending and d.nextAttemptAt <= :now) or (d.state = :sending and d.claimedAt < :expired))";
        List<Long> candidates = em.createQuery("select d.id from NotificationDelivery d where " + due
                        + " order by d.nextAttemptAt, d.id", Long.class)
                .setParameter("pending", State.PENDING).setParameter("sending", State.SENDING)
                .setParameter("now", now).setParameter("expired", expired).setMaxResults(max).getResultList();
        List<Long> claimed = new ArrayList<>();
        for (Long id : candidates) {
            int changed = em.createQuery("update NotificationDelivery d set d.state = :sending, d.claimedAt = :now, "
                            + "d.claimedBy = :node, d.attempts = d.attempts + 1 where d.id = :id and " + due)
                    .setParameter("pending", State.PENDING).setParameter("sending", State.SENDING)
                    .setParameter("now", now).setParameter("expired", expired).setParameter("node", node)
                    .setParameter("id", id).executeUpdate();
            if (changed == 1) {
                claimed.add(id);
            }
        }
        return claimed;
    }

    /** The message of a claimed row, with the same idempotency key on every attempt. */
    public OutsideMessage message(Long deliveryId) {
        NotificationDelivery d = em.find(NotificationDelivery.class, deliveryId);
        Notification n = em.find(Notification.class, d.getNotificationId());
        Account a = em.find(Account.class, n.getRecipientId());
        return new OutsideMessage(String.valueOf(d.getId()), d.getChannel(), n.getRecipientId(), a.getUsername(),
                a.getDisplayName(), n.getKind().name(), n.getMessageKey(), n.argumentList(), n.getLink(),
                n.getCreatedAt());
    }

    /** Records that the channel accepted the message of a row this node holds. */
    public boolean delivered(Long deliveryId, String node) {
        return em.createQuery("update NotificationDelivery d set d.state = :done, d.deliveredAt = :now, "
                        + "d.lastError = null where d.id = :id and d.state = :sending and d.claimedBy = :node")
                .setParameter("done", State.DELIVERED).setParameter("now", clock.instant())
                .setParameter("id", deliveryId).setParameter("sending", State.SENDING).setParameter("node", node)
                .executeUpdate() == 1;
    }

    /** Puts a row this node holds back to PENDING after a failed attempt, due again after {@link #backoff}. */
    public void failed(Long deliveryId, String node, String error) {
        NotificationDelivery d = em.find(NotificationDelivery.class, deliveryId);
        String why = error == null ? "" : error.length() > 500 ? error.substring(0, 500) : error;
        em.createQuery("update NotificationDelivery d set d.state = :pending, d.nextAttemptAt = :next, "
                        + "d.lastError = :why where d.id = :id and d.state = :sending and d.claimedBy = :node")
                .setParameter("pending", State.PENDING)
                .setParameter("next", clock.instant().plus(backoff(d.getAttempts())))
                .setParameter("why", why).setParameter("id", deliveryId).setParameter("sending", State.SENDING)
                .setParameter("node", node).executeUpdate();
    }
}
