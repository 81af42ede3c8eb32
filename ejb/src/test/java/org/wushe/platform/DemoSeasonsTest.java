package org.wushe.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The demo's past year: the same from the same seed, improving over the year, with its seasonal dips. */
class DemoSeasonsTest {

    private static List<DemoSeasons.Month> year(LocalDate first, int community, long seed) {
        Random rnd = new Random(seed);
        List<DemoSeasons.Month> months = new ArrayList<>();
        for (int i = 0; i < DemoHistory.MONTHS; i++) {
            months.add(DemoSeasons.of(first.plusMonths(i), i, community, rnd));
        }
        return months;
    }

    @Test
    void theSameSeed_givesTheSameYear() {
        LocalDate first = LocalDate.of(2025, 12, 1);
        assertEquals(year(first, 0, DemoHistory.SEED), year(first, 0, DemoHistory.SEED));
    }

    @Test
    void theYearImproves_closureSoonerRatingsHigherParticipationWiderInspectionsFewer() {
        List<DemoSeasons.Month> y = year(LocalDate.of(2025, 12, 1), 1, DemoHistory.SEED + 1);
        DemoSeasons.Month oldest = y.get(0);
        DemoSeasons.Month latest = y.get(11);
        assertTrue(latest.closureDays() < oldest.closureDays(), oldest + " → " + latest);
        assertTrue(latest.meanScore() > oldest.meanScore(), oldest + " → " + latest);
        assertTrue(latest.reach() > oldest.reach(), oldest + " → " + latest);
        int early = y.subList(0, 6).stream().mapToInt(DemoSeasons.Month::inspections).sum();
        int late = y.subList(6, 12).stream().mapToInt(DemoSeasons.Month::inspections).sum();
        assertTrue(late < early, "inspections " + early + " then " + late);
        y.forEach(m -> assertTrue(m.needs() >= 2 && m.activities() >= 1, m.toString()));
    }

    @Test
    void theSpringFestival_registersFewerNeedsAndClosesSlowerThanTheMonthAround() {
        // December 2025 to November 2026: January and February are the festival, March an ordinary month
        List<DemoSeasons.Month> y = year(LocalDate.of(2025, 12, 1), 0, DemoHistory.SEED);
        DemoSeasons.Month february = y.get(2);
        DemoSeasons.Month march = y.get(3);
        assertTrue(february.needs() < march.needs(), february + " / " + march);
        assertTrue(february.closureDays() > march.closureDays(), february + " / " + march);
        assertTrue(february.meanScore() < march.meanScore(), february + " / " + march);
    }
}
