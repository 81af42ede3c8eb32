package org.wushe.notification.delivery;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.wushe.shared.Installation;

/**
 * Sends the due delivery rows every 20 seconds on every node: claim (SENDING, committed) before
 * calling the channel, DELIVERED after, PENDING with a later attempt when the channel refused. A
 * row left SENDING by a node that stopped in between is claimed again once its claim is older than
 * {@value #LEASE} seconds (default 300) and sent again with the same idempotency key.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeliveryDispatcher {

    /** {@code off} stops this node's timer (the rows wait for another node, or for {@code on}). */
    public static final String ENABLED = "wushe.notification.delivery";
    /** Seconds after which a claim whose sender never recorded the outcome is taken again. */
    public static final String LEASE = "wushe.notification.leaseSeconds";
    static final int BATCH = 100;
    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class.getName());

    @EJB
    DeliveryClaims claims;

    @Inject
    Channels channels;

    @Schedule(hour = "*", minute = "*", second = "*/20", persistent = false, info = "notification delivery")
    public void tick() {
        if ("off".equalsIgnoreCase(Installation.setting(ENABLED, "on"))) {
            return;
        }
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "notification delivery: " + e, e);
        }
    }

    /** Claims and sends one batch of due rows; returns how many the channels accepted. */
    public int runOnce() {
        String node = node();
        List<Long> claimed = claims.claim(node, BATCH, lease());
        int sent = 0;
        for (Long id : claimed) {
            OutsideMessage m = claims.message(id);
            Optional<NotificationChannel> channel = channels.byName(m.channel());
            if (channel.isEmpty()) {
                claims.failed(id, node, "no channel named " + m.channel());
                continue;
            }
            try {
                channel.get().deliver(m);
            } catch (Exception refused) {
                claims.failed(id, node, refused.toString());
                continue;
            }
            claims.delivered(id, node);
            sent++;
        }
        return sent;
    }

    static Duration lease() {
        try {
            return Duration.ofSeconds(Math.max(30, Long.parseLong(Installation.setting(LEASE, "300"))));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(300);
        }
    }

    /** This node's name in the claims: every GlassFish or Payara instance is "server" by default. */
    static String node() {
        return org.wushe.shared.Installation.nodeName();
    }
}
