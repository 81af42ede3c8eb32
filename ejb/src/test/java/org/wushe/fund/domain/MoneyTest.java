package org.wushe.fund.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void format_yuanWithThousandsAndTwoDecimals() {
        assertEquals("12,345.67", Money.format(1_234_567));
        assertEquals("0.05", Money.format(5));
        assertEquals("0.00", Money.format(0));
        assertEquals("1,000,000.00", Money.format(100_000_000));
        assertEquals("-1,234.50", Money.format(-123_450));
    }

    @Test
    void parse_typedYuanToFen_exactly() {
        assertEquals(1_234_567, Money.parse("12,345.67"));
        assertEquals(1_234_560, Money.parse("12345.6"));
        assertEquals(10_000, Money.parse(" 100 "));
        assertEquals(1, Money.parse("0.01"));
        // 0.1 + 0.2 in floating point is not 0.3; in fen it is.
        assertEquals(Money.parse("0.3"), Money.parse("0.1") + Money.parse("0.2"));
    }

    @Test
    void parse_moreThanTwoDecimalsOrText_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> Money.parse("1.234"));
        assertThrows(IllegalArgumentException.class, () -> Money.parse("abc"));
        assertThrows(IllegalArgumentException.class, () -> Money.parse(""));
        assertThrows(IllegalArgumentException.class, () -> Money.parse(null));
    }

    @Test
    void shareAndPercent_inBasisPoints() {
        assertEquals(870, Money.share(87, 1000));
        assertEquals("8.7%", Money.percent(870));
        assertEquals("21.3%", Money.percent(2130));
        assertEquals(0, Money.share(5, 0));
    }
}
