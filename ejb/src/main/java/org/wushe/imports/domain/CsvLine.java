package org.wushe.imports.domain;

import java.util.List;

/** One record of an import file as read: its line number (1 is the header row) and its raw values. */
public record CsvLine(long line, List<String> values) {

    public CsvLine {
        values = List.copyOf(values);
    }

    /** The value of a column, trimmed; empty when blank or missing. */
    public String value(int column) {
        return column < values.size() ? values.get(column).strip() : "";
    }

    /** Whether every value is blank (a line of commas counts as blank). */
    public boolean blank() {
        for (String v : values) {
            if (!v.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
