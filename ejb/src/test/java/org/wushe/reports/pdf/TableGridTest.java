package org.wushe.reports.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableGridTest {

    /** Ten points per character. */
    private static double measure(String s) {
        return s.length() * 10.0;
    }

    @Test
    void weightsShareTheWholeWidth() {
        PdfReport.Table t = new PdfReport.Table(List.of("a", "b"), List.of(), new boolean[2], new float[] {1, 3});
        assertArrayEquals(new float[] {100, 300}, TableGrid.widths(t, 400, TableGridTest::measure));
    }

    @Test
    void withoutWeights_theWidestCellCounts_upTo160Points() {
        PdfReport.Table t = new PdfReport.Table(List.of("ab", "c"), List.of(List.of("abcd", "x".repeat(40))), new boolean[2]);
        // measured 40 and 160 (not 400) points: a fifth and four fifths of the width
        assertArrayEquals(new float[] {80, 320}, TableGrid.widths(t, 400, TableGridTest::measure), 0.01f);
    }

    @Test
    void aLongCellWrapsAndTheRowIsAsHighAsItsTallestCell() {
        List<List<String>> cells = TableGrid.wrap(Arrays.asList("一二三四五六", null), new float[] {38, 50}, TableGridTest::measure);
        assertEquals(List.of("一二三", "四五六"), cells.get(0));
        assertEquals("", TableGrid.cell(Arrays.asList("a", null), 1));
        assertEquals("", TableGrid.cell(List.of("a"), 3));
        assertEquals(2 * 14 + 6, TableGrid.height(cells, 14), 0.001f);
    }
}
