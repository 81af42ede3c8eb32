package org.wushe.batch.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.wushe.jobs.domain.JobName;

class NightlyScheduleTest {

    @Test
    void byDefaultEveryJobRunsAfterThePurge() {
        NightlySchedule s = NightlySchedule.parse("02:00", NightlySchedule.DEFAULT_JOBS);
        assertEquals(LocalTime.of(2, 0), s.at());
        assertEquals(JobName.externalNames(), s.jobs());
    }

    @Test
    void thePurgeComesFirstWhateverTheListSays() {
        NightlySchedule s = NightlySchedule.parse("off", " points-settle, inbox-purge ,,no-such-job");
        assertFalse(s.enabled());
        assertEquals(List.of("inbox-purge", "points-settle", "no-such-job"), s.jobs());
    }

    @Test
    void aTimeThatIsNoneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> NightlySchedule.parse("25:00", NightlySchedule.DEFAULT_JOBS));
    }

    /** Every job of the enum has its job XML, and no job XML is missing from the enum. */
    @Test
    void theEnumNamesTheJobXmlsExactly() throws IOException {
        try (Stream<Path> xmls = Files.list(Path.of("src/main/resources/META-INF/batch-jobs"))) {
            List<String> names = xmls.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".xml"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
            assertEquals(JobName.externalNames().stream().sorted().toList(), names);
        }
    }
}
