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
import org.wushe.batch.support.JobProperties;
import org.wushe.reports.application.ReportSnapshots;

/**
 * Reads the communities of the report run (all, or the codes of the parameter {@code communities})
 * of its partition's slice ({@code MOD(id, slices) = slice}; all of them when the step is not
 * partitioned) a page of ids at a time, in id order; the checkpoint is the last id handed out, so a
 * restart goes on after the last community whose files were committed.
 */
@Named
@Dependent
public class CommunityReader extends AbstractItemReader {

    private static final int PAGE = 200;

    @Inject
    @BatchProperty
    String communities;

    @Inject
    @BatchProperty
    String slices;

    @Inject
    @BatchProperty
    String slice;

    @EJB
    ReportSnapshots snapshots;

    private final Deque<Long> page = new ArrayDeque<>();
    private long lastId;
    private boolean exhausted;
    private int sliceCount;
    private int sliceNumber;

    @Override
    public void open(Serializable checkpoint) {
        lastId = checkpoint == null ? 0 : (Long) checkpoint;
        sliceCount = blank(slices) ? 1 : JobProperties.positive("slices", slices);
        try {
            sliceNumber = blank(slice) ? 0 : Integer.parseInt(slice.trim());
        } catch (NumberFormatException e) {
            sliceNumber = -1;
        }
        if (sliceNumber < 0 || sliceNumber >= sliceCount) {
            throw new IllegalArgumentException("partition property slice must be from 0 to " + (sliceCount - 1) + ", not '" + slice + "'");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            page.addAll(snapshots.communityPage(lastId, PAGE, communities, sliceCount, sliceNumber));
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
