package org.wushe.batch.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.batch.api.partition.PartitionPlan;
import org.junit.jupiter.api.Test;

class ReportPartitionsTest {

    @Test
    void oneSliceOfTheCommunitiesPerPartition_atMostOneThreadEach() {
        PartitionPlan plan = ReportPartitions.plan(3, 2);
        assertEquals(3, plan.getPartitions());
        assertEquals(2, plan.getThreads());
        for (int i = 0; i < 3; i++) {
            assertEquals("3", plan.getPartitionProperties()[i].getProperty("slices"));
            assertEquals(Integer.toString(i), plan.getPartitionProperties()[i].getProperty("slice"));
        }
        assertEquals(2, ReportPartitions.plan(2, 8).getThreads(), "no more threads than partitions");
    }

    @Test
    void theJobPropertiesAreChecked() {
        ReportPartitions mapper = new ReportPartitions();
        mapper.slices = "2";
        mapper.threads = "2";
        assertEquals(2, mapper.mapPartitions().getPartitions());
        mapper.slices = "0";
        assertThrows(IllegalArgumentException.class, mapper::mapPartitions);
        mapper.slices = "2";
        mapper.threads = "two";
        assertThrows(IllegalArgumentException.class, mapper::mapPartitions);
    }
}
