package org.wushe.batch.settle;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.enterprise.context.Dependent;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import org.wushe.jobs.application.JobProgress;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.wushe.batch.support.JobProperties;
import org.wushe.points.application.SettlementSources;
import org.wushe.points.domain.SourceType;

/**
 * One partition per settled source type and slice of the communities; the same plan on a restart.
 * It also counts the sources waiting, the total the console shows this execution's progress against
 * ({@link JobProgress}; the chunks add what they checked).
 */
@Named
@Dependent
public class SettlePartitions implements PartitionMapper {

    @Inject
    @BatchProperty
    String slices;

    @Inject
    @BatchProperty
    String threads;

    @Inject
    JobContext job;

    @EJB
    SettlementSources sources;

    @EJB
    JobProgress progress;

    @Override
    public PartitionPlan mapPartitions() {
        int n = JobProperties.positive("slices", slices);
        long total = 0;
        for (SourceType type : SettlementSources.settled()) {
            total += sources.unsettledCount(type);
        }
        progress.begin(job.getExecutionId(), job.getJobName(), "sources", total);
        List<Properties> parts = new ArrayList<>();
        for (SourceType type : SettlementSources.settled()) {
            for (int slice = 0; slice < n; slice++) {
                Properties p = new Properties();
                p.setProperty("sourceType", type.name());
                p.setProperty("slices", Integer.toString(n));
                p.setProperty("slice", Integer.toString(slice));
                parts.add(p);
            }
        }
        PartitionPlanImpl plan = new PartitionPlanImpl();
        plan.setPartitions(parts.size());
        plan.setThreads(Math.min(parts.size(), JobProperties.positive("threads", threads)));
        plan.setPartitionProperties(parts.toArray(Properties[]::new));
        return plan;
    }
}
