package org.wushe.points.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PointRuleBookTest {

    private final PointRuleBook book = new PointRuleBook(Map.of("HOUR.DEFAULT", 10L, "HOUR.ELDERLY_VISITING", 12L,
            "TRAINING_PRACTISED", 20L, "PARTY_SERVICE", 10L, "EXPIRY_MONTHS", 24L));

    private static Unsettled hours(String type, int minutes) {
        return new Unsettled(SourceType.SERVICE_HOURS, 7, 1, 2, AccountKind.VOLUNTEER, "HOUR." + type, minutes,
                LocalDate.of(2026, 3, 31), "探访");
    }

    @Test
    void hoursArePricedByTheirPositionTypeProRataAndRoundedDown() {
        assertEquals(18, book.pointsFor(hours("ELDERLY_VISITING", 90)));
        assertEquals(10, book.pointsFor(hours("ELDERLY_VISITING", 50)), "50 min at 12/h is 10");
        assertEquals(15, book.pointsFor(hours("CLEANING", 90)), "a type without its own rule takes HOUR.DEFAULT");
    }

    @Test
    void aReversalIsPricedNegativeFlowsBackAndDoesNotExpire() {
        Booking b = book.book(hours("ELDERLY_VISITING", -90)).orElseThrow();
        assertEquals(-18, b.points());
        assertNull(b.expiresOn());
        assertEquals("探访 (reversal)", b.memo());
    }

    @Test
    void earnedPointsExpireAfterTheConfiguredMonthsFromTheDayEarned() {
        Booking b = book.book(hours("ELDERLY_VISITING", 60)).orElseThrow();
        assertEquals(LocalDate.of(2028, 3, 31), b.expiresOn());
        assertEquals("POOL:1", b.poolKey());
        assertEquals("VOLUNTEER:2", b.earnerKey());
    }

    @Test
    void flatRulesPriceTheOtherSourcesAndAWorthlessSourceIsNotBooked() {
        Unsettled training = new Unsettled(SourceType.TRAINING_PRACTISED, 8, 1, 2, AccountKind.VOLUNTEER,
                "TRAINING_PRACTISED", 0, LocalDate.of(2026, 1, 1), "急救");
        assertEquals(20, book.pointsFor(training));
        Unsettled deliberation = new Unsettled(SourceType.DELIBERATION_ATTENDANCE, 9, 1, 2, AccountKind.VOLUNTEER,
                "DELIBERATION_ATTENDANCE", 0, LocalDate.of(2026, 1, 1), "议事会");
        assertTrue(book.book(deliberation).isEmpty(), "no rule, no points, no booking");
        assertTrue(book.book(hours("ELDERLY_VISITING", 4)).isEmpty(), "4 minutes are worth nothing");
    }
}
