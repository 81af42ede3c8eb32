package org.wushe.points.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.List;
import java.util.Optional;
import org.wushe.points.domain.Booking;
import org.wushe.points.domain.SourceType;
import org.wushe.points.domain.Unsettled;

/**
 * Settles one source at once, exactly as the nightly settlement would: read by the settlement's
 * own query, priced by the bureau's rule book, written by the ledger batch and marked where the
 * source keeps a mark, so there is one way to turn a source into points. For the demo city and
 * for tests that need a source's points without running the job. Internal: no caller checks.
 */
@Stateless
public class SourceSettlement {

    @EJB
    SettlementSources sources;

    @EJB
    LedgerBatch ledger;

    /**
     * @return true when booked now; false when there is no such source, it does not earn points
     *         (yet), the rules make it worth nothing, or it was booked before
     */
    public boolean settle(SourceType type, long sourceId) {
        Optional<Unsettled> source = sources.one(type, sourceId);
        if (source.isEmpty()) {
            return false;
        }
        Optional<Booking> booking = sources.rules().book(source.get());
        if (booking.isEmpty()) {
            return false;
        }
        ledger.book(List.of(booking.get()));
        sources.markSettled(List.of(booking.get()));
        return true;
    }
}
