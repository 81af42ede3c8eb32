package org.wushe.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The one clock of the application. Services inject {@link Clock} instead of calling
 * {@code Instant.now()}, so a test can move time (lockout expiry, deadlines) without waiting.
 */
@ApplicationScoped
public class ClockProducer {
    @Produces
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
