package org.wushe.batch.reports;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Properties;
import org.wushe.batch.support.JobProperties;

/**
 * One partition per slice of the communities ({@code MOD(id, slices)}), each on a thread of its own
 * up to {@code threads}; the same plan on a restart, so each slice goes on after its own checkpoint.
 */
@Named
@Dependent
public class ReportPartitions implements PartitionMapper {

    @Inject
    @BatchProperty
    String slices;

    @Inject
    @BatchProperty
    String threads;

    @Override
    public PartitionPlan mapPartitions() {
        return plan(JobProperties.positive("slices", slices), JobProperties.positive("threads", threads));
    }

    static PartitionPlan plan(int slices, int threads) {
        Properties[] parts = new Properties[slices];
        for (int slice = 0; slice < slices; slice++) {
            parts[slice] = new Properties();
            parts[slice].setProperty("slices", Integer.toString(slices));
            parts[slice].setProperty("slice", Integer.toString(slice));
        }
        PartitionPlanImpl plan = new PartitionPlanImpl();
        plan.setPartitions(slices);
        plan.setThreads(Math.min(slices, threads));
        plan.setPartitionProperties(parts);
        return plan;
    }
}
