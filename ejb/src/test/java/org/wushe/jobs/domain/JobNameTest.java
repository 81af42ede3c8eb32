package org.wushe.jobs.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wushe.imports.domain.ImportKind;

class JobNameTest {

    @Test
    void theExternalNamesInTheNightlyOrder() {
        assertEquals(List.of("inbox-purge", "grids-import", "residents-import", "volunteers-import", "points-settle",
                "assessment-run", "reports-monthly"), JobName.externalNames());
    }

    @Test
    void aNameIsLookedUpExactly() {
        assertEquals(Optional.of(JobName.POINTS_SETTLE), JobName.of("points-settle"));
        assertEquals(Optional.empty(), JobName.of("POINTS_SETTLE"));
        assertEquals(Optional.empty(), JobName.of("no-such-job"));
        assertEquals(Optional.empty(), JobName.of(null));
    }

    @Test
    void everyImportKindHasItsImportJob() {
        assertEquals(JobName.RESIDENTS_IMPORT, JobName.importing(ImportKind.RESIDENTS));
        assertEquals(JobName.GRIDS_IMPORT, JobName.importing(ImportKind.GRIDS));
        assertEquals(JobName.VOLUNTEERS_IMPORT, JobName.importing(ImportKind.VOLUNTEERS));
        for (ImportKind kind : ImportKind.values()) {
            assertTrue(JobName.importing(kind).isImport(), kind::name);
        }
        assertFalse(JobName.INBOX_PURGE.isImport());
        assertFalse(JobName.REPORTS_MONTHLY.isImport());
    }

    @Test
    void theNightDefaultsToEveryJobButThePurgeWhichAlwaysComesFirstAnyway() {
        assertEquals(List.of(JobName.GRIDS_IMPORT, JobName.RESIDENTS_IMPORT, JobName.VOLUNTEERS_IMPORT,
                JobName.POINTS_SETTLE, JobName.ASSESSMENT_RUN, JobName.REPORTS_MONTHLY), JobName.nightlyDefault());
    }
}
