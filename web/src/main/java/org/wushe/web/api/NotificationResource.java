package org.wushe.web.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.wushe.notification.application.Notifications;
import org.wushe.notification.application.Notifications.NotificationView;
import org.wushe.shared.Page;
import org.wushe.shared.PageRequest;
import org.wushe.shared.ValidationException;
import org.wushe.web.support.Messages;

/**
 * The caller's own notifications:
 * {@code GET /api/notifications?unread=true&page=0} (newest first, {@value #PAGE_SIZE} a page, with the
 * text in the requested language), {@code POST /api/notifications/{id}/read},
 * {@code POST /api/notifications/read-all} (answers how many). Somebody else's notification is not found.
 */
@Path("notifications")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "home")
public class NotificationResource {

    static final int PAGE_SIZE = 20;

    /** One notification with its text. */
    public record Item(Long id, String kind, String text, String messageKey, List<String> arguments,
                       String recordType, Long recordId, String link, Instant createdAt, Instant readAt, boolean unread) {
    }

    /** The answer of read-all. */
    public record Marked(int marked) {
    }

    @EJB
    Notifications notifications;

    @Context
    HttpHeaders headers;

    @GET
    public Page<Item> list(@QueryParam("unread") String unread, @QueryParam("page") String page) {
        ValidationException.Collector errors = new ValidationException.Collector();
        boolean onlyUnread = false;
        if (unread != null && !unread.isBlank()) {
            if (!unread.equals("true") && !unread.equals("false")) {
                errors.add("unread", "notification.api.unread");
            }
            onlyUnread = unread.equals("true");
        }
        int number = 0;
        if (page != null && !page.isBlank()) {
            try {
                number = Integer.parseInt(page.trim());
            } catch (NumberFormatException e) {
                number = -1;
            }
            if (number < 0 || number > Integer.MAX_VALUE / PAGE_SIZE) {
                errors.add("page", "notification.api.page");
            }
        }
        errors.throwIfAny();
        Locale locale = WusheExceptionMapper.locale(headers);
        return notifications.mine(onlyUnread, PageRequest.of(number * PAGE_SIZE, PAGE_SIZE)).map(n -> item(n, locale));
    }

    @POST
    @Path("{id}/read")
    public Item read(@PathParam("id") long id) {
        return item(notifications.markRead(id), WusheExceptionMapper.locale(headers));
    }

    @POST
    @Path("read-all")
    public Marked readAll() {
        return new Marked(notifications.markAllRead());
    }

    private static Item item(NotificationView n, Locale locale) {
        return new Item(n.id(), n.kind(), Messages.text(locale, n.messageKey(), n.arguments()), n.messageKey(),
                n.arguments(), n.recordType(), n.recordId(), n.link(), n.createdAt(), n.readAt(), n.unread());
    }
}
