package org.wushe.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvCellsTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+86 138", "-2+3+cmd|' /C calc'!A0", "@SUM(A1:A2)", "\t=1", "\r=1",
            "=HYPERLINK(\"http://x\",\"点我\")", "＝1+1", "－1+1", "＋1", "＠SUM(A1)", "-", "--1", "-1e5", "-.5"})
    void formulaLeadingText_getsASingleQuoteInFront_andKeepsItsText(String text) {
        assertEquals("'" + text, CsvCells.cell(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"张三", "a=b", "1+1", "居民 = 张三", "", "'已有引号", " =1 ", "C001-G01"})
    void otherText_isLeftAlone(String text) {
        assertEquals(text, CsvCells.cell(text));
    }

    @Test
    void numbers_stayNumbers_negativeOnesIncluded() {
        assertEquals("-12", CsvCells.cell(-12));
        assertEquals("42", CsvCells.cell(42L));
        assertEquals("-12.50", CsvCells.cell(new BigDecimal("-12.50")));
        assertEquals("10000000000", CsvCells.cell(new BigDecimal("1E+10")));
        assertEquals("-0.25", CsvCells.cell(-0.25d));
        assertEquals("-3.5", CsvCells.cell("-3.5"), "a figure already formatted as a plain decimal");
        assertEquals("-7", CsvCells.cell("-7"));
        assertNull(CsvCells.cell(null));
    }

    @Test
    void row_appliesTheCellRuleToEveryValue() {
        assertEquals(List.of("'=1", "3", "甲"), CsvCells.row("=1", 3, "甲"));
        assertEquals(List.of(List.of("'@x", "-1")), CsvCells.rows(List.of(List.of("@x", -1))));
    }

    @Test
    void throughCommonsCsv_theEscapedCellReadsBackWithItsQuote() throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            p.printRecord(CsvCells.row("=cmd|' /C calc'!A0", "李,四", -5));
        }
        try (CSVParser parser = CSVParser.parse(new StringReader(out.toString()), CSVFormat.DEFAULT)) {
            CSVRecord r = parser.getRecords().get(0);
            assertEquals("'=cmd|' /C calc'!A0", r.get(0));
            assertEquals("李,四", r.get(1));
            assertEquals("-5", r.get(2));
        }
    }
}
