package org.wushe.casework.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.wushe.casework.domain.CoordinationIndex.GridWorkerFigures;
import org.wushe.casework.domain.CoordinationIndex.Result;
import org.wushe.casework.domain.CoordinationIndex.SocialWorkerFigures;

/** The worked examples of docs/indices.md. */
class CoordinationIndexTest {

    private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
    private static final LocalDate NOV_30 = LocalDate.of(2026, 11, 30);
    private static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);
    private static final LocalDate DEC_31 = LocalDate.of(2026, 12, 31);

    @Test
    void gridWorker_example1_oneMonth_noMeetingLeavesMonitoringOut() {
        Result r = CoordinationIndex.professionalCoordination(new GridWorkerFigures(NOV_1, NOV_30, 10, 8, 1, 1, 0, 0));
        assertEquals(new BigDecimal("75.9"), r.score());
        assertEquals(0.8, r.components().get(0).share());
        assertEquals(2, r.components().get(1).target());
        assertEquals(1, r.components().get(2).target());
        assertNull(r.components().get(3).share());
    }

    @Test
    void gridWorker_example2_quarter_patrolsCappedAndNoTraining() {
        Result r = CoordinationIndex.professionalCoordination(new GridWorkerFigures(OCT_1, DEC_31, 4, 4, 9, 0, 2, 1));
        assertEquals(new BigDecimal("72.5"), r.score());
        assertEquals(6, r.components().get(1).target());
        assertEquals(1.0, r.components().get(1).share());
        assertEquals(0.0, r.components().get(2).share());
    }

    @Test
    void socialWorker_example1_oneMonth() {
        Result r = CoordinationIndex.gridIntegration(new SocialWorkerFigures(NOV_1, NOV_30, 5, 4, 3, 2, 1, 4, 3));
        assertEquals(new BigDecimal("75.3"), r.score());
        assertEquals(1.0, r.components().get(1).share());
    }

    @Test
    void socialWorker_example2_nothingButMissedPatrols_scoresZero() {
        Result r = CoordinationIndex.gridIntegration(new SocialWorkerFigures(NOV_1, NOV_30, 0, 0, 0, 0, 0, 0, 0));
        assertEquals(new BigDecimal("0.0"), r.score());
        assertNull(r.components().get(0).share());
        assertNull(r.components().get(2).share());
    }

    @Test
    void months_roundToWholeMonthsAndAtLeastOne() {
        assertEquals(1, CoordinationIndex.months(NOV_1, NOV_1));
        assertEquals(1, CoordinationIndex.months(NOV_1, NOV_30));
        assertEquals(3, CoordinationIndex.months(OCT_1, DEC_31));
    }
}
