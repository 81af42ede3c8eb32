package org.wushe.batch.reports;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import org.wushe.reports.application.ReportSnapshots;

/**
 * Reads the communities of the report run (all, or the codes of the parameter {@code communities})
 * a page of ids at a time, in id order; the checkpoint is the last id handed out, so a restart goes
 * on after the last community whose files were committed.
 */
@Named
@Dependent
public class CommunityReader extends AbstractItemReader {

    private static final int PAGE = 200;

    @Inject
    @BatchProperty
    String communities;

    @EJB
    ReportSnapshots snapshots;

    private final Deque<Long> page = new ArrayDeque<>();
    private long lastId;
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        lastId = checkpoint == null ? 0 : (Long) checkpoint;
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            page.addAll(snapshots.communityPage(lastId, PAGE, communities));
            exhausted = page.size() < PAGE;
        }
        Long next = page.poll();
        if (next != null) {
            lastId = next;
        }
        return next;
    }

    @Override
    public Serializable checkpointInfo() {
        return lastId;
    }
}
