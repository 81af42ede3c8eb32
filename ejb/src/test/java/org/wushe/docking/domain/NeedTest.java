package org.wushe.docking.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wushe.community.domain.Community;
import org.wushe.community.domain.GridCell;
import org.wushe.community.domain.SubDistrict;
import org.wushe.shared.ConflictException;
import org.wushe.shared.Label;

/** The need moves itself through its loop and returns the event of each move; a refused move changes nothing. */
class NeedTest {

    private static final Instant T = Instant.parse("2026-11-25T02:00:00Z");
    private static final Instant LATER = T.plusSeconds(3600);
    private static final ActionTally NONE = new ActionTally(0, 0);
    private static final ActionTally ONE_DONE = new ActionTally(0, 1);

    private static Need registered() {
        Community c = new Community("C1", "社区", new SubDistrict("S1", "街道"));
        return new Need(new GridCell("C1-G01", "一网格", c), null, "ELDERLY_CARE", Urgency.NORMAL,
                NeedSource.GRID_PATROL, "助餐", null, T, "reg");
    }

    /** A need brought to the status by the allowed moves only. */
    private static Need in(NeedStatus status) {
        Need n = registered();
        switch (status) {
            case REGISTERED -> { }
            case ASSESSED -> n.assess("f", 2, Urgency.HIGH, T, "w");
            case MATCHED -> {
                n.assess("f", 2, Urgency.HIGH, T, "w");
                n.match("m", T, "w");
            }
            case IN_ACTION -> {
                n.assess("f", 2, Urgency.HIGH, T, "w");
                n.match("m", T, "w");
                n.actionStarted("#1", T, "w");
            }
            case FEEDBACK -> {
                n.assess("f", 2, Urgency.HIGH, T, "w");
                n.match("m", T, "w");
                n.actionStarted("#1", T, "w");
                n.recordFeedback("好", ONE_DONE, T, "w");
            }
            case CLOSED -> {
                n.assess("f", 2, Urgency.HIGH, T, "w");
                n.match("m", T, "w");
                n.actionStarted("#1", T, "w");
                n.recordFeedback("好", ONE_DONE, T, "w");
                n.close(5, "满意", "本人", T, "w");
            }
            case REOPENED -> {
                n.assess("f", 2, Urgency.HIGH, T, "w");
                n.match("m", T, "w");
                n.actionStarted("#1", T, "w");
                n.recordFeedback("好", ONE_DONE, T, "w");
                n.reopen("再看", T, "w");
            }
        }
        assertEquals(status, n.getStatus());
        return n;
    }

    private static void assertEvent(NeedEvent e, NeedStatus from, NeedStatus to, String note) {
        assertEquals(from, e.getFromStatus());
        assertEquals(to, e.getToStatus());
        assertEquals(note, e.getNote());
        assertEquals(LATER, e.getOccurredAt());
        assertEquals("by", e.getActor());
    }

    private static void assertRefused(Need n, NeedStatus to, Runnable move) {
        NeedStatus before = n.getStatus();
        ConflictException e = assertThrows(ConflictException.class, move::run);
        assertEquals("need.transition", e.key());
        assertEquals(List.of(new Label("docking.needStatus." + before.name()), new Label("docking.needStatus." + to.name())),
                e.args());
        assertEquals(before, n.getStatus());
    }

    @Test
    void registration_raisesTheFirstEvent_fromNothingToRegistered_notingTheSource() {
        NeedEvent e = registered().registration();
        assertNull(e.getFromStatus());
        assertEquals(NeedStatus.REGISTERED, e.getToStatus());
        assertEquals("GRID_PATROL", e.getNote());
        assertEquals(T, e.getOccurredAt());
        assertEquals("reg", e.getActor());
    }

    @Test
    void assessing_isAllowedFromRegisteredReopenedAssessedAndMatched_andNotesPriorityAndUrgency() {
        for (NeedStatus from : EnumSet.of(NeedStatus.REGISTERED, NeedStatus.REOPENED, NeedStatus.ASSESSED,
                NeedStatus.MATCHED)) {
            Need n = in(from);
            assertEvent(n.assess("需助餐", 1, Urgency.CRITICAL, LATER, "by"), from, NeedStatus.ASSESSED, "P1 CRITICAL");
            assertEquals(NeedStatus.ASSESSED, n.getStatus());
            assertEquals(1, n.getPriority());
            assertEquals("by", n.getAssessedBy());
        }
    }

