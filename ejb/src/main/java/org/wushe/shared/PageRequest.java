package org.wushe.shared;

/**
 * Which slice of a list to read. Sizes are capped so no caller can ask for a city's worth of
 * residents in one go.
 */
public record PageRequest(int first, int size) {
    public static final int MAX_SIZE = 200;

    public PageRequest {
        if (first < 0) {
            throw ValidationException.of("first", "error.page.first");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ValidationException.of("size", "error.page.size", MAX_SIZE);
        }
    }

    public static PageRequest of(int first, int size) {
        return new PageRequest(first, size);
    }
}
