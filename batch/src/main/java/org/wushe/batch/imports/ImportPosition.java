package org.wushe.batch.imports;

import java.io.Serializable;
import java.util.List;

/**
 * The checkpoint of an import step: the files of the execution (fixed when it first began, so a
 * restart reads the same list), the one being read, its run (0 before it began) and the last line
 * of the last committed chunk (the line as a text editor numbers it; 0 before the first chunk).
 */
record ImportPosition(List<String> files, int index, long runId, long line) implements Serializable {

    private static final long serialVersionUID = 1L;

    ImportPosition {
        files = List.copyOf(files);
    }
}
