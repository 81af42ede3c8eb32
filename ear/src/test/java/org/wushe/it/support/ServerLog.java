package org.wushe.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The test server's own log, read from inside the server: where a job's failure is told (the batch
 * runtime logs a step's exception and ends the execution FAILED, and the test sees only that). A
 * failed assertion on a job's end quotes {@link #problemsSince} so that the cause is in the test's
 * report, not only in a log the build does not keep.
 */
public final class ServerLog {

    private ServerLog() {
    }

    public static Path path() {
        return Path.of(System.getProperty("com.sun.aas.instanceRoot"), "logs", "server.log");
    }

    /** Where the log ends now (0 when there is none). */
    public static long length() {
        try {
            Path log = path();
            return Files.isRegularFile(log) ? Files.size(log) : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The log written since {@code offset} (all of it when the log rotated in between). */
    public static String since(long offset) throws IOException {
        byte[] all = Files.readAllBytes(path());
        int from = offset <= all.length ? (int) offset : 0;
        return new String(all, from, all.length - from, StandardCharsets.UTF_8);
    }

    /**
     * The lines since {@code offset} that tell of a problem (warnings, errors, exceptions, their
     * causes and the product's frames), at most {@code max} characters of the last of them.
     */
    public static String problemsSince(long offset, int max) {
        try {
            List<String> kept = new ArrayList<>();
            for (String line : since(offset).split("\\R")) {
                if (line.contains("WARNING") || line.contains("SEVERE") || line.contains("Exception")
                        || line.contains("Caused by") || line.contains("Error") || line.contains("at org.wushe.")) {
                    kept.add(line.length() > 400 ? line.substring(0, 400) + "…" : line);
                }
            }
            String text = String.join("\n", kept);
            return text.length() > max ? "…" + text.substring(text.length() - max) : text;
        } catch (IOException | RuntimeException e) {
            return "(the server log could not be read: " + e + ")";
        }
    }
}
