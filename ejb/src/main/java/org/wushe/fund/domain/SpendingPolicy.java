package org.wushe.fund.domain;

import java.util.List;
import java.util.Map;
import org.wushe.shared.ConflictException;
import org.wushe.shared.Label;
import org.wushe.shared.ValidationException;

/**
 * The fund's spending rules, pure (docs/fund.md): money is allocated only from a source that holds
 * it, spent only from a budget that holds it, refunded only from what is left of the gift and still
 * unallocated in its fund; an expenditure above the four-eyes threshold waits for a second person;
 * and the year's category limits ({@link ShareLimits}) hold after every allocation and expenditure,
 * a soft one only with a written justification. The services read the balances and totals and
 * ask here; each refusal carries the message key and arguments the pages show.
 */
public final class SpendingPolicy {

    /** The four-eyes threshold when the bureau has set none: 5,000.00 yuan. */
    public static final long DEFAULT_APPROVAL_THRESHOLD_FEN = 500_000L;

    /** What moves money against the category limits; its label names it in the refusal. */
    public enum Movement {
        ALLOCATION("fund.limit.allocation"),
        EXPENDITURE("fund.limit.expenditure");

        private final String labelKey;

        Movement(String labelKey) {
            this.labelKey = labelKey;
        }

        public Label label() {
            return new Label(labelKey);
        }
    }

    private SpendingPolicy() {
    }

    /** Whether an expenditure of that amount waits for a second person: strictly above the threshold. */
    public static boolean needsSecondPerson(long amountFen, long thresholdFen) {
        return amountFen > thresholdFen;
    }

    /**
     * An allocation takes no more than its source holds.
     *
     * @throws ConflictException {@code fund.allocation.beyondAvailable} with the source and what it holds
     */
    public static void requireAvailable(MoneySource source, String accountKey, long holdsFen, long amountFen) {
        if (holdsFen < amountFen) {
            throw new ConflictException("fund.allocation.beyondAvailable", "Only " + holdsFen + " fen in " + accountKey,
                    new Label("fund.source." + source.name()), Money.format(holdsFen));
        }
    }

    /**
     * An expenditure takes no more than its project's budget for the category holds.
     *
     * @throws ConflictException {@code fund.expenditure.beyondBudget} with the category and what the budget holds
     */
    public static void requireInBudget(String categoryCode, String budgetKey, long budgetFen, long amountFen) {
        if (budgetFen < amountFen) {
            throw new ConflictException("fund.expenditure.beyondBudget", "Budget " + budgetKey + " holds " + budgetFen,
                    categoryLabel(categoryCode), Money.format(budgetFen));
        }
    }

    /** What of a gift can still go back to its donor: what is left of it, at most what its fund holds unallocated. */
    public static long refundableFen(long leftOfGiftFen, long fundHoldsFen) {
        return Math.min(leftOfGiftFen, fundHoldsFen);
    }

    /**
     * A refund takes no more than {@link #refundableFen}.
     *
     * @throws ConflictException {@code fund.refund.beyondUnspent} with what is refundable
     */
    public static void requireRefundable(long leftOfGiftFen, long fundHoldsFen, long amountFen) {
        long unspent = refundableFen(leftOfGiftFen, fundHoldsFen);
        if (amountFen > unspent) {
            throw new ConflictException("fund.refund.beyondUnspent", "Only " + unspent + " fen unspent",
                    Money.format(unspent));
        }
    }

    /**
     * The year's category limits hold after adding {@code amountFen} to {@code categoryCode}.
     *
     * @param before the year's totals per category before the new amount (fen)
     * @throws ConflictException {@code fund.limit.hard} for a hard limit broken
     * @throws ValidationException {@code fund.limit.justificationRequired} on {@code justification}
     *         for a soft limit broken without a written justification
     */
    public static void requireWithinLimits(Map<String, Long> before, String categoryCode, long amountFen,
                                           List<ShareLimits.Limit> limits, String justification, Movement what) {
        List<ShareLimits.Breach> breaches = ShareLimits.check(before, categoryCode, amountFen, limits);
        for (ShareLimits.Breach b : breaches) {
            if (b.limit().strictness() == Strictness.HARD) {
                throw new ConflictException("fund.limit.hard", "Limit broken: " + b, categoryLabel(b.limit().categoryCode()),
                        boundLabel(b), Money.percent(b.limit().shareBp()), Money.percent(b.shareAfterBp()), what.label());
            }
        }
        if (!breaches.isEmpty() && (justification == null || justification.isBlank())) {
            ShareLimits.Breach b = breaches.get(0);
            throw ValidationException.of("justification", "fund.limit.justificationRequired",
                    categoryLabel(b.limit().categoryCode()), boundLabel(b), Money.percent(b.limit().shareBp()),
                    Money.percent(b.shareAfterBp()));
        }
    }

    /** A spending category's name as the pages show it. */
    public static Label categoryLabel(String code) {
        return new Label("fund.category." + code);
    }

    private static Label boundLabel(ShareLimits.Breach b) {
        return new Label("fund.bound." + b.limit().bound().name());
    }
}
