package org.wushe.web.export;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Workbook;
import org.wushe.shared.CsvCells;

/**
 * Keeps a text cell of an exported workbook from ever becoming a formula: a text that the product's
 * one rule for exported cells ({@link CsvCells}: it starts with {@code = + - @}, a tab, a carriage
 * return or their full-width forms and is not a plain number) would neutralise gets Excel's own
 * leading apostrophe, the cell style's "quote prefix": the text shows as typed, and neither
 * opening the file nor editing the cell evaluates it. Numbers and other text are left as they are.
 * One instance per workbook: it keeps one quote-prefixed copy of each style it meets.
 */
public final class XlsxCells {

    private final Workbook workbook;
    private final Map<Short, CellStyle> quoted = new HashMap<>();

    public XlsxCells(Workbook workbook) {
        this.workbook = workbook;
    }

    /** Whether a text would be taken for a formula by a spreadsheet (the rule of {@link CsvCells}). */
    public static boolean formulaLeading(String text) {
        return text != null && !Objects.equals(CsvCells.cell(text), text);
    }

    /**
     * Quote-prefixes the cell when it holds formula-leading text.
     *
     * @return whether the cell was changed
     */
    public boolean neutralise(Cell cell) {
        if (cell == null || cell.getCellType() != CellType.STRING
                || !formulaLeading(cell.getStringCellValue())) {
            return false;
        }
        CellStyle own = cell.getCellStyle();
        cell.setCellStyle(quoted.computeIfAbsent(own.getIndex(), i -> {
            CellStyle style = workbook.createCellStyle();
            style.cloneStyleFrom(own);
            style.setQuotePrefixed(true);
            return style;
        }));
        return true;
    }
}
