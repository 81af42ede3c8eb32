package org.wushe.batch.imports;

import jakarta.batch.api.partition.PartitionAnalyzer;
import jakarta.batch.api.partition.PartitionReducer;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.wushe.imports.application.ImportRuns;

/**
 * The end of an import step, on the step's own thread once its partitions are done: as analyzer,
 * the step's exit status names the runs its partitions ended ({@code RUNS [..]}); as reducer, a run
 * the execution left open (it stopped or failed before every partition reached the file's end) is
 * marked STOPPED, and a restart of the execution goes on with it.
 */
@Named
@Dependent
public class ImportStepEnd implements PartitionAnalyzer, PartitionReducer {

    private static final Logger LOG = Logger.getLogger(ImportStepEnd.class.getName());

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @EJB
    ImportRuns runs;

    private final List<String> ended = new ArrayList<>();

    @Override
    public void analyzeCollectorData(java.io.Serializable data) {
        // no collector
    }

    @Override
    public void analyzeStatus(BatchStatus status, String exitStatus) {
        if (exitStatus != null && exitStatus.startsWith("RUNS [") && exitStatus.endsWith("]")) {
            String list = exitStatus.substring("RUNS [".length(), exitStatus.length() - 1);
            if (!list.isBlank()) {
                ended.add(list);
            }
            step.setExitStatus("RUNS [" + String.join(", ", ended) + "]");
        }
    }

    @Override
    public void beginPartitionedStep() {
        // nothing before the partitions
    }

    @Override
    public void beforePartitionedStepCompletion() {
        // nothing: the partitions' chunks ended their runs
    }

    @Override
    public void rollbackPartitionedStep() {
        // nothing to undo: each partition's chunks committed or rolled back on their own
    }

    @Override
    public void afterPartitionedStepCompletion(PartitionStatus status) {
        int stopped = runs.interrupted(job.getExecutionId());
        if (stopped > 0) {
            LOG.info(() -> job.getJobName() + " execution " + job.getExecutionId() + " stopped with " + stopped
                    + " import run(s) before their end; a restart goes on from the last checkpoints");
        }
    }
}
