package org.wushe.web.fund;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.wushe.fund.domain.Money;

/**
 * The pages' one money formatter: fen as yuan with two decimals ({@code #{money.format(row.amountFen)}}),
 * basis points as a percentage ({@code #{money.percent(870)}} → 8.7%).
 */
@Named("money")
@ApplicationScoped
public class MoneyFormat {

    public String format(long fen) {
        return Money.format(fen);
    }

    public String percent(long basisPoints) {
        return Money.percent(basisPoints);
    }

    /** Satisfaction in tenths as a score, e.g. 43 → 4.3. */
    public String score(Integer tenths) {
        return tenths == null ? "–" : tenths / 10 + "." + tenths % 10;
    }
}
