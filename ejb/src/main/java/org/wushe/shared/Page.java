package org.wushe.shared;

import java.util.List;
import java.util.function.Function;

/** One slice of a list and the total number of rows the filter matches. */
public record Page<T>(List<T> items, long total, int first, int size) {
    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), total, first, size);
    }
}
