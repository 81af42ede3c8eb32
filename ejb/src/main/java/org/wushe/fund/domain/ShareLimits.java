package org.wushe.fund.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The category-limit rule, pure (docs/fund.md): after a new amount in a category, the category's
 * own MAX limit must hold (category ≤ max × total), and every MIN limit of another category must
 * hold (that category ≥ min × total), so money reaches the needs floor first. A limit that already
 * fails is not re-checked for an amount that only improves it. Exact in integers: shares are basis
 * points, amounts fen.
 */
public final class ShareLimits {

    /** One limit of the year: category, bound, share in basis points, strictness. */
    public record Limit(String categoryCode, LimitBound bound, int shareBp, Strictness strictness) {
    }

    /** A limit the new amount would break, with the category's share after it. */
    public record Breach(Limit limit, long shareAfterBp) {
    }

    private ShareLimits() {
    }

    /**
     * The limits broken by adding {@code amount} to {@code category}.
     *
     * @param before the year's totals per category before the new amount (fen)
     */
    public static List<Breach> check(Map<String, Long> before, String category, long amount, List<Limit> limits) {
        long total = before.values().stream().mapToLong(Long::longValue).sum() + amount;
        List<Breach> breaches = new ArrayList<>();
        for (Limit l : limits) {
            long inCategory = before.getOrDefault(l.categoryCode(), 0L)
                    + (l.categoryCode().equals(category) ? amount : 0L);
            if (l.bound() == LimitBound.MAX && l.categoryCode().equals(category)) {
                if (Math.multiplyExact(inCategory, 10_000L) > Math.multiplyExact((long) l.shareBp(), total)) {
                    breaches.add(new Breach(l, Money.share(inCategory, total)));
                }
            } else if (l.bound() == LimitBound.MIN && !l.categoryCode().equals(category)) {
                if (Math.multiplyExact(inCategory, 10_000L) < Math.multiplyExact((long) l.shareBp(), total)) {
                    breaches.add(new Breach(l, Money.share(inCategory, total)));
                }
            }
        }
        return breaches;
    }

    /** Whether a category's current share breaks a limit (for the share pages' red marks). */
    public static boolean broken(long inCategory, long total, Limit l) {
        if (total == 0) {
            return false;
        }
        long lhs = Math.multiplyExact(inCategory, 10_000L);
        long rhs = Math.multiplyExact((long) l.shareBp(), total);
        return l.bound() == LimitBound.MAX ? lhs > rhs : lhs < rhs;
    }
}
