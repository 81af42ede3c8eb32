package org.wushe.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.wushe.shared.Installation;

/**
 * The outside channels in use: the names in {@value #CHANNELS} (default {@code log}), each found as
 * a CDI bean of that {@link NotificationChannel#name()} or, failing that, made from the class named
 * in {@code wushe.notification.channel.<name>.class} (public no-argument constructor, on the
 * server's class path). Read again at every use, so an edit takes effect without a restart.
 */
@ApplicationScoped
public class Channels {

    public static final String CHANNELS = "wushe.notification.channels";

    @Inject
    @Any
    Instance<NotificationChannel> beans;

    private final Map<String, NotificationChannel> byClass = new ConcurrentHashMap<>();

    /** The names of the channels in use, in the setting's order. */
    public List<String> configured() {
        return Arrays.stream(Installation.setting(CHANNELS, LoggingChannel.NAME).split(","))
                .map(String::trim).filter(s -> !s.isEmpty() && s.length() <= 50).distinct().toList();
    }

    /** The channel of that name, if there is one. */
    public Optional<NotificationChannel> byName(String name) {
        for (NotificationChannel c : beans) {
            if (c.name().equals(name)) {
                return Optional.of(c);
            }
        }
        String className = Installation.setting("wushe.notification.channel." + name + ".class", null);
        if (className == null) {
            return Optional.empty();
        }
        return Optional.of(byClass.computeIfAbsent(className, Channels::make));
    }

    private static NotificationChannel make(String className) {
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            return (NotificationChannel) Class.forName(className, true, loader).getConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("notification channel class " + className + ": " + e, e);
        }
    }
}
