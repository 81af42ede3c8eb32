package org.wushe.jobs.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One run of a job as the operator sees it: its parameters, status and times, and per step what
 * was read, written and skipped (filtered items count as skipped: read but with nothing to write).
 */
public record ExecutionView(long id, long instanceId, String job, Map<String, String> parameters, String status,
                            String exitStatus, Instant start, Instant end, List<StepView> steps) {

    public boolean running() {
        return "STARTING".equals(status) || "STARTED".equals(status) || "STOPPING".equals(status);
    }

    public boolean restartable() {
        return "STOPPED".equals(status) || "FAILED".equals(status);
    }

    /** One step (for a partitioned step, its partitions summed by the runtime). */
    public record StepView(String name, String status, Instant start, Instant end, long read, long written,
                           long skipped, long commits, long rollbacks) {
    }
}
