package org.wushe.shared;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one way every CSV file of the product writes its cells, so that no cell becomes a formula
 * when the file is opened in a spreadsheet (CSV injection, OWASP): a text cell that starts with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return (or the full-width
 * {@code ＝ ＋ － ＠}, which Chinese input methods produce and some spreadsheets read the same way) is
 * written with a single quote in front; the quote shows, and the text stays as it was typed.
 *
 * <p>Numbers stay numbers: a {@link Number} is written as its plain decimal text ({@code -12.5},
 * never an exponent), and a text that is wholly a plain decimal number ({@code -12.50}, as the
 * reports format their figures) is left alone, since it cannot be a formula. Quoting of separators
 * and quotes is Commons CSV's job, after this.
 *
 * <p>Usage: {@code printer.printRecord(CsvCells.row(name, age, phone));}
 */
public final class CsvCells {

    private static final String FORMULA_STARTS = "=+-@\t\r＝＋－＠";
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private CsvCells() {
    }

    /** One cell: null stays null (an empty cell), numbers as plain decimals, text neutralised. */
    public static String cell(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal b) {
            return b.toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Number n) {
            return n.toString();
        }
        String text = value.toString();
        if (text.isEmpty() || FORMULA_STARTS.indexOf(text.charAt(0)) < 0 || PLAIN_NUMBER.matcher(text).matches()) {
            return text;
        }
        return "'" + text;
    }

    /** A row of cells, each through {@link #cell}. */
    public static List<String> row(Object... values) {
        return row(Arrays.asList(values));
    }

    /** A row of cells, each through {@link #cell}. */
    public static List<String> row(Iterable<?> values) {
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(cell(v)));
        return out;
    }

    /** Rows of cells, each through {@link #cell}. */
    public static List<List<String>> rows(Iterable<? extends Iterable<?>> rows) {
        List<List<String>> out = new ArrayList<>();
        rows.forEach(r -> out.add(row(r)));
        return out;
    }
}
