package org.wushe.batch.settle;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import org.wushe.batch.support.JobProperties;
import org.wushe.points.application.SettlementSources;
import org.wushe.points.domain.SourceType;
import org.wushe.points.domain.Unsettled;

/**
 * Reads the unbooked sources of one partition a page at a time, in id order. The checkpoint is the
 * last id handed out; a restart starts after it, and the reader's query skips whatever the ledger
 * holds by then, so nothing is read twice into the ledger whatever the restart point.
 */
@Named
@Dependent
public class UnsettledReader extends AbstractItemReader {

    @Inject
    @BatchProperty
    String sourceType;

    @Inject
    @BatchProperty
    String slices;

    @Inject
    @BatchProperty
    String slice;

    @Inject
    @BatchProperty
    String pageSize;

    @EJB
    SettlementSources sources;

    private final Deque<Unsettled> page = new ArrayDeque<>();
    private long lastId;
    private long pageEnd;
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        lastId = checkpoint == null ? 0 : (Long) checkpoint;
        pageEnd = lastId;
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            int size = JobProperties.positive("pageSize", pageSize);
            page.addAll(sources.nextPage(SourceType.valueOf(sourceType), JobProperties.positive("slices", slices),
                    Integer.parseInt(slice), pageEnd, size));
            exhausted = page.size() < size;
            if (!page.isEmpty()) {
                pageEnd = page.peekLast().sourceId();
            }
        }
        Unsettled next = page.poll();
        if (next != null) {
            lastId = next.sourceId();
        }
        return next;
    }

    @Override
    public Serializable checkpointInfo() {
        return lastId;
    }
}
