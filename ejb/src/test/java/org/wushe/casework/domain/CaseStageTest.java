package org.wushe.casework.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.wushe.shared.ConflictException;
import org.wushe.shared.ValidationException;

class CaseStageTest {

    @Test
    void nextStage_needsNoReason() {
        assertFalse(CaseStage.RELATIONSHIP.checkMove(CaseStage.ASSESSMENT, null));
    }

    @Test
    void skipping_needsAReason() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> CaseStage.ASSESSMENT.checkMove(CaseStage.INTERVENTION, " "));
        assertEquals("case.stage.skipReason", e.errors().get(0).key());
        assertTrue(CaseStage.ASSESSMENT.checkMove(CaseStage.INTERVENTION, "plan agreed at the first visit"));
    }

    @Test
    void movingBack_orAfterClosure_isRefused() {
        assertEquals("case.stage.backward",
                assertThrows(ConflictException.class, () -> CaseStage.PLAN.checkMove(CaseStage.ASSESSMENT, "x")).key());
        assertEquals("case.closed",
                assertThrows(ConflictException.class, () -> CaseStage.CLOSED.checkMove(CaseStage.CLOSED, "x")).key());
    }
}
