package org.wushe.batch.support;

/** Reads the jobs' numeric properties, refusing what makes no sense with the property's name. */
public final class JobProperties {

    private JobProperties() {
    }

    public static int positive(String name, String value) {
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
