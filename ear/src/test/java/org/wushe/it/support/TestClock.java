package org.wushe.it.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** In the service tests, a clock that the test can move forward (lockout expiry, deadlines). */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class TestClock {

    private static volatile Duration offset = Duration.ZERO;

    @Produces
    @Alternative
    Clock clock() {
        return new MovableClock(ZoneId.systemDefault());
    }

    public static void advance(Duration d) {
        offset = offset.plus(d);
    }

    public static void reset() {
        offset = Duration.ZERO;
    }

    /** The system clock plus the offset of the moment it is asked. */
    static final class MovableClock extends Clock {
        private final ZoneId zone;

        MovableClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId z) {
            return new MovableClock(z);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }
}
