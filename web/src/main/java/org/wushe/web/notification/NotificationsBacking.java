package org.wushe.web.notification;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.wushe.notification.application.Notifications;
import org.wushe.notification.application.Notifications.NotificationView;
import org.wushe.notification.domain.NotificationKind;
import org.wushe.web.security.SessionBacking;
import org.wushe.web.support.Actions;
import org.wushe.web.support.FacesErrors;
import org.wushe.web.support.Messages;
import org.wushe.web.support.PageModel;

/** The notifications page (消息中心): the caller's own, newest first, paged; mark one or all read. */
@Named
@ViewScoped
public class NotificationsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    Notifications notifications;

    @Inject
    SessionBacking session;

    private boolean onlyUnread;
    private PageModel<NotificationView> model;
    private List<String> outside = new ArrayList<>();

    @PostConstruct
    void init() {
        Notifications service = notifications;
        model = new PageModel<>(r -> service.mine(onlyUnread, r), NotificationView::id, "notifications");
        Actions.run("outside", () -> outside = new ArrayList<>(notifications.outsideKinds()));
    }

    /** Every kind, for the choice of what also goes outside the workstation. */
    public List<String> getKinds() {
        return Arrays.stream(NotificationKind.values()).map(Enum::name).toList();
    }

    public void saveOutside() {
        Actions.run("outside", () -> {
            outside = new ArrayList<>(notifications.chooseOutsideKinds(outside));
            FacesErrors.info("notification.outside.saved");
        });
    }

    /** What happened, in the reader's language. */
    public String text(NotificationView n) {
        return Messages.text(session.getLocale(), n.messageKey(), n.arguments());
    }

    /** The record's page, relative to the application. */
    public String href(NotificationView n) {
        return n.link();
    }

    public void markRead(NotificationView n) {
        Actions.run("notifications", () -> {
            notifications.markRead(n.id());
            FacesErrors.info("notification.done.read");
        });
    }

    /** "Only unread" switched: the list shows the new selection from its first page. */
    public void onlyUnreadChanged(jakarta.faces.event.AjaxBehaviorEvent event) {
        org.wushe.web.support.FirstPage.inFormOf(event.getComponent());
    }

    public void markAllRead() {
        Actions.run("notifications", () -> FacesErrors.info("notification.done.allRead", notifications.markAllRead()));
    }

    public PageModel<NotificationView> getModel() { return model; }
    public List<String> getOutside() { return outside; }
    public void setOutside(List<String> v) { outside = v == null ? new ArrayList<>() : new ArrayList<>(v); }
    public boolean isOnlyUnread() { return onlyUnread; }
    public void setOnlyUnread(boolean v) { onlyUnread = v; }
}
