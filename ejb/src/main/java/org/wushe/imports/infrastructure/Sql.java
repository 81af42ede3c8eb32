package org.wushe.imports.infrastructure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Small JDBC helpers of the import tables. */
final class Sql {

    /** How many values one {@code IN (...)} gets. */
    static final int IN_LIMIT = 500;

    private Sql() {
    }

    /**
     * Tells Derby which unique constraint to look rows up by, in a comment other databases ignore.
     * Derby plans a statement once with the statistics of the moment: prepared while a table is
     * still empty, a lookup by a list of keys becomes a full scan and stays one while the import fills
     * the table (100,000 residents: 290 lines/s instead of thousands). PostgreSQL plans by itself.
     */
    static String derbyUses(String constraint) {
        return " --DERBY-PROPERTIES constraint=" + constraint + "\n";
    }

    static String marks(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }

    static <T> List<List<T>> parts(List<T> all) {
        List<List<T>> parts = new ArrayList<>();
        for (int from = 0; from < all.size(); from += IN_LIMIT) {
            parts.add(all.subList(from, Math.min(all.size(), from + IN_LIMIT)));
        }
        return parts;
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
