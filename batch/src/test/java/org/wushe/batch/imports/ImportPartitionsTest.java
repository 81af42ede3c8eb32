package org.wushe.batch.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.batch.api.partition.PartitionPlan;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wushe.community.domain.Gender;
import org.wushe.community.domain.IdNumber;
import org.wushe.imports.domain.CsvLine;

class ImportPartitionsTest {

    private static CsvLine line(long n, String id) {
        return new CsvLine(n, List.of(id, "居民", "男", "1950-01-01", "", "", "C001", "C001-01", ""));
    }

    @Test
    void everyLineOfAnIdNumberFallsToTheSamePartition_asTheChecksReadIt() {
        String id = IdNumber.compose("370102", LocalDate.of(1960, 5, 4), 17, Gender.FEMALE);
        String lower = id.substring(0, 17) + Character.toLowerCase(id.charAt(17));
        for (int parts = 2; parts <= ImportPartitions.MOST; parts++) {
            int p = ImportLineReader.partitionOf(line(2, id), parts);
            assertEquals(p, ImportLineReader.partitionOf(line(900_000, "  " + id + " "), parts), "spaces around it");
            assertEquals(p, ImportLineReader.partitionOf(line(77, lower), parts), "a lower-case check character");
            assertEquals(p, ImportLineReader.partitionOf(line(3, id.substring(0, 6) + id.substring(8, 17)), parts),
                    "the older 15-digit form of the same number");
            assertTrue(p >= 0 && p < parts);
        }
        assertEquals(0, ImportLineReader.partitionOf(line(5, id), 1), "one partition takes every line");
    }

    @Test
    void idNumbersOfOneTownSpreadEvenlyOverTwoPartitions() {
        int[] counts = new int[2];
        LocalDate day = LocalDate.of(1940, 1, 1);
        for (int i = 0; i < 20_000; i++) {
            String id = IdNumber.compose("420102", day.plusDays(i / 40), i % 40, i % 2 == 0 ? Gender.MALE : Gender.FEMALE);
            counts[ImportLineReader.partitionOf(line(i + 2, id), 2)]++;
        }
        assertTrue(Math.abs(counts[0] - counts[1]) < 600, () -> "balanced: " + counts[0] + " / " + counts[1]);
    }

    @Test
    void linesWithoutAnIdNumberSpreadByTheirNumber() {
        assertEquals(ImportLineReader.partitionOf(new CsvLine(10, List.of()), 2),
                ImportLineReader.partitionOf(new CsvLine(10, List.of("")), 2));
        int[] counts = new int[2];
        for (int n = 2; n < 1002; n++) {
            counts[ImportLineReader.partitionOf(new CsvLine(n, List.of("")), 2)]++;
        }
        assertTrue(counts[0] > 300 && counts[1] > 300, () -> counts[0] + " / " + counts[1]);
    }

    @Test
    void thePlanGivesEachPartitionItsNumberAndTheSameFilesAndRuns() {
        PartitionPlan plan = ImportPartitions.plan(2, List.of("/in/residents-a.csv", "/in/residents-b.csv"), List.of(7L, 9L));
        assertEquals(2, plan.getPartitions());
        assertEquals(2, plan.getThreads());
        for (int p = 0; p < 2; p++) {
            assertEquals(Integer.toString(p), plan.getPartitionProperties()[p].getProperty("partition"));
            assertEquals("2", plan.getPartitionProperties()[p].getProperty("partitions"));
            assertEquals("/in/residents-a.csv\n/in/residents-b.csv", plan.getPartitionProperties()[p].getProperty("files"));
            assertEquals("7,9", plan.getPartitionProperties()[p].getProperty("runs"));
        }
    }
}