    @Test
    void assessing_isRefusedFromFeedbackAndClosed() {
        for (NeedStatus from : EnumSet.of(NeedStatus.FEEDBACK, NeedStatus.CLOSED)) {
            Need n = in(from);
            assertRefused(n, NeedStatus.ASSESSED, () -> n.assess("x", 1, Urgency.HIGH, LATER, "by"));
        }
    }

    @Test
    void matching_movesAnAssessedNeedToMatched_andKeepsAMatchedOne() {
        for (NeedStatus from : EnumSet.of(NeedStatus.ASSESSED, NeedStatus.MATCHED)) {
            Need n = in(from);
            n.requireMatchable();
            assertEvent(n.match("轮椅 ×1", LATER, "by"), from, NeedStatus.MATCHED, "轮椅 ×1");
            assertEquals(NeedStatus.MATCHED, n.getStatus());
        }
    }

    @Test
    void matching_aNeedInAction_keepsItInAction_withTheEventOfTheNewMatch() {
        Need n = in(NeedStatus.IN_ACTION);
        n.requireMatchable();
        assertEvent(n.match("助餐 ×2", LATER, "by"), NeedStatus.IN_ACTION, NeedStatus.IN_ACTION, "助餐 ×2");
        assertEquals(NeedStatus.IN_ACTION, n.getStatus());
    }

    @Test
    void matching_isRefusedBeforeAssessmentAndAfterFeedback_towardMatched() {
        for (NeedStatus from : EnumSet.of(NeedStatus.REGISTERED, NeedStatus.REOPENED, NeedStatus.FEEDBACK,
                NeedStatus.CLOSED)) {
            Need n = in(from);
            assertRefused(n, NeedStatus.MATCHED, n::requireMatchable);
            assertRefused(n, NeedStatus.MATCHED, () -> n.match("x", LATER, "by"));
        }
    }

    @Test
    void theFirstStartedAction_movesAMatchedNeedIntoAction() {
        Need n = in(NeedStatus.MATCHED);
        Optional<NeedEvent> e = n.actionStarted("#7", LATER, "by");
        assertTrue(e.isPresent());
        assertEvent(e.get(), NeedStatus.MATCHED, NeedStatus.IN_ACTION, "#7");
        assertEquals(NeedStatus.IN_ACTION, n.getStatus());
    }

    @Test
    void aStartedAction_ofANeedNotMatched_changesNothing_andRaisesNoEvent() {
        for (NeedStatus from : EnumSet.complementOf(EnumSet.of(NeedStatus.MATCHED))) {
            Need n = in(from);
            assertEquals(Optional.empty(), n.actionStarted("#8", LATER, "by"));
            assertEquals(from, n.getStatus());
        }
    }

    @Test
    void whenEveryActionEndedAndNoneWasDone_aMatchedOrInActionNeedGoesBackToAssessed() {
        for (NeedStatus from : EnumSet.of(NeedStatus.MATCHED, NeedStatus.IN_ACTION)) {
            Need n = in(from);
            Optional<NeedEvent> e = n.actionsEnded(NONE, LATER, "by");
            assertTrue(e.isPresent());
            assertEvent(e.get(), from, NeedStatus.ASSESSED, "action.cancelled.all");
            assertEquals(NeedStatus.ASSESSED, n.getStatus());
        }
    }

    @Test
    void whenActionsAreStillActiveOrOneWasDone_endingAnActionChangesNothing() {
        for (ActionTally t : List.of(new ActionTally(1, 0), ONE_DONE, new ActionTally(2, 1))) {
            for (NeedStatus from : EnumSet.of(NeedStatus.MATCHED, NeedStatus.IN_ACTION)) {
                Need n = in(from);
                assertEquals(Optional.empty(), n.actionsEnded(t, LATER, "by"));
                assertEquals(from, n.getStatus());
            }
        }
    }

    @Test
    void endingActions_ofANeedNeitherMatchedNorInAction_changesNothing() {
        for (NeedStatus from : EnumSet.complementOf(EnumSet.of(NeedStatus.MATCHED, NeedStatus.IN_ACTION))) {
            Need n = in(from);
            assertEquals(Optional.empty(), n.actionsEnded(NONE, LATER, "by"));
            assertEquals(from, n.getStatus());
        }
    }

