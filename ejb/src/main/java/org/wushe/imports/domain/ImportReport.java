package org.wushe.imports.domain;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.wushe.shared.CsvCells;

/**
 * The report of an import's bad lines: a CSV file in UTF-8 with a byte order mark (so spreadsheet
 * programs open the Chinese text right), one row per problem:
 * {@code line,field,reason_key,reason_args,reason} — the line number in the imported file (1 is
 * the header row), the column, the message key, its arguments separated by {@code |}, and the text
 * in the chosen language.
 */
public final class ImportReport implements Closeable {

    public static final String[] HEADER = {"line", "field", "reason_key", "reason_args", "reason"};

    private final CSVPrinter csv;
    private final ReasonText text;
    private long rows;

    private ImportReport(OutputStream out, ReasonText text) throws IOException {
        out.write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        this.csv = CSVFormat.RFC4180.builder().setHeader(HEADER).get()
                .print(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)));
        this.text = text;
    }

    /** Creates (or replaces) the report file. */
    public static ImportReport create(Path file, ReasonText text) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            return new ImportReport(Files.newOutputStream(file), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes to a stream (a download), which the report closes. */
    public static ImportReport to(OutputStream out, ReasonText text) {
        try {
            return new ImportReport(out, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report's usual place: next to the input, {@code residents.csv} → {@code residents.csv.report.csv}. */
    public static Path besides(Path input) {
        return input.resolveSibling(input.getFileName() + ".report.csv");
    }

    public void add(LineProblem p) {
        try {
            csv.printRecord(CsvCells.row(p.line(), p.field(), p.key(), String.join("|", p.args()),
                    text.text(p.key(), p.args())));
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long rows() {
        return rows;
    }

    @Override
    public void close() {
        try {
            csv.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
