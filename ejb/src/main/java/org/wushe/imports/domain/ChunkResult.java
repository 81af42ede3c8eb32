package org.wushe.imports.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * What storing one chunk of lines did: lines read, rows stored new, rows changed, rows left as they
 * were, lines refused, and the problems of the refused lines (the validator's and the writer's).
 */
public record ChunkResult(long read, long inserted, long updated, long unchanged, long rejected,
                          List<LineProblem> problems) {

    public ChunkResult {
        problems = List.copyOf(problems);
    }

    public static final ChunkResult NONE = new ChunkResult(0, 0, 0, 0, 0, List.of());

    public ChunkResult plus(ChunkResult other) {
        List<LineProblem> all = new ArrayList<>(problems);
        all.addAll(other.problems);
        return new ChunkResult(read + other.read, inserted + other.inserted, updated + other.updated,
                unchanged + other.unchanged, rejected + other.rejected, all);
    }

    /** The same counts without the problems (for a summary that must not grow with the file). */
    public ChunkResult counts() {
        return new ChunkResult(read, inserted, updated, unchanged, rejected, List.of());
    }
}
