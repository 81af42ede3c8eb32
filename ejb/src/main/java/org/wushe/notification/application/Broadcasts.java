package org.wushe.notification.application;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import javax.sql.DataSource;
import org.wushe.notification.delivery.Channels;
import org.wushe.notification.domain.Notification;
import org.wushe.notification.domain.NotificationKind;
import org.wushe.shared.SequenceIds;

/**
 * Notifications to many accounts at once, written set-based in the caller's transaction (one
 * {@code INSERT ... SELECT} for the notifications, one per outside channel for the deliveries of
 * those who chose the kind), never a loop per recipient: a community has thousands of residents.
 * Ids come from the tables' sequences one value per row; every sequence steps by 50 and a value
 * {@code v} reserves {@code v-49 .. v} (see {@code SequenceIds}), so these rows and the entities'
 * never share an id.
 */
@Stateless
public class Broadcasts {

    /** The enabled accounts of a community: its staff, and the accounts of its residents. */
    private static final String COMMUNITY_ACCOUNTS = "from account a where a.enabled = ? and (a.community_id = ? "
            + "or a.resident_id in (select r.id from resident r where r.community_id = ?))";

    @Resource(lookup = "jdbc/wushe")
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    Channels channels;

    /**
     * Raises one notification for every enabled account of a community (its staff and its
     * residents' accounts) in the caller's transaction; returns how many were written.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public int notifyCommunity(Long communityId, NotificationKind kind, String recordType, Long recordId, String link,
                               Object... arguments) {
        return notifyRows(kind, recordType, "select a.id recipient_id, cast(? as bigint) community_id, "
                        + "cast(? as varchar(2000)) arguments, cast(? as bigint) record_id, cast(? as varchar(300)) link "
                        + COMMUNITY_ACCOUNTS, communityId, Notification.join(arguments), recordId, link, true,
                communityId, communityId);
    }

    /**
     * Raises one notification per row of a query, in the caller's transaction, with the outside
     * deliveries of the recipients who chose the kind; returns how many were written. The query
     * names its columns {@code recipient_id, community_id, arguments} (as {@link Notification#join}
     * writes them){@code , record_id, link}.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public int notifyRows(NotificationKind kind, String recordType, String rows, Object... parameters) {
        Timestamp at = Timestamp.from(clock.instant());
        try (Connection c = dataSource.getConnection()) {
            int written;
            try (PreparedStatement ps = c.prepareStatement("insert into notification (id, recipient_id, community_id, "
                    + "kind, message_key, arguments, record_type, record_id, link, created_at) select "
                    + SequenceIds.nextValue(c, "notification_seq") + ", q.recipient_id, q.community_id, "
                    + "cast(? as varchar(30)), cast(? as varchar(100)), q.arguments, cast(? as varchar(30)), "
                    + "q.record_id, q.link, cast(? as timestamp) from (" + rows + ") q")) {
                ps.setString(1, kind.name());
                ps.setString(2, Notification.messageKey(kind));
                ps.setString(3, recordType);
                ps.setTimestamp(4, at);
                for (int i = 0; i < parameters.length; i++) {
                    ps.setObject(5 + i, parameters[i]);
                }
                written = ps.executeUpdate();
            }
            if (written == 0) {
                return 0;
            }
            for (String channel : channels.configured()) {
                // Those who chose the kind, found by their notifications of this instant (the recipient index).
                try (PreparedStatement ps = c.prepareStatement("insert into notification_delivery (id, notification_id, "
                        + "channel, state, attempts, next_attempt_at) select " + SequenceIds.nextValue(c, "notification_delivery_seq")
                        + ", n.id, cast(? as varchar(50)), 'PENDING', 0, cast(? as timestamp) from notification n, "
                        + "notification_outside o where o.kind = ? and n.recipient_id = o.account_id "
                        + "and n.created_at = ? and n.kind = ? and n.record_type = ? and not exists (select d.id from "
                        + "notification_delivery d where d.notification_id = n.id and d.channel = ?)")) {
                    ps.setString(1, channel);
                    ps.setTimestamp(2, at);
                    ps.setString(3, kind.name());
                    ps.setTimestamp(4, at);
                    ps.setString(5, kind.name());
                    ps.setString(6, recordType);
                    ps.setString(7, channel);
                    ps.executeUpdate();
                }
            }
            return written;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot raise " + kind + " notifications: " + e.getMessage(), e);
        }
    }
}
