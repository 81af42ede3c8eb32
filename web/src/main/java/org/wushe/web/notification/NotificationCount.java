package org.wushe.web.notification;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.wushe.notification.application.Notifications;

/** The unread count in the page header, read once per request (one count on the recipient's index). */
@Named
@RequestScoped
public class NotificationCount {

    @EJB
    Notifications notifications;

    private Long unread;

    public long getUnread() {
        if (unread == null) {
            unread = notifications.unreadCount();
        }
        return unread;
    }
}
