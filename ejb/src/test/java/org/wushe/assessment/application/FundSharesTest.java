package org.wushe.assessment.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.wushe.fund.domain.LimitBound;
import org.wushe.fund.domain.ShareLimits;
import org.wushe.fund.domain.Strictness;

class FundSharesTest {

    @Test
    void sharesAgainstLimits_theWorkedExample() {
        Map<String, long[]> money = new TreeMap<>();
        money.put("ELDER_CARE", new long[] {600_000, 200_000, 200_000});
        money.put("PUBLICITY", new long[] {300_000, 100_000, 100_000});
        Map<String, List<ShareLimits.Limit>> limits = Map.of(
                "PUBLICITY", List.of(new ShareLimits.Limit("PUBLICITY", LimitBound.MAX, 1500, Strictness.SOFT)),
                "ELDER_RENOVATION", List.of(new ShareLimits.Limit("ELDER_RENOVATION", LimitBound.MIN, 2000, Strictness.HARD)));
        List<FundShares.Row> rows = FundShares.rows(money, limits);
        assertEquals(List.of("ELDER_CARE", "ELDER_RENOVATION", "PUBLICITY"), rows.stream().map(FundShares.Row::categoryCode).toList());
        FundShares.Row care = rows.get(0);
        assertEquals(6666, care.allocatedBp());
        assertEquals(6666, care.spentBp());
        assertFalse(care.breaking());
        FundShares.Row renovation = rows.get(1);
        assertEquals(0, renovation.allocatedFen());
        assertEquals(2000, renovation.minBp());
        assertTrue(renovation.allocatedBroken() && renovation.spentBroken(), "a floor with no money breaks");
        FundShares.Row publicity = rows.get(2);
        assertEquals(3333, publicity.spentBp());
        assertEquals(1500, publicity.maxBp());
        assertTrue(publicity.spentBroken());
        assertEquals("上限 15.0%（软）", publicity.limitsZh());
    }

    @Test
    void nothingSpent_breaksNothing() {
        Map<String, long[]> money = Map.of("ELDER_CARE", new long[] {100, 0, 0});
        List<FundShares.Row> rows = FundShares.rows(money, Map.of("PUBLICITY",
                List.of(new ShareLimits.Limit("PUBLICITY", LimitBound.MAX, 1500, Strictness.HARD))));
        assertFalse(rows.get(0).spentBroken());
        assertFalse(rows.get(1).allocatedBroken(), "0 of 100 is under a ceiling");
    }
}
