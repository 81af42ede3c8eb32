package org.wushe.docking.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wushe.community.domain.Community;
import org.wushe.community.domain.GridCell;
import org.wushe.community.domain.SubDistrict;
import org.wushe.shared.ConflictException;
import org.wushe.shared.Label;

class NeedStatusTest {

    private static final Instant T = Instant.parse("2026-11-25T02:00:00Z");

    private static Need need() {
        Community c = new Community("C1", "社区", new SubDistrict("S1", "街道"));
        return new Need(new GridCell("C1-G01", "一网格", c), null, "ELDERLY_CARE", Urgency.NORMAL,
                NeedSource.GRID_PATROL, "助餐", null, T, "w");
    }

    @Test
    void theLoopRunsForwardOnly_throughItsSteps() {
        assertEquals(Set.of(NeedStatus.ASSESSED), NeedStatus.REGISTERED.next());
        assertEquals(Set.of(NeedStatus.CLOSED, NeedStatus.REOPENED), NeedStatus.FEEDBACK.next());
        assertEquals(Set.of(NeedStatus.REOPENED), NeedStatus.CLOSED.next());
        assertEquals(Set.of(NeedStatus.ASSESSED), NeedStatus.REOPENED.next());
        for (NeedStatus s : EnumSet.of(NeedStatus.REGISTERED, NeedStatus.ASSESSED, NeedStatus.MATCHED,
                NeedStatus.IN_ACTION, NeedStatus.REOPENED)) {
            assertFalse(s.canMoveTo(NeedStatus.CLOSED), s + " cannot close without feedback");
        }
        assertTrue(NeedStatus.IN_ACTION.canMoveTo(NeedStatus.FEEDBACK));
        assertFalse(NeedStatus.MATCHED.canMoveTo(NeedStatus.FEEDBACK));
    }

    @Test
    void anIllegalMove_isRefusedNamingBothStatuses_andChangesNothing() {
        Need n = need();
        ConflictException e = assertThrows(ConflictException.class, () -> n.close(5, "好", "本人", T, "w"));
        assertEquals("need.transition", e.key());
        assertEquals(List.of(new Label("docking.needStatus.REGISTERED"), new Label("docking.needStatus.CLOSED")), e.args());
        assertEquals(NeedStatus.REGISTERED, n.getStatus());
        assertEquals(null, n.getSatisfaction());
    }

    @Test
    void closingAndReopening_keepTheRatingInTheLoopOnly() {
        Need n = need();
        n.assess("需助餐", 2, Urgency.HIGH, T, "w");
        n.match("轮椅 ×1", T, "w");
        n.actionStarted("#1", T, "w");
        n.recordFeedback("满意", new ActionTally(0, 1), T, "w");
        n.close(4, "不错", "家属", T, "w");
        assertEquals(4, n.getSatisfaction());
        assertEquals(T, n.getClosedAt());
        n.reopen("再评估", T, "w");
        assertEquals(NeedStatus.REOPENED, n.getStatus());
        assertEquals(null, n.getSatisfaction());
        assertEquals(null, n.getClosedAt());
        assertEquals(1, n.getReopenCount());
    }

    @Test
    void aResourceRefusesOverbookingAndUnavailableDays() {
        LocalDate today = LocalDate.of(2026, 11, 25);
        Resource r = new Resource(1L, null, Sphere.VOLUNTEER, ResourceType.SERVICE, null, "陪诊", null, null, null,
                "志愿队", 3, "次", today, today.plusDays(10), T);
        r.reserve(2, today);
        ConflictException over = assertThrows(ConflictException.class, () -> r.reserve(2, today));
        assertEquals("resource.overbooked", over.key());
        assertEquals(List.of("陪诊", 1, 2), over.args());
        assertEquals(2, r.getReserved());
        assertEquals("resource.unavailable", assertThrows(ConflictException.class,
                () -> r.reserve(1, today.plusDays(11))).key());
        r.release(2);
        assertEquals(0, r.getReserved());
        assertEquals("N:1:志愿队", r.getProviderKey());
    }
}
