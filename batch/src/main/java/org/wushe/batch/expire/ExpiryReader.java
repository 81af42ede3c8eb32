package org.wushe.batch.expire;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import org.wushe.points.application.PointsExpiry;

/** Reads the accounts with points due to expire on the run's day, a page at a time in account order. */
@Named
@Dependent
public class ExpiryReader extends AbstractItemReader {

    private static final int PAGE = 500;

    @Inject
    @BatchProperty
    String asOf;

    @EJB
    PointsExpiry expiry;

    private final Deque<PointsExpiry.Due> page = new ArrayDeque<>();
    private LocalDate day;
    private long lastId;
    private long pageEnd;
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        day = expiry.asOf(asOf);
        lastId = checkpoint == null ? 0 : (Long) checkpoint;
        pageEnd = lastId;
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            page.addAll(expiry.nextDue(day, pageEnd, PAGE));
            exhausted = page.size() < PAGE;
            if (!page.isEmpty()) {
                pageEnd = page.peekLast().accountId();
            }
        }
        PointsExpiry.Due next = page.poll();
        if (next != null) {
            lastId = next.accountId();
        }
        return next;
    }

    @Override
    public Serializable checkpointInfo() {
        return lastId;
    }
}
