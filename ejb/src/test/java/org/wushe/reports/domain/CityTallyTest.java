package org.wushe.reports.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wushe.assessment.domain.Figures;
import org.wushe.assessment.domain.Metric;

class CityTallyTest {

    private static Figures closed(int closed, int base) {
        return new Figures(Map.of(Metric.NEEDS_CLOSED, BigDecimal.valueOf(closed), Metric.NEEDS_OPEN_BASE,
                BigDecimal.valueOf(base))).withRatios();
    }

    @Test
    void aSubDistrictSumsItsCounts_andRecomputesItsRate() {
        CityTally t = new CityTally();
        t.add(new Place("C001", "东湖", "SD1", "东湖街道"), closed(1, 4));
        t.add(new Place("C002", "西山", "SD1", "东湖街道"), closed(3, 4));
        t.add(new Place("C003", "南浦", "SD2", "西山街道"), closed(0, 0));
        assertEquals(3, t.communities());
        assertEquals(2, t.communitiesOf("SD1"));
        assertEquals("东湖街道", t.subDistrictName("SD1"));
        Figures sd1 = t.bySubDistrict().get("SD1");
        assertEquals(0, new BigDecimal("4").compareTo(sd1.sum(Metric.NEEDS_CLOSED)));
        assertEquals(0, new BigDecimal("0.5").compareTo(sd1.get(Metric.NEEDS_CLOSURE_RATE).orElseThrow()));
        assertEquals(List.of("SD1", "SD2"), List.copyOf(t.bySubDistrict().keySet()));
    }

    @Test
    void onlyTheTenHighestAndLowestRatesAreKept_aCommunityWithoutARateIsNotRanked() {
        CityTally t = new CityTally();
        for (int i = 0; i <= 20; i++) {
            t.add(new Place(String.format("C%03d", i), "社区" + i, "SD1", "街道"), closed(i, 20));
        }
        t.add(new Place("C999", "无需求", "SD1", "街道"), closed(0, 0));
        assertEquals(CityTally.RANKED, t.best().size());
        assertEquals("C020", t.best().get(0).code());
        assertEquals("C011", t.best().get(9).code());
        assertEquals(CityTally.RANKED, t.worst().size());
        assertEquals("C000", t.worst().get(0).code());
        assertEquals("C009", t.worst().get(9).code());
    }

    @Test
    void equalRates_areOrderedByCode() {
        CityTally t = new CityTally();
        t.add(new Place("C002", "乙", "SD1", "街道"), closed(1, 2));
        t.add(new Place("C001", "甲", "SD1", "街道"), closed(1, 2));
        assertEquals(List.of("C001", "C002"), t.worst().stream().map(CityTally.Ranked::code).toList());
        assertEquals(List.of("C002", "C001"), t.best().stream().map(CityTally.Ranked::code).toList());
    }
}
