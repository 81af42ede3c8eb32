package org.wushe.fund.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wushe.shared.ConflictException;
import org.wushe.shared.Label;
import org.wushe.shared.ValidationException;

class SpendingPolicyTest {

    private static final ShareLimits.Limit PUBLICITY_MAX_15_HARD =
            new ShareLimits.Limit("PUBLICITY", LimitBound.MAX, 1500, Strictness.HARD);
    private static final ShareLimits.Limit PUBLICITY_MAX_15_SOFT =
            new ShareLimits.Limit("PUBLICITY", LimitBound.MAX, 1500, Strictness.SOFT);
    private static final ShareLimits.Limit RENOVATION_MIN_20_SOFT =
            new ShareLimits.Limit("ELDER_RENOVATION", LimitBound.MIN, 2000, Strictness.SOFT);

    @Test
    void secondPerson_onlyStrictlyAboveTheThreshold() {
        assertFalse(SpendingPolicy.needsSecondPerson(500_000, 500_000));
        assertTrue(SpendingPolicy.needsSecondPerson(500_001, 500_000));
        assertFalse(SpendingPolicy.needsSecondPerson(1, SpendingPolicy.DEFAULT_APPROVAL_THRESHOLD_FEN));
    }

    @Test
    void allocation_takesAtMostWhatItsSourceHolds() {
        assertDoesNotThrow(() -> SpendingPolicy.requireAvailable(MoneySource.CASH, "CASH", 100_000, 100_000));
        ConflictException e = assertThrows(ConflictException.class,
                () -> SpendingPolicy.requireAvailable(MoneySource.PROJECT_FUND, "RESTRICTED:P7", 100_000, 100_001));
        assertEquals("fund.allocation.beyondAvailable", e.key());
        assertEquals(List.of(new Label("fund.source.PROJECT_FUND"), "1,000.00"), e.args());
    }

    @Test
    void expenditure_takesAtMostWhatTheBudgetHoldsForTheCategory() {
        assertDoesNotThrow(() -> SpendingPolicy.requireInBudget("ELDER_CARE", "BUDGET:P7:ELDER_CARE", 100_000, 100_000));
        ConflictException e = assertThrows(ConflictException.class,
                () -> SpendingPolicy.requireInBudget("CULTURE", "BUDGET:P7:CULTURE", 0, 1));
        assertEquals("fund.expenditure.beyondBudget", e.key());
        assertEquals(List.of(new Label("fund.category.CULTURE"), "0.00"), e.args());
    }

    @Test
    void refund_atMostWhatIsLeftOfTheGift_andAtMostWhatItsFundStillHolds() {
        assertEquals(50_000, SpendingPolicy.refundableFen(100_000, 50_000), "half of it was allocated");
        assertEquals(30_000, SpendingPolicy.refundableFen(30_000, 80_000), "the rest was refunded before");
        assertDoesNotThrow(() -> SpendingPolicy.requireRefundable(100_000, 50_000, 50_000));
        ConflictException e = assertThrows(ConflictException.class,
                () -> SpendingPolicy.requireRefundable(100_000, 50_000, 50_001));
        assertEquals("fund.refund.beyondUnspent", e.key());
        assertEquals(List.of("500.00"), e.args());
    }

    @Test
    void hardLimitBroken_isRefusedWhateverTheJustification() {
        ConflictException e = assertThrows(ConflictException.class, () -> SpendingPolicy.requireWithinLimits(
                Map.of("CULTURE", 850_000L), "PUBLICITY", 200_000, List.of(PUBLICITY_MAX_15_HARD), "宣传月需要",
                SpendingPolicy.Movement.ALLOCATION));
        assertEquals("fund.limit.hard", e.key());
        assertEquals(List.of(new Label("fund.category.PUBLICITY"), new Label("fund.bound.MAX"), "15.0%", "19.0%",
                new Label("fund.limit.allocation")), e.args());
    }

    @Test
    void softLimitBroken_needsAWrittenJustification() {
        ValidationException e = assertThrows(ValidationException.class, () -> SpendingPolicy.requireWithinLimits(
                Map.of("CULTURE", 850_000L), "PUBLICITY", 200_000, List.of(PUBLICITY_MAX_15_SOFT), " ",
                SpendingPolicy.Movement.EXPENDITURE));
        assertEquals("justification", e.errors().get(0).field());
        assertEquals("fund.limit.justificationRequired", e.errors().get(0).key());
        assertDoesNotThrow(() -> SpendingPolicy.requireWithinLimits(Map.of("CULTURE", 850_000L), "PUBLICITY", 200_000,
                List.of(PUBLICITY_MAX_15_SOFT), "社区宣传月", SpendingPolicy.Movement.EXPENDITURE));
    }

    @Test
    void minLimitOfAnotherCategory_isCheckedToo_andAnAmountWithinEveryLimitPasses() {
        ValidationException e = assertThrows(ValidationException.class, () -> SpendingPolicy.requireWithinLimits(
                Map.of("ELDER_RENOVATION", 20_000L, "CULTURE", 80_000L), "CULTURE", 100_000,
                List.of(RENOVATION_MIN_20_SOFT), null,
                SpendingPolicy.Movement.ALLOCATION));
        assertEquals("fund.limit.justificationRequired", e.errors().get(0).key());
        assertEquals(List.of(new Label("fund.category.ELDER_RENOVATION"), new Label("fund.bound.MIN"), "20.0%", "10.0%"),
                e.errors().get(0).args());
        assertDoesNotThrow(() -> SpendingPolicy.requireWithinLimits(Map.of("ELDER_RENOVATION", 200_000L), "CULTURE",
                100_000, List.of(PUBLICITY_MAX_15_HARD), null, SpendingPolicy.Movement.ALLOCATION));
        assertDoesNotThrow(() -> SpendingPolicy.requireWithinLimits(Map.of(), "CULTURE", 1, List.of(), null,
                SpendingPolicy.Movement.EXPENDITURE));
    }
}
