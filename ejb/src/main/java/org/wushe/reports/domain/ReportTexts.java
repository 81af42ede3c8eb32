package org.wushe.reports.domain;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The texts of the monthly reports, from their own bundle {@code org/wushe/reports/report.properties}
 * (Chinese, the language the bureau reads them in), so no report text is written in Java.
 */
public final class ReportTexts {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("org.wushe.reports.report", Locale.ROOT,
            ReportTexts.class.getClassLoader());

    private ReportTexts() {
    }

    /**
     * The text of {@code key} with {@code {0}}, {@code {1}}… filled in by the arguments as plain
     * text (a number is never grouped: 2026 stays 2026).
     */
    public static String text(String key, Object... args) {
        String pattern = BUNDLE.getString(key);
        if (args.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, Locale.ROOT).format(Arrays.stream(args).map(String::valueOf).toArray());
    }

    /** A list of texts (the header of a table), separated by "|" in the bundle. */
    public static List<String> list(String key) {
        return List.of(BUNDLE.getString(key).split("\\|"));
    }
}
