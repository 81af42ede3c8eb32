package org.wushe.imports.domain;

import java.util.List;

/** The outcome of checking one line: a row ready to store, or the reasons it was refused. */
public sealed interface LineResult<T> {

    long line();

    /** A good line and what it says, checked. */
    record Accepted<T>(long line, T row) implements LineResult<T> {
    }

    /** A bad line with at least one problem. */
    record Rejected<T>(long line, List<LineProblem> problems) implements LineResult<T> {
        public Rejected {
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("a refused line needs a reason");
            }
            problems = List.copyOf(problems);
        }
    }
}
