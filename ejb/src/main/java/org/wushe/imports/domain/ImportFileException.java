package org.wushe.imports.domain;

import org.wushe.shared.WusheException;

/**
 * A file that cannot be read as a whole (wrong header row, bytes that are not text in its
 * encoding, an unclosed quote): the import stops and reports it against the line where it
 * happened; the lines stored before it stay stored.
 */
public class ImportFileException extends WusheException {

    private final long line;

    public ImportFileException(long line, String key, String message, Object... args) {
        super(key, message, args);
        this.line = line;
    }

    /** The line of the file where reading failed (1 is the header row). */
    public long line() {
        return line;
    }

    /** The problem as a report line. */
    public LineProblem problem() {
        return new LineProblem(line, "file", key(), args().stream().map(String::valueOf).toList());
    }

    @Override
    public int httpStatus() {
        return 400;
    }
}
