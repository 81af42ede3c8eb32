package org.wushe.batch.imports;

import jakarta.batch.api.chunk.listener.AbstractChunkListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import jakarta.ejb.EJB;
import org.wushe.imports.application.InboxClaims;
import org.wushe.imports.domain.Inbox;
import org.wushe.shared.Installation;

/**
 * After a chunk has committed, moves the files whose runs it ended to the inbox's {@code done/}
 * (with the time), so a file leaves its place only once its last lines and its run's end are
 * stored; a chunk rolled back moves nothing. The step's exit status names the runs it ended.
 */
@Named
@Dependent
public class ImportChunkListener extends AbstractChunkListener {

    private static final Logger LOG = Logger.getLogger(ImportChunkListener.class.getName());

    /** The step's state between the writer and this listener (the step context's transient data). */
    static final class Ended {
        final List<ImportItem.End> pending = new ArrayList<>();
        final List<Long> runs = new ArrayList<>();
    }

    @EJB
    InboxClaims claims;

    @Inject
    StepContext step;

    @Inject
    JobContext job;

    @Inject
    Clock clock;

    static Ended of(StepContext step) {
        if (step.getTransientUserData() instanceof Ended e) {
            return e;
        }
        Ended e = new Ended();
        step.setTransientUserData(e);
        return e;
    }

    /** The writer ended a run in the current chunk. */
    static void ended(StepContext step, ImportItem.End end) {
        of(step).pending.add(end);
    }

    @Override
    public void beforeChunk() {
        of(step).pending.clear();
    }

    @Override
    public void afterChunk() {
        Ended state = of(step);
        if (state.pending.isEmpty()) {
            return;
        }
        Inbox inbox = Inbox.at(Installation.inbox());
        for (ImportItem.End e : state.pending) {
            state.runs.add(e.runId());
            Path f = e.file();
            String claimed = inbox.nameOf(f);
            if (!Files.exists(f)) {
                claims.release(claimed);
                continue;
            }
            try {
                Path kept = inbox.imported(f, clock.instant(), clock.getZone());
                LOG.info(() -> job.getJobName() + ": " + f.getFileName() + " imported as run " + e.runId()
                        + ", kept as " + inbox.nameOf(kept));
                claims.release(claimed);
            } catch (IOException ex) {
                throw new UncheckedIOException("run " + e.runId() + " ended but " + f + " could not move to done/", ex);
            }
        }
        state.pending.clear();
        step.setExitStatus("RUNS " + state.runs);
    }

    @Override
    public void onError(Exception ex) {
        of(step).pending.clear();
    }
}
