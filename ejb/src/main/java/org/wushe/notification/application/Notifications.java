package org.wushe.notification.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.wushe.notification.delivery.Channels;
import org.wushe.notification.domain.Notification;
import org.wushe.notification.domain.NotificationDelivery;
import org.wushe.notification.domain.NotificationKind;
import org.wushe.security.application.CurrentCaller;
import org.wushe.security.domain.Caller;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.Page;
import org.wushe.shared.PageRequest;
import org.wushe.shared.ValidationException;

/**
 * The notification outbox. The services raise a notification with {@link #notify} inside the
 * transaction of the event (the method refuses to run outside one), so a rolled-back action
 * notifies no one and a committed one always does. Each signed-in account reads and marks only its
 * own notifications; somebody else's is answered as not found.
 */
@Stateless
public class Notifications {

    /** One notification as its recipient sees it. */
    public record NotificationView(Long id, String kind, String messageKey, List<String> arguments,
                                   String recordType, Long recordId, String link, Instant createdAt, Instant readAt) {
        public boolean unread() {
            return readAt == null;
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Clock clock;

    @Inject
    Channels channels;

    /**
     * Raises a notification for one account in the caller's transaction; nothing for a
     * {@code null} recipient (a resident without an account, a community without a Party secretary).
     *
     * @param link the page of the record, relative to the application (e.g. {@code /casework/referrals.xhtml?id=7})
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void notify(Long recipientId, Long communityId, NotificationKind kind, String recordType, Long recordId,
                       String link, Object... arguments) {
        if (recipientId == null) {
            return;
        }
        Instant now = clock.instant();
        Notification n = new Notification(recipientId, communityId, kind, recordType, recordId, link, now, arguments);
        em.persist(n);
        if (wantsOutside(recipientId, kind)) {
            em.flush();
            for (String channel : channels.configured()) {
                em.persist(new NotificationDelivery(n.getId(), channel, now));
            }
        }
    }

    private boolean wantsOutside(Long accountId, NotificationKind kind) {
        return !em.createNativeQuery("select kind from notification_outside where account_id = ? and kind = ?")
                .setParameter(1, accountId).setParameter(2, kind.name()).getResultList().isEmpty();
    }

    /** The kinds the caller also receives outside the workstation (in-app is always on). */
    public Set<String> outsideKinds() {
        Caller caller = currentCaller.get();
        Set<String> kinds = new TreeSet<>();
        for (Object k : em.createNativeQuery("select kind from notification_outside where account_id = ?")
                .setParameter(1, caller.accountId()).getResultList()) {
            kinds.add(String.valueOf(k));
        }
        return kinds;
    }

    /** Sets the kinds the caller also receives outside the workstation; an unknown kind is refused. */
    public Set<String> chooseOutsideKinds(Collection<String> kinds) {
        Caller caller = currentCaller.get();
        Set<NotificationKind> chosen = EnumSet.noneOf(NotificationKind.class);
        ValidationException.Collector errors = new ValidationException.Collector();
        for (String k : kinds == null ? List.<String>of() : kinds) {
            try {
                chosen.add(NotificationKind.valueOf(k));
            } catch (IllegalArgumentException | NullPointerException e) {
                errors.add("kinds", "notification.outside.unknown", String.valueOf(k));
            }
        }
        errors.throwIfAny();
        em.createNativeQuery("delete from notification_outside where account_id = ?")
                .setParameter(1, caller.accountId()).executeUpdate();
        for (NotificationKind k : chosen) {
            em.createNativeQuery("insert into notification_outside (account_id, kind) values (?, ?)")
                    .setParameter(1, caller.accountId()).setParameter(2, k.name()).executeUpdate();
        }
        return outsideKinds();
    }

    /** The account id of a user name, or {@code null}. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Long accountOf(String username) {
        if (username == null) {
            return null;
        }
        List<Long> ids = em.createQuery("select a.id from Account a where a.username = :u", Long.class)
                .setParameter("u", username).getResultList();
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** The account of a resident (a volunteer signs in with one), or {@code null}. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Long accountOfResident(Long residentId) {
        if (residentId == null) {
            return null;
        }
        List<Long> ids = em.createQuery("select a.id from Account a where a.residentId = :r and a.enabled = true "
                + "order by a.id", Long.class).setParameter("r", residentId).setMaxResults(1).getResultList();
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** The enabled accounts of residents (representatives, volunteers), in one query; none for an empty list. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public List<Long> accountsOfResidents(List<Long> residentIds) {
        if (residentIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select a.id from Account a where a.residentId in :r and a.enabled = true order by a.id",
                Long.class).setParameter("r", residentIds).getResultList();
    }

    /** The caller's notifications, newest first; only the unread ones if asked. */
    public Page<NotificationView> mine(boolean unreadOnly, PageRequest page) {
        Caller caller = currentCaller.get();
        String where = " where n.recipientId = :me" + (unreadOnly ? " and n.readAt is null" : "");
        long total = em.createQuery("select count(n) from Notification n" + where, Long.class)
                .setParameter("me", caller.accountId()).getSingleResult();
        List<NotificationView> rows = em.createQuery("select n from Notification n" + where
                        + " order by n.createdAt desc, n.id desc", Notification.class)
                .setParameter("me", caller.accountId()).setFirstResult(page.first()).setMaxResults(page.size())
                .getResultStream().map(Notifications::view).toList();
        return new Page<>(rows, total, page.first(), page.size());
    }

    /** How many of the caller's notifications are unread (one count on the recipient index). */
    public long unreadCount() {
        Caller caller = currentCaller.get();
        return em.createQuery("select count(n) from Notification n where n.recipientId = :me and n.readAt is null",
                Long.class).setParameter("me", caller.accountId()).getSingleResult();
    }

    /** Marks one of the caller's notifications read; another account's is not found. */
    public NotificationView markRead(Long id) {
        Caller caller = currentCaller.get();
        Notification n = id == null ? null : em.find(Notification.class, id);
        if (n == null || !n.getRecipientId().equals(caller.accountId())) {
            throw new NotFoundException("notification", id);
        }
        n.markRead(clock.instant());
        return view(n);
    }

    /** Marks all of the caller's unread notifications read, in one statement; returns how many. */
    public int markAllRead() {
        Caller caller = currentCaller.get();
        return em.createQuery("update Notification n set n.readAt = :now where n.recipientId = :me "
                        + "and n.readAt is null").setParameter("now", clock.instant())
                .setParameter("me", caller.accountId()).executeUpdate();
    }

    static NotificationView view(Notification n) {
        return new NotificationView(n.getId(), n.getKind().name(), n.getMessageKey(), n.argumentList(),
                n.getRecordType(), n.getRecordId(), n.getLink(), n.getCreatedAt(), n.getReadAt());
    }
}
