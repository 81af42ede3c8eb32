package org.wushe.reports.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wushe.assessment.domain.Metric;

/** The city medians of the community report: one figure over the communities with a snapshot. */
public final class Medians {

    private Medians() {
    }

    /**
     * The city median of {@code metric} from its values in ascending order: a community without a
     * count counts 0 (an additive figure is missing only when it is 0), a ratio or median it lacks
     * is left out.
     *
     * @param communities how many communities have a snapshot for the month
     */
    public static Optional<BigDecimal> ofCity(Metric metric, List<BigDecimal> sorted, long communities) {
        List<BigDecimal> all = new ArrayList<>();
        if (metric.additive()) {
            for (long i = sorted.size(); i < communities; i++) {
                all.add(BigDecimal.ZERO);
            }
        }
        all.addAll(sorted);
        return median(all);
    }

    /** The median of sorted values (the mean of the middle two for an even count, to four decimals). */
    public static Optional<BigDecimal> median(List<BigDecimal> sorted) {
        int n = sorted.size();
        if (n == 0) {
            return Optional.empty();
        }
        if (n % 2 == 1) {
            return Optional.of(sorted.get(n / 2));
        }
        return Optional.of(sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), 4, RoundingMode.HALF_UP));
    }
}
