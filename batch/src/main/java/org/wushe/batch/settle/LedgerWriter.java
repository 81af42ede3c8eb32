package org.wushe.batch.settle;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import org.wushe.jobs.application.JobProgress;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import org.wushe.points.application.LedgerBatch;
import org.wushe.points.application.SettlementSources;
import org.wushe.points.domain.Booking;

/**
 * Writes a chunk's bookings in the chunk's transaction, and adds the sources the chunk checked
 * (booked, or priced at nothing) to the execution's progress, last, in the same transaction.
 */
@Named
@Dependent
public class LedgerWriter extends AbstractItemWriter {

    @EJB
    LedgerBatch ledger;

    @EJB
    SettlementSources sources;

    @EJB
    JobProgress progress;

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @Override
    public void writeItems(List<Object> items) {
        List<Booking> bookings = new ArrayList<>(items.size());
        for (Object o : items) {
            bookings.add((Booking) o);
        }
        ledger.book(bookings);
        sources.markSettled(bookings);
        progress.advance(job.getExecutionId(), Checked.of(step).take());
    }
}
