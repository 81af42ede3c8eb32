package org.wushe.imports.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportFileReaderTest {

    static final String HEADER = String.join(",", ImportKind.RESIDENTS.header());
    static final String LINE = "110105194912310029,王秀英,女,1949-12-31,13912345678,幸福路8号,C001,C001-G01,独居老人;党员";

    private static byte[] bytes(String text, Charset cs, boolean bom) {
        byte[] body = text.getBytes(cs);
        if (!bom) {
            return body;
        }
        byte[] all = new byte[body.length + 3];
        all[0] = (byte) 0xEF;
        all[1] = (byte) 0xBB;
        all[2] = (byte) 0xBF;
        System.arraycopy(body, 0, all, 3, body.length);
        return all;
    }

    private static List<CsvLine> read(byte[] content, Charset given) throws IOException {
        try (ImportFileReader r = ImportFileReader.open(new ByteArrayInputStream(content), ImportKind.RESIDENTS, given)) {
            List<CsvLine> lines = new ArrayList<>();
            r.forEach(lines::add);
            return lines;
        }
    }

    @Test
    void detect_bom_isUtf8() {
        assertEquals(StandardCharsets.UTF_8, Encodings.detect(bytes(LINE, Encodings.GBK, true)));
    }

    @Test
    void detect_utf8WithoutBom_isUtf8() {
        assertEquals(StandardCharsets.UTF_8, Encodings.detect(bytes(HEADER + "\n" + LINE, StandardCharsets.UTF_8, false)));
    }

    @Test
    void detect_gbk_isGbk() {
        assertEquals(Encodings.GBK, Encodings.detect(bytes(HEADER + "\r\n" + LINE, Charset.forName("GBK"), false)));
    }

    @Test
    void detect_asciiOnly_isUtf8() {
        assertEquals(StandardCharsets.UTF_8, Encodings.detect(HEADER.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void detect_utf8CharacterCutAtTheSampleEnd_isStillUtf8() {
        byte[] big = "王".repeat(Encodings.SAMPLE).getBytes(StandardCharsets.UTF_8);
        byte[] sample = java.util.Arrays.copyOf(big, Encodings.SAMPLE);
        assertEquals(StandardCharsets.UTF_8, Encodings.detect(sample));
    }

    @Test
    void named_acceptsTheUsualNames_andRefusesOthers() {
        assertNull(Encodings.named("auto"));
        assertNull(Encodings.named(" "));
        assertEquals(StandardCharsets.UTF_8, Encodings.named("utf8"));
        assertEquals(Encodings.GBK, Encodings.named("GB2312"));
        assertThrows(IllegalArgumentException.class, () -> Encodings.named("latin1"));
    }

    @Test
    void read_utf8Bom_crlf_keepsChineseAndLineNumbers() throws IOException {
        List<CsvLine> lines = read(bytes(HEADER + "\r\n" + LINE + "\r\n\r\n" + LINE + "\r\n", StandardCharsets.UTF_8, true), null);
        assertEquals(2, lines.size());
        assertEquals(2, lines.get(0).line());
        assertEquals(4, lines.get(1).line(), "the blank line 3 is skipped but counted");
        assertEquals("王秀英", lines.get(0).value(1));
        assertEquals("独居老人;党员", lines.get(0).value(8));
    }

    @Test
    void read_gbk_lf_keepsChinese() throws IOException {
        List<CsvLine> lines = read(bytes(HEADER + "\n" + LINE + "\n", Charset.forName("GBK"), false), null);
        assertEquals("王秀英", lines.get(0).value(1));
        assertEquals("幸福路8号", lines.get(0).value(5));
    }

    @Test
    void read_givenCharset_isUsed() throws IOException {
        try (ImportFileReader r = ImportFileReader.open(new ByteArrayInputStream(bytes(HEADER + "\n" + LINE,
                Charset.forName("GBK"), false)), ImportKind.RESIDENTS, Encodings.GBK)) {
            assertEquals(Encodings.GBK, r.charset());
            assertEquals("王秀英", r.next().value(1));
        }
    }

    @Test
    void read_lineOfCommas_isBlankAndSkipped() throws IOException {
        List<CsvLine> lines = read(bytes(HEADER + "\n,,,,,,,,\n" + LINE, StandardCharsets.UTF_8, false), null);
        assertEquals(1, lines.size());
        assertEquals(3, lines.get(0).line());
    }

    @Test
    void read_quotedValueOverTwoLines_isNumberedByItsFirstLine() throws IOException {
        String multi = "110105194912310029,王秀英,女,1949-12-31,13912345678,\"幸福路\n8号\",C001,C001-G01,";
        List<CsvLine> lines = read(bytes(HEADER + "\n" + multi + "\n" + LINE, StandardCharsets.UTF_8, false), null);
        assertEquals(2, lines.get(0).line());
        assertEquals("幸福路\n8号", lines.get(0).value(5));
        assertEquals(4, lines.get(1).line());
    }

    @Test
    void read_wrongColumnCount_isGivenAsItIs() throws IOException {
        List<CsvLine> lines = read(bytes(HEADER + "\na,b,c", StandardCharsets.UTF_8, false), null);
        assertEquals(3, lines.get(0).values().size());
    }

    @Test
    void open_wrongHeader_isRefusedOnLine1() {
        ImportFileException e = assertThrows(ImportFileException.class,
                () -> read(bytes("id,name\n" + LINE, StandardCharsets.UTF_8, false), null));
        assertEquals("import.header.wrong", e.key());
        assertEquals(1, e.line());
        assertEquals("file", e.problem().field());
    }

    @Test
    void open_headerInOtherOrder_isRefused() {
        String swapped = HEADER.replace("name,gender", "gender,name");
        assertThrows(ImportFileException.class, () -> read(bytes(swapped + "\n", StandardCharsets.UTF_8, false), null));
    }

    @Test
    void open_emptyFile_isRefused() {
        assertThrows(ImportFileException.class, () -> read(new byte[0], null));
    }

    @Test
    void read_gbkBytesInAFileReadAsUtf8_stopsInsteadOfGarbling() {
        byte[] utf8 = bytes(HEADER + "\n" + LINE + "\n", StandardCharsets.UTF_8, true);
        byte[] gbk = bytes(LINE + "\n", Charset.forName("GBK"), false);
        byte[] both = new byte[utf8.length + gbk.length];
        System.arraycopy(utf8, 0, both, 0, utf8.length);
        System.arraycopy(gbk, 0, both, utf8.length, gbk.length);
        ImportFileException e = assertThrows(ImportFileException.class, () -> read(both, null));
        assertEquals("import.file.encoding", e.key());
    }

    @Test
    void read_unclosedQuote_isAFileProblem() {
        ImportFileException e = assertThrows(ImportFileException.class,
                () -> read(bytes(HEADER + "\n" + LINE + "\n\"unclosed,a,b\n", StandardCharsets.UTF_8, false), null));
        assertEquals("import.file.unreadable", e.key());
    }

    @Test
    void skipTo_goesOnAfterTheCheckpoint(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("r.csv");
        Files.write(f, bytes(HEADER + "\n" + LINE + "\n" + LINE.replace("王秀英", "李四") + "\n", StandardCharsets.UTF_8, false));
        try (ImportFileReader r = ImportFileReader.open(f, ImportKind.RESIDENTS, null)) {
            r.skipTo(2);
            CsvLine next = r.next();
            assertEquals(3, next.line());
            assertEquals("李四", next.value(1));
            assertNull(r.next());
        }
    }

    @Test
    void countLines_countsTheLinesAsAnEditorNumbersThem(@TempDir Path dir) throws IOException {
        Path crlf = Files.writeString(dir.resolve("a.csv"), "h\r\n1\r\n\r\n\"x\ny\",2\r\n", StandardCharsets.UTF_8);
        assertEquals(5, ImportFileReader.countLines(crlf), "header, a line, a blank one, a value over two lines");
        Path open = Files.writeString(dir.resolve("b.csv"), "h\n1\n2", StandardCharsets.UTF_8);
        assertEquals(3, ImportFileReader.countLines(open), "a last line without its end counts");
        assertEquals(0, ImportFileReader.countLines(Files.write(dir.resolve("c.csv"), new byte[0])));
        Path gbk = Files.write(dir.resolve("d.csv"), "h\r\n王秀英\r\n".getBytes(Charset.forName("GBK")));
        assertEquals(2, ImportFileReader.countLines(gbk));
    }
}
