package org.wushe.batch.settle;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import org.wushe.points.application.LedgerBatch;
import org.wushe.points.application.SettlementSources;
import org.wushe.points.domain.Booking;

/** Writes a chunk's bookings in the chunk's transaction. */
@Named
@Dependent
public class LedgerWriter extends AbstractItemWriter {

    @EJB
    LedgerBatch ledger;

    @EJB
    SettlementSources sources;

    @Override
    public void writeItems(List<Object> items) {
        List<Booking> bookings = new ArrayList<>(items.size());
        for (Object o : items) {
            bookings.add((Booking) o);
        }
        ledger.book(bookings);
        sources.markSettled(bookings);
    }
}
