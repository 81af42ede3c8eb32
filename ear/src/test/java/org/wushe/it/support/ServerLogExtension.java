package org.wushe.it.support;

import java.time.Instant;
import org.jboss.arquillian.container.spi.event.container.AfterStart;
import org.jboss.arquillian.container.spi.event.container.BeforeStart;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Runs {@link ServerLogGuard} right after the test adapter has started the server, before anything
 * is deployed to it (registered in META-INF/services). The suite's deployment is built before the
 * container starts, so a check made there read the log of an earlier start and never saw the
 * adapter's own.
 */
public final class ServerLogExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(AfterServerStart.class);
    }

    /** The observer: one check per start of the container. */
    public static final class AfterServerStart {

        private Instant starting = Instant.EPOCH;

        public void noteTheStart(@Observes BeforeStart event) {
            // a second of slack for the log's clock against this one
            starting = Instant.now().minusSeconds(1);
        }

        public void checkTheLog(@Observes AfterStart event) {
            ServerLogGuard.ensureTheServerWritesItsLog(starting);
        }
    }
}
