package org.wushe.imports.domain;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams the records of an import file one at a time, so memory stays the same whatever the
 * file's size: detects or takes the encoding, skips a BOM, reads CSV (RFC 4180, CRLF or LF, quoted
 * values) with Apache Commons CSV, checks the header row against the layout, skips blank lines
 * and gives each record with its line number.
 *
 * <p>Usage (a batch reader's {@code open}/{@code readItem}/{@code checkpointInfo}):
 * <pre>{@code
 * try (ImportFileReader r = ImportFileReader.open(path, ImportKind.RESIDENTS, null)) {
 *     r.skipTo(checkpoint);          // on restart: the line after which to go on
 *     CsvLine line;
 *     while ((line = r.next()) != null) { ... r.lastLine() is the checkpoint ... }
 * }
 * }</pre>
 * A record with the wrong number of values is given as it is; the validators refuse it.
 *
 * @throws ImportFileException (from {@code open} and {@code next}) on a wrong header row
 *         ({@code import.header.wrong}), bytes that are not text in the encoding
 *         ({@code import.file.encoding}) or a quote that never closes ({@code import.file.unreadable})
 */
public final class ImportFileReader implements Closeable, Iterable<CsvLine> {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(false).get();

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Charset charset;
    private final ImportKind kind;
    private long lastLine = 1;

    private ImportFileReader(CSVParser parser, Charset charset, ImportKind kind) {
        this.parser = parser;
        this.records = parser.iterator();
        this.charset = charset;
        this.kind = kind;
    }

    /**
     * Opens a file and checks its header row.
     *
     * @param charset the encoding, or null to detect it (see {@link Encodings#detect(byte[])})
     */
    public static ImportFileReader open(Path file, ImportKind kind, Charset charset) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            return open(in, kind, charset);
        } catch (RuntimeException | IOException e) {
            in.close();
            throw e;
        }
    }

    /** Opens a stream (which the reader then owns and closes); see {@link #open(Path, ImportKind, Charset)}. */
    public static ImportFileReader open(InputStream stream, ImportKind kind, Charset charset) throws IOException {
        InputStream in = stream.markSupported() ? stream : new BufferedInputStream(stream, 1 << 16);
        in.mark(Encodings.SAMPLE);
        byte[] start = in.readNBytes(Encodings.SAMPLE);
        in.reset();
        Charset cs = charset != null ? charset : Encodings.detect(start);
        if (Encodings.hasBom(start)) {
            in.skipNBytes(3);
        }
        BufferedReader text = new BufferedReader(new InputStreamReader(in, Encodings.strict(cs)), 1 << 16);
        ImportFileReader reader = new ImportFileReader(FORMAT.parse(text), cs, kind);
        reader.checkHeader();
        return reader;
    }

    private void checkHeader() {
        CsvLine header = read();
        List<String> expected = kind.header();
        if (header == null || header.line() != 1 || !matches(header.values(), expected)) {
            throw new ImportFileException(1, "import.header.wrong", "the header row must be " + expected,
                    String.join(",", expected));
        }
    }

    private static boolean matches(List<String> found, List<String> expected) {
        if (found.size() != expected.size()) {
            return false;
        }
        for (int i = 0; i < found.size(); i++) {
            String f = found.get(i).strip().replace("\uFEFF", "");
            if (!f.equalsIgnoreCase(expected.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The lines of a file as a text editor numbers them (the header included): its line ends, plus
     * one for a last line without one. A plain scan of the bytes (LF ends a line in UTF-8 and GBK
     * alike), so the console can show a run's progress against it; well under a second for a
     * million lines.
     */
    public static long countLines(Path file) throws IOException {
        long lines = 0;
        int last = '\n';
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                last = buffer[n - 1];
            }
        }
        return last == '\n' ? lines : lines + 1;
    }

    /** The next record that is not blank, or null at the end of the file. */
    public CsvLine next() {
        CsvLine line;
        do {
            line = read();
        } while (line != null && line.blank());
        return line;
    }

    /**
     * Skips the records up to and including line {@code line}, for a restart from a checkpoint
     * (the {@link #lastLine()} of the last committed record).
     */
    public void skipTo(long line) {
        while (lastLine < line && read() != null) {
            // skipping
        }
    }

    /** The line number of the record read last (1 right after opening: the header). */
    public long lastLine() {
        return lastLine;
    }

    /** The encoding the file is read in. */
    public Charset charset() {
        return charset;
    }

    private CsvLine read() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord r = records.next();
            long end = parser.getCurrentLineNumber();
            List<String> values = r.toList();
            // A quoted value may span lines; the record starts where its first value does.
            long inner = 0;
            for (String v : values) {
                if (v.indexOf('\n') >= 0) {
                    inner += v.chars().filter(c -> c == '\n').count();
                }
            }
            lastLine = end;
            return new CsvLine(end - inner, values);
        } catch (UncheckedIOException | IllegalStateException e) {
            long at = parser.getCurrentLineNumber() + 1;
            if (Encodings.isCodingError(e)) {
                throw new ImportFileException(at, "import.file.encoding",
                        "not " + Encodings.label(charset) + " text near line " + at, Encodings.label(charset));
            }
            throw new ImportFileException(at, "import.file.unreadable", "unreadable CSV near line " + at + ": "
                    + e.getMessage());
        }
    }

    @Override
    public Iterator<CsvLine> iterator() {
        return new Iterator<>() {
            private CsvLine ahead = ImportFileReader.this.next();

            @Override
            public boolean hasNext() {
                return ahead != null;
            }

            @Override
            public CsvLine next() {
                if (ahead == null) {
                    throw new NoSuchElementException();
                }
                CsvLine current = ahead;
                ahead = ImportFileReader.this.next();
                return current;
            }
        };
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
