package org.wushe.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The COPY text format of {@link BulkRows}: what PostgreSQL reads back as the same values. */
class BulkRowsTest {

    private static String value(Object v) {
        StringBuilder sb = new StringBuilder();
        BulkRows.appendCopyValue(sb, v);
        return sb.toString();
    }

    @Test
    void nullIsBackslashNAndTheEmptyStringIsEmpty() {
        assertEquals("\\N", value(null));
        assertEquals("", value(""));
    }

    @Test
    void theFourSpecialCharactersAreEscapedAndNothingElse() {
        assertEquals("a\\\\b", value("a\\b"));
        assertEquals("a\\tb", value("a\tb"));
        assertEquals("a\\nb", value("a\nb"));
        assertEquals("a\\rb", value("a\rb"));
        assertEquals("\\r\\n", value("\r\n"));
        // a text that looks like an escape or like null stays text
        assertEquals("\\\\N", value("\\N"));
        assertEquals("\\\\.", value("\\."));
        assertEquals("\\\\t", value("\\t"));
        // quotes, commas, semicolons, spaces are themselves in the text format
        assertEquals("\"和平路\"\"9\"\"号\", x;y ", value("\"和平路\"\"9\"\"号\", x;y "));
    }

    @Test
    void chineseTextIsWrittenAsUtf8() {
        BulkRows rows = new BulkRows("resident_change", "id", "new_value");
        rows.add(7L, "王秀英\t幸福路8号\n1栋");
        String text = new String(rows.copyText(), StandardCharsets.UTF_8);
        assertEquals("7\t王秀英\\t幸福路8号\\n1栋\n", text);
        assertEquals(text, new String(rows.copyText(), StandardCharsets.UTF_8));
        assertTrue(rows.copyText().length > text.length(), "three bytes per Chinese character");
    }

    @Test
    void numbersBooleansDatesAndTimestamps() {
        assertEquals("42", value(42L));
        assertEquals("-3", value(-3));
        assertEquals("t", value(true));
        assertEquals("f", value(false));
        assertEquals("1949-12-31", value(LocalDate.of(1949, 12, 31)));
        assertEquals("1949-12-31", value(java.sql.Date.valueOf("1949-12-31")));
        assertEquals("2026-12-07 10:15:30.123456",
                value(Timestamp.valueOf(LocalDateTime.of(2026, 12, 7, 10, 15, 30, 123_456_000))));
        // rounded to microseconds, as the database keeps them
        assertEquals("2026-12-07 10:15:30.123457",
                value(LocalDateTime.of(2026, 12, 7, 10, 15, 30, 123_456_500)));
        assertEquals("2026-12-07 10:15:31", value(LocalDateTime.of(2026, 12, 7, 10, 15, 30, 999_999_600)));
        assertEquals("2026-12-07 10:15", value(LocalDateTime.of(2026, 12, 7, 10, 15)));
    }

    @Test
    void rowsAreTabSeparatedLinesAndTheStatementNamesTheColumns() {
        BulkRows rows = new BulkRows("resident_tag", "resident_id", "tag_code");
        rows.add(1L, "VETERAN").add(2L, null);
        assertEquals(2, rows.size());
        assertEquals("1\tVETERAN\n2\t\\N\n", new String(rows.copyText(), StandardCharsets.UTF_8));
        assertEquals("COPY resident_tag (resident_id, tag_code) FROM STDIN", rows.copyStatement());
    }

    @Test
    void eachRowsTimestampIsItsOwnWhenRowsShareOneObjectOrNot() {
        Timestamp shared = Timestamp.valueOf(LocalDateTime.of(2026, 12, 8, 1, 2, 3, 456_000_000));
        Timestamp other = Timestamp.valueOf(LocalDateTime.of(2025, 1, 9, 23, 59, 59));
        BulkRows rows = new BulkRows("resident_change", "id", "changed_at", "old_value");
        rows.add(1L, shared, "a\tb").add(2L, shared, "plain").add(3L, other, null).add(4L, shared, "c\\d")
                .add(5, Timestamp.valueOf(LocalDateTime.of(2026, 12, 8, 1, 2, 3, 456_000_000)), "");
        assertEquals("1\t2026-12-08 01:02:03.456\ta\\tb\n"
                + "2\t2026-12-08 01:02:03.456\tplain\n"
                + "3\t2025-01-09 23:59:59\t\\N\n"
                + "4\t2026-12-08 01:02:03.456\tc\\\\d\n"
                + "5\t2026-12-08 01:02:03.456\t\n", new String(rows.copyText(), StandardCharsets.UTF_8));
    }

    @Test
    void refusesWrongRowsAndNames() {
        BulkRows rows = new BulkRows("resident_tag", "resident_id", "tag_code");
        assertThrows(IllegalArgumentException.class, () -> rows.add(1L));
        assertThrows(IllegalArgumentException.class, () -> new BulkRows("resident; DROP", "id"));
        assertThrows(IllegalArgumentException.class, () -> new BulkRows("resident", "id, x"));
        assertThrows(IllegalArgumentException.class, () -> new StringBuilder().append(value(new Object())));
    }
}
