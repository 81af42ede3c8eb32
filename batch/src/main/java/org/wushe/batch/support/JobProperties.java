package org.wushe.batch.settle;

/** Reads the jobs' numeric properties, refusing what makes no sense with the property's name. */
final class Settings {

    private Settings() {
    }

    static int positive(String name, String value) {
        try {
            int n = Integer.parseInt(value == null ? "" : value.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("job property " + name + " must be a whole number above 0, not '" + value + "'");
    }
}
