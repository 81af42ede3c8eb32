package org.wushe.notification.delivery;

/**
 * An outside channel (the bureau's SMS platform, an e-mail gateway). An implementation is a CDI
 * bean of the application, or a class named in {@code wushe.notification.channel.<name>.class}
 * with a public no-argument constructor; the setting {@code wushe.notification.channels} lists the
 * names in use (docs/operations.md, "Notifications outside the workstation").
 */
public interface NotificationChannel {

    /** The channel's name, as listed in {@code wushe.notification.channels} (at most 50 characters). */
    String name();

    /**
     * Hands one message to the channel; returns once the channel has accepted it, throws when it
     * has not (it is then tried again later). The same message may come again with the same
     * {@link OutsideMessage#idempotencyKey()} after a crash between acceptance and the record of
     * it: a gateway that honours the key sends it once.
     */
    void deliver(OutsideMessage message) throws Exception;
}