    @Test
    void feedback_isRecordedInAction_onceEveryActionEndedAndOneWasDone() {
        Need n = in(NeedStatus.IN_ACTION);
        assertEvent(n.recordFeedback("缓解了", ONE_DONE, LATER, "by"), NeedStatus.IN_ACTION, NeedStatus.FEEDBACK, null);
        assertEquals(NeedStatus.FEEDBACK, n.getStatus());
        assertEquals("缓解了", n.getFeedback());
        assertEquals(LATER, n.getFeedbackAt());
    }

    @Test
    void feedback_isRefusedWhileActionsAreOpen_namingHowMany() {
        Need n = in(NeedStatus.IN_ACTION);
        ConflictException e = assertThrows(ConflictException.class,
                () -> n.recordFeedback("x", new ActionTally(2, 1), LATER, "by"));
        assertEquals("need.feedback.actionsOpen", e.key());
        assertEquals(List.of(2L), e.args());
        assertEquals(NeedStatus.IN_ACTION, n.getStatus());
    }

    @Test
    void feedback_isRefusedWhenNoActionWasDone() {
        Need n = in(NeedStatus.IN_ACTION);
        ConflictException e = assertThrows(ConflictException.class, () -> n.recordFeedback("x", NONE, LATER, "by"));
        assertEquals("need.feedback.noneDone", e.key());
        assertEquals(NeedStatus.IN_ACTION, n.getStatus());
    }

    @Test
    void feedback_isRefusedOutsideAction_asATransition() {
        for (NeedStatus from : EnumSet.complementOf(EnumSet.of(NeedStatus.IN_ACTION))) {
            Need n = in(from);
            String before = n.getFeedback();
            assertRefused(n, NeedStatus.FEEDBACK, () -> n.recordFeedback("x", ONE_DONE, LATER, "by"));
            assertEquals(before, n.getFeedback());
        }
    }

    @Test
    void closing_afterFeedback_recordsTheRating_andNotesIt() {
        Need n = in(NeedStatus.FEEDBACK);
        assertEvent(n.close(4, "不错", "家属", LATER, "by"), NeedStatus.FEEDBACK, NeedStatus.CLOSED, "4/5 家属: 不错");
        assertEquals(NeedStatus.CLOSED, n.getStatus());
        assertEquals(4, n.getSatisfaction());
        assertEquals("家属", n.getRatedBy());
        assertEquals("by", n.getClosedBy());
    }

    @Test
    void closing_isRefusedWithoutFeedback() {
        for (NeedStatus from : EnumSet.complementOf(EnumSet.of(NeedStatus.FEEDBACK))) {
            Need n = in(from);
            assertRefused(n, NeedStatus.CLOSED, () -> n.close(5, "好", "本人", LATER, "by"));
        }
    }

    @Test
    void reopening_afterFeedbackOrClosure_clearsTheRating_countsIt_andNotesTheReason() {
        for (NeedStatus from : EnumSet.of(NeedStatus.FEEDBACK, NeedStatus.CLOSED)) {
            Need n = in(from);
            assertEvent(n.reopen("又摔倒了", LATER, "by"), from, NeedStatus.REOPENED, "又摔倒了");
            assertEquals(NeedStatus.REOPENED, n.getStatus());
            assertNull(n.getSatisfaction());
            assertNull(n.getClosedAt());
            assertEquals(1, n.getReopenCount());
        }
    }

    @Test
    void reopening_isRefusedWhileTheNeedIsStillWorkedOn() {
        for (NeedStatus from : EnumSet.of(NeedStatus.REGISTERED, NeedStatus.ASSESSED, NeedStatus.MATCHED,
                NeedStatus.IN_ACTION, NeedStatus.REOPENED)) {
            Need n = in(from);
            int before = n.getReopenCount();
            assertRefused(n, NeedStatus.REOPENED, () -> n.reopen("x", LATER, "by"));
            assertEquals(before, n.getReopenCount());
        }
    }

    @Test
    void theTally_countsPlannedAndStartedAsActive_andDoneApart() {
        ActionTally t = ActionTally.of(Map.of(ActionStatus.PLANNED, 2L, ActionStatus.STARTED, 1L,
                ActionStatus.DONE, 4L, ActionStatus.CANCELLED, 5L));
        assertEquals(new ActionTally(3, 4), t);
        assertEquals(NONE, ActionTally.of(Map.of()));
    }
}
