package org.wushe.batch.imports;

import java.io.Serializable;
import java.util.List;

/**
 * The checkpoint of a partition of an import step: the files of the execution and their runs
 * (planned when it first began, so a restart reads the same list), the one being read, its run and
 * the last line of the last committed chunk (the line as a text editor numbers it; 0 before the
 * first chunk). {@code runs} is empty in a checkpoint written before partitioned imports.
 */
record ImportPosition(List<String> files, int index, long runId, long line, List<Long> runs) implements Serializable {

    private static final long serialVersionUID = 1L;

    ImportPosition {
        files = List.copyOf(files);
        runs = runs == null ? List.of() : List.copyOf(runs);
    }
}
