package org.wushe.fund.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShareLimitsTest {

    private static final ShareLimits.Limit PUBLICITY_MAX = new ShareLimits.Limit("PUBLICITY", LimitBound.MAX, 1500,
            Strictness.HARD);
    private static final ShareLimits.Limit RENOVATION_MIN = new ShareLimits.Limit("ELDER_RENOVATION", LimitBound.MIN,
            2000, Strictness.SOFT);

    @Test
    void max_isCheckedForTheCategoryItself_afterTheNewAmount() {
        Map<String, Long> before = Map.of("ELDER_RENOVATION", 8_500L);
        // 1,500 of 10,000 is exactly 15%: allowed.
        assertTrue(ShareLimits.check(before, "PUBLICITY", 1_500, List.of(PUBLICITY_MAX)).isEmpty());
        List<ShareLimits.Breach> b = ShareLimits.check(before, "PUBLICITY", 1_501, List.of(PUBLICITY_MAX));
        assertEquals(1, b.size());
        assertEquals(1500, b.get(0).shareAfterBp());
    }

    @Test
    void min_isCheckedWhenMoneyGoesToAnotherCategory_soTheFloorFillsFirst() {
        // Nothing for renovation yet: the first amount elsewhere breaks the floor.
        List<ShareLimits.Breach> b = ShareLimits.check(Map.of(), "CULTURE", 100, List.of(RENOVATION_MIN));
        assertEquals(RENOVATION_MIN, b.get(0).limit());
        // Money to the floor's own category never breaks its floor.
        assertTrue(ShareLimits.check(Map.of(), "ELDER_RENOVATION", 100, List.of(RENOVATION_MIN)).isEmpty());
        // 2,000 of 10,000 is exactly 20%.
        assertTrue(ShareLimits.check(Map.of("ELDER_RENOVATION", 2_000L), "CULTURE", 8_000, List.of(RENOVATION_MIN))
                .isEmpty());
        assertEquals(1, ShareLimits.check(Map.of("ELDER_RENOVATION", 2_000L), "CULTURE", 8_001,
                List.of(RENOVATION_MIN)).size());
    }

    @Test
    void broken_marksTheSharesPage() {
        assertTrue(ShareLimits.broken(870, 10_000, RENOVATION_MIN));
        assertTrue(ShareLimits.broken(2_130, 10_000, PUBLICITY_MAX));
        assertFalse(ShareLimits.broken(0, 0, RENOVATION_MIN));
    }
}
