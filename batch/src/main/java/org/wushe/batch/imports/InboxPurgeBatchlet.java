package org.wushe.batch.imports;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.wushe.imports.domain.Inbox;
import org.wushe.platform.IdempotentCalls;
import org.wushe.shared.Installation;

/**
 * Deletes the imported files and reports the inbox has kept longer than the retention period
 * ({@code wushe.inbox.retentionDays}, default 30; parameter {@code retentionDays} overrides it for
 * one run): the files in {@code done/} and {@code reports/} last stamped before then, and files left
 * waiting at the top of the inbox or in {@code uploads/} untouched since before then (never
 * imported; they hold residents' identifiers in clear). Each deleted file is named in the server
 * log; the exit status counts them. It also forgets the API's remembered calls older than 24 hours
 * ({@link IdempotentCalls#purgeExpired}; each account's own are forgotten too when it next sends a key).
 */
@Named
@Dependent
public class InboxPurgeBatchlet extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(InboxPurgeBatchlet.class.getName());

    @Inject
    @BatchProperty
    String retentionDays;

    @Inject
    Clock clock;

    @EJB
    IdempotentCalls calls;

    @Override
    public String process() throws IOException {
        int days = retentionDays == null || retentionDays.isBlank() ? Installation.inboxRetentionDays()
                : positive(retentionDays.trim());
        Inbox inbox = Inbox.at(Installation.inbox());
        Instant cutoff = clock.instant().minus(Duration.ofDays(days));
        List<Path> deleted = inbox.purge(cutoff);
        deleted.forEach(f -> LOG.info(() -> "inbox-purge: deleted " + inbox.nameOf(f) + " (imported more than " + days
                + " days ago)"));
        LOG.info(() -> "inbox-purge: " + deleted.size() + " file(s) older than " + days + " days deleted from "
                + inbox.root());
        int keys = calls.purgeExpired();
        LOG.info(() -> "inbox-purge: " + keys + " remembered API call(s) older than " + IdempotentCalls.HOURS + " hours forgotten");
        return "DELETED " + deleted.size();
    }

    private static int positive(String v) {
        try {
            int d = Integer.parseInt(v);
            if (d >= 1) {
                return d;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException("retentionDays must be a whole number of days, at least 1, not '" + v + "'");
    }
}
