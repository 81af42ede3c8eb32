package org.wushe.web.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Formula-leading text in an exported workbook is quote-prefixed; numbers and other text are left alone. */
class XlsxCellsTest {

    private static final List<String> FORMULAS = List.of("=1+1", "=HYPERLINK(\"http://x\",\"y\")", "+86 1380000",
            "-2+3", "@SUM(A1)", "\tcmd", "\rcmd", "＝1+1", "＋1", "－1", "＠A1");
    private static final List<String> PLAIN = List.of("张三", "1****************X", "138****5678", "-12.50", "12",
            "", "a=b", " =1");

    @Test
    void formulaLeading_followsTheOneRuleOfExportedCells() {
        FORMULAS.forEach(t -> assertTrue(XlsxCells.formulaLeading(t), t));
        PLAIN.forEach(t -> assertFalse(XlsxCells.formulaLeading(t), t));
        assertFalse(XlsxCells.formulaLeading(null));
    }

    @Test
    void formulaLeadingText_isQuotePrefixed_keepsItsText_andSurvivesTheFile() throws IOException {
        try (SXSSFWorkbook streamed = new SXSSFWorkbook(10)) {
            Sheet sheet = streamed.createSheet("t");
            XlsxCells cells = new XlsxCells(streamed);
            int r = 0;
            for (String text : concat(FORMULAS, PLAIN)) {
                Row row = sheet.createRow(r++);
                Cell cell = row.createCell(0);
                cell.setCellValue(text);
                assertEquals(FORMULAS.contains(text), cells.neutralise(cell), text);
            }
            Cell number = sheet.createRow(r).createCell(0);
            number.setCellValue(-5.25);
            assertFalse(cells.neutralise(number), "a number stays a number");

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            streamed.write(out);
            streamed.dispose();
            try (Workbook read = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
                Sheet back = read.getSheetAt(0);
                int i = 0;
                for (String text : concat(FORMULAS, PLAIN)) {
                    Cell cell = back.getRow(i++).getCell(0);
                    assertEquals(CellType.STRING, cell.getCellType(), text);
                    assertEquals(text, cell.getStringCellValue(), "the text as typed, without a visible quote");
                    assertEquals(FORMULAS.contains(text), cell.getCellStyle().getQuotePrefixed(), text);
                }
                Cell n = back.getRow(i).getCell(0);
                assertEquals(CellType.NUMERIC, n.getCellType());
                assertEquals(-5.25, n.getNumericCellValue());
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
