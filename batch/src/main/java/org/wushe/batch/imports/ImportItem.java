package org.wushe.batch.imports;

import java.nio.file.Path;
import java.util.function.Function;
import org.wushe.imports.domain.CsvLine;
import org.wushe.imports.domain.LineProblem;
import org.wushe.imports.domain.LineResult;

/** What flows through an import step: a line read, the line checked, and the end of a file. */
sealed interface ImportItem {

    /** A line of the file of run {@code runId}, with the checks of that file (which keep what they saw). */
    record Line(long runId, CsvLine line, Function<CsvLine, LineResult<?>> check) implements ImportItem {
    }

    /** A line after its checks: accepted with its row, or refused with its problems. */
    record Checked(long runId, LineResult<?> result) implements ImportItem {
    }

    /**
     * The end of a file: read to its end ({@code problem} null), or stopped by a problem of the file
     * itself (wrong header, encoding, a quote that never closes), which fails its run.
     */
    record End(long runId, Path file, Path report, String charset, LineProblem problem) implements ImportItem {
    }
}
