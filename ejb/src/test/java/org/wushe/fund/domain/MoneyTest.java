package org.wushe.fund.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wushe.shared.ValidationException;

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

    @Test
    void format_negativeAmounts_carryOneSignBeforeTheYuan() {
        assertEquals("-1.50", Money.format(-150));
        assertEquals("-0.05", Money.format(-5));
        assertEquals("-0.50", Money.format(-50));
        assertEquals("-1,000.00", Money.format(-100_000));
    }

    @Test
    void format_zeroAndNoAmount() {
        assertEquals("0.00", Money.format(0L));
        assertEquals("", Money.format((Long) null));
        assertEquals("12.30", Money.format(Long.valueOf(1_230)));
    }

    @Test
    void format_largeAmounts_keepEveryFen() {
        assertEquals("92,233,720,368,547,758.07", Money.format(Long.MAX_VALUE));
        assertEquals("9,999,999,999,999.99", Money.format(999_999_999_999_999L));
    }

    @Test
    void parse_negativeZeroAndLargeAmounts() {
        assertEquals(-150, Money.parse("-1.5"));
        assertEquals(-5, Money.parse("-0.05"));
        assertEquals(0, Money.parse("0"));
        assertEquals(0, Money.parse("0.00"));
        assertEquals(150, Money.parse("+1.50"));
        assertEquals(999_999_999_999_999L, Money.parse("9,999,999,999,999.99"));
        assertThrows(IllegalArgumentException.class, () -> Money.parse("99999999999999"));
    }

    @Test
    void parse_roundTripsWhatFormatPrints() {
        for (long fen : new long[] {0, 5, -5, -150, 1_234_567, -123_450, 999_999_999_999_999L}) {
            assertEquals(fen, Money.parse(Money.format(fen)));
        }
    }

    @Test
    void parse_fullWidthSeparatorsAndTrailingZeros() {
        assertEquals(1_234_550, Money.parse("12，345。5"));
        assertEquals(1_250, Money.parse("12．5"));
        assertEquals(123, Money.parse("1.230"));
        assertEquals(100, Money.parse("1.000"));
    }

    @Test
    void parse_finerThanAFen_isToldApartFromNotANumber() {
        assertThrows(Money.FinerThanFen.class, () -> Money.parse("1.234"));
        assertThrows(Money.FinerThanFen.class, () -> Money.parse("0.001"));
        IllegalArgumentException notANumber = assertThrows(IllegalArgumentException.class, () -> Money.parse("1.2.3"));
        assertFalse(notANumber instanceof Money.FinerThanFen);
        assertThrows(IllegalArgumentException.class, () -> Money.parse("1e3"));
        assertThrows(IllegalArgumentException.class, () -> Money.parse("-"));
        assertThrows(IllegalArgumentException.class, () -> Money.parse("."));
        assertThrows(IllegalArgumentException.class, () -> Money.parse("1."));
        assertThrows(IllegalArgumentException.class, () -> Money.parse(" "));
    }

    @Test
    void parseField_recordsTheCallersKeys_andLeavesBlankToTheService() {
        ValidationException.Collector errors = new ValidationException.Collector();
        assertNull(Money.parse("cost", "  ", "error.number", "deliberation.cost.cents", errors));
        assertEquals(12_345L, Money.parse("cost", "123.45", "error.number", "deliberation.cost.cents", errors));
        assertNull(Money.parse("cost", "1.234", "error.number", "deliberation.cost.cents", errors));
        assertNull(Money.parse("fee", "abc", "error.number", "deliberation.cost.cents", errors));
        ValidationException e = assertThrows(ValidationException.class, errors::throwIfAny);
        assertEquals(List.of("cost:deliberation.cost.cents", "fee:error.number"),
                e.errors().stream().map(f -> f.field() + ":" + f.key()).toList());
    }

    @Test
    void percent_negativeSharesCarryOneSign() {
        assertEquals("0.0%", Money.percent(0));
        assertEquals("-0.5%", Money.percent(-50));
        assertEquals("100.0%", Money.percent(10_000));
    }
}
