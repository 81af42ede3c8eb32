package org.wushe.web.fund;

import java.time.Year;
import org.wushe.fund.domain.Money;
import org.wushe.shared.ValidationException;
import org.wushe.web.support.CommunityPage;

/** What the fund's community pages share: the year shown and reading typed yuan into fen. */
public abstract class FundPage extends CommunityPage {

    private static final long serialVersionUID = 1L;

    protected Integer year = Year.now().getValue();

    @Override
    public void load() {
        if (year == null) {
            year = Year.now().getValue();
        }
        super.load();
    }

    /** Typed yuan as fen; {@code fund.amount.invalid} on the field when it is not an amount; null when blank. */
    protected static Long fen(String field, String yuan, ValidationException.Collector errors) {
        return Money.parse(field, yuan, "fund.amount.invalid", "fund.amount.invalid", errors);
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }
}
