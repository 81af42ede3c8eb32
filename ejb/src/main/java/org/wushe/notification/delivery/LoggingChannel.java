package org.wushe.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Logger;

/** The default channel: writes each message to the server log (channel name {@code log}). */
@ApplicationScoped
public class LoggingChannel implements NotificationChannel {

    public static final String NAME = "log";
    private static final Logger LOG = Logger.getLogger(LoggingChannel.class.getName());

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void deliver(OutsideMessage m) {
        LOG.info(() -> "notification " + m.idempotencyKey() + " to " + m.recipient() + ": " + m.messageKey() + " "
                + m.arguments() + " " + m.link());
    }
}
