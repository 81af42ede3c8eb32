package org.wushe.docking.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MatcherTest {

    private static final Matcher.NeedFacts NEED = new Matcher.NeedFacts("ELDERLY_CARE", 1L, 11L);

    private static Matcher.Score score(String category, Long community, Long grid, int capacity, int reserved,
                                       long load) {
        return Matcher.score(NEED, new Matcher.ResourceFacts(category, community, grid, "邻社区", capacity, reserved,
                load));
    }

    @Test
    void categoryThenDistanceThenAvailabilityThenLoad() {
        assertEquals(100, score("ELDERLY_CARE", 1L, 11L, 4, 0, 0).points());
        assertEquals(90, score("ELDERLY_CARE", 1L, 12L, 4, 0, 0).points(), "other grid of the community");
        assertEquals(90, score("ELDERLY_CARE", 1L, null, 4, 0, 0).points(), "no grid: the community");
        assertEquals(75, score("ELDERLY_CARE", 2L, null, 4, 0, 0).points(), "neighbouring community");
        assertEquals(75, score(null, 1L, 11L, 4, 0, 0).points(), "general resource in the same grid");
        assertEquals(40 + 30 + 4 + 15, score("ELDERLY_CARE", 1L, 11L, 4, 3, 0).points(), "a quarter left");
        assertEquals(40 + 30 + 15 + 0, score("ELDERLY_CARE", 1L, 11L, 4, 0, 5).points(), "load never below zero");
    }

    @Test
    void everyScoreCarriesItsReasons() {
        List<Reason> reasons = score(null, 2L, null, 10, 4, 1).reasons();
        assertEquals(List.of(new Reason("match.reason.general"), new Reason("match.reason.neighbour", "邻社区"),
                new Reason("match.reason.available", 6, 10), new Reason("match.reason.load", 1L)), reasons);
    }

    @Test
    void reasonsPackIntoOneColumnAndBack() {
        List<Reason> reasons = List.of(new Reason("match.reason.category"), new Reason("match.reason.neighbour", "A|B;C"),
                new Reason("match.reason.available", 6, 10));
        String packed = Reason.pack(reasons);
        assertEquals("match.reason.category;match.reason.neighbour|A/B,C;match.reason.available|6|10", packed);
        assertEquals(List.of(new Reason("match.reason.category"), new Reason("match.reason.neighbour", "A/B,C"),
                new Reason("match.reason.available", "6", "10")), Reason.unpack(packed));
        assertEquals(List.of(), Reason.unpack(null));
    }
}
