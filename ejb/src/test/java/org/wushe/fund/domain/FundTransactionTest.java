package org.wushe.fund.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FundTransactionTest {

    private final FundAccount cash = new FundAccount(1L, AccountKind.CASH, null, null);
    private final FundAccount budget = new FundAccount(1L, AccountKind.BUDGET, 7L, "ELDER_CARE");
    private final FundAccount donations = new FundAccount(1L, AccountKind.DONATIONS, null, null);

    private static FundTransaction.Line l(FundAccount a, char side, long fen) {
        return new FundTransaction.Line(a, side, fen);
    }

    @Test
    void balancedLines_areAccepted() {
        assertDoesNotThrow(() -> FundTransaction.requireBalanced(List.of(l(cash, 'D', 500), l(donations, 'C', 500))));
        assertDoesNotThrow(() -> FundTransaction.requireBalanced(List.of(l(budget, 'D', 300), l(budget, 'D', 200),
                l(cash, 'C', 500))));
    }

    @Test
    void unbalancedSingleOrNonPositiveLines_areRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FundTransaction.requireBalanced(List.of(l(cash, 'D', 500), l(donations, 'C', 499))));
        assertTrue(e.getMessage().contains("differ"));
        assertThrows(IllegalArgumentException.class, () -> FundTransaction.requireBalanced(List.of(l(cash, 'D', 1))));
        assertThrows(IllegalArgumentException.class,
                () -> FundTransaction.requireBalanced(List.of(l(cash, 'D', 0), l(donations, 'C', 0))));
        assertThrows(IllegalArgumentException.class,
                () -> FundTransaction.requireBalanced(List.of(l(cash, 'X', 5), l(donations, 'C', 5))));
    }

    @Test
    void moneyAccounts_neverGoBelowZero() {
        cash.apply('D', 100);
        assertThrows(org.wushe.shared.ConflictException.class, () -> cash.apply('C', 101));
        cash.apply('C', 100);
        donations.apply('C', 100);
        assertTrue(donations.getBalanceFen() == 100);
    }

    @Test
    void stages_followTheLifecycle() {
        assertTrue(ProjectStage.PROPOSAL.canMoveTo(ProjectStage.REVIEW));
        assertTrue(ProjectStage.REVIEW.canMoveTo(ProjectStage.PROPOSAL));
        assertTrue(!ProjectStage.PROPOSAL.canMoveTo(ProjectStage.RUNNING));
        assertTrue(!ProjectStage.EVALUATED.canMoveTo(ProjectStage.PROPOSAL));
        assertTrue(ProjectStage.RUNNING.takesExpenditures() && !ProjectStage.APPROVED.takesExpenditures());
    }
}
