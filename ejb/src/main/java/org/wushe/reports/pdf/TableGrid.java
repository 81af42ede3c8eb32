package org.wushe.reports.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.wushe.reports.domain.LineBreaker;

/**
 * The geometry of a {@link PdfReport.Table}, apart from drawing it: the columns' widths (from the
 * table's weights, or from its header and first 200 rows), each cell broken into lines, the height
 * of a row. Pure: the text's width comes from the caller's measure.
 */
final class TableGrid {

    /** No column is measured wider than this many points when the widths come from the content. */
    private static final float WIDEST = 160;

    private TableGrid() {
    }

    /** The columns' widths in points, filling {@code total}. */
    static float[] widths(PdfReport.Table t, float total, ToDoubleFunction<String> measure) {
        int n = t.header().size();
        float[] w = new float[n];
        if (t.weights() != null) {
            System.arraycopy(t.weights(), 0, w, 0, n);
        } else {
            for (int i = 0; i < n; i++) {
                w[i] = Math.min(WIDEST, (float) measure.applyAsDouble(t.header().get(i)));
            }
            int sample = 0;
            for (List<String> row : t.rows()) {
                for (int i = 0; i < n; i++) {
                    w[i] = Math.max(w[i], Math.min(WIDEST, (float) measure.applyAsDouble(cell(row, i))));
                }
                if (++sample == 200) {
                    break;
                }
            }
        }
        float sum = 0;
        for (float v : w) {
            sum += Math.max(v, 1);
        }
        for (int i = 0; i < n; i++) {
            w[i] = Math.max(w[i], 1) / sum * total;
        }
        return w;
    }

    /** Each cell of the row broken into the lines that fit its column (4 points of padding either side). */
    static List<List<String>> wrap(List<String> row, float[] widths, ToDoubleFunction<String> measure) {
        List<List<String>> cells = new ArrayList<>();
        for (int i = 0; i < widths.length; i++) {
            cells.add(LineBreaker.wrap(cell(row, i), widths[i] - 8, measure));
        }
        return cells;
    }

    /** The height of a row: its tallest cell's lines, and 6 points. */
    static float height(List<List<String>> cells, float leading) {
        int lines = 1;
        for (List<String> c : cells) {
            lines = Math.max(lines, c.size());
        }
        return lines * leading + 6;
    }

    /** The row's cell {@code i}, empty when missing. */
    static String cell(List<String> row, int i) {
        return i < row.size() && row.get(i) != null ? row.get(i) : "";
    }
}
