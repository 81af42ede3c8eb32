package org.wushe.imports.domain;

import java.util.List;
import org.wushe.shared.ValidationException;

/**
 * Why one line (or one field of it) was refused: the line number in the file (1 is the header
 * row), the column name ({@code line} for the line as a whole, {@code file} for the file), the
 * message key ({@code import.*}, {@code resident.*}, ...) and its arguments as text.
 */
public record LineProblem(long line, String field, String key, List<String> args) {

    public LineProblem {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public LineProblem(long line, String field, String key, Object... args) {
        this(line, field, key, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }

    /** A field error of the domain's rules, named by the file's column instead of the form's field. */
    static LineProblem of(long line, ValidationException.FieldError e, java.util.function.UnaryOperator<String> column) {
        return new LineProblem(line, column.apply(e.field()), e.key(), e.args().stream().map(String::valueOf).toList());
    }
}
