package org.wushe.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * After the test adapter starts the server and before the suite deploys (ServerLogExtension): the test server must write its own log, which several tests read (the
 * incident numbers of error pages, the batch runtime's errors). GlassFish 7.0.21 now and then starts
 * without its log handler (a start-up race between the JDK's log manager and its own): its
 * server.log then holds the launcher's lines and nothing else for the life of the process. The
 * server the test adapter started is then started again, as config/server.sh does for the servers
 * it starts (docs/operations.md).
 */
public final class ServerLogGuard {

    private static final Pattern SERVER_RECORD = Pattern.compile("^\\[[^\\]]*\\] \\[[^\\]]+\\] .*");
    private static final String LAUNCHER = "NCLS-GFLAUNCHER-00005";

    private ServerLogGuard() {
    }

    /**
     * Starts the test domain again (up to three times) while its log holds no record of the server's
     * own made at or after {@code startedFrom}, the moment the adapter began to start it. Only the
     * time counts, not the order of the lines: the launcher's record of a start can reach the file
     * after the start has returned, or after the server's first records.
     */
    public static void ensureTheServerWritesItsLog(java.time.Instant startedFrom) {
        Path home = Path.of(System.getProperty("glassfish.home", "target/glassfish7"));
        Path domains = home.resolve("glassfish").resolve("domains");
        Path log = domains.resolve("wushe-test").resolve("logs").resolve("server.log");
        String port = System.getProperty("wushe.test.adminPort", "28048");
        for (int attempt = 1; attempt <= 3; attempt++) {
            if (writes(log, startedFrom)) {
                System.err.println("[wushe] the test server writes its log (" + log + ")");
                return;
            }
            System.err.println("[wushe] the test server started without writing its log; starting it again ("
                    + attempt + " of 3)");
            Path asadmin = home.resolve("bin").resolve("asadmin");
            run(asadmin.toString(), "--interactive=false", "stop-domain", "--domaindir", domains.toString(), "wushe-test");
            run(asadmin.toString(), "--interactive=false", "start-domain", "--domaindir", domains.toString(), "wushe-test");
            waitForAdmin(asadmin.toString(), port);
        }
        if (!writes(log, startedFrom)) {
            throw new IllegalStateException("the test server writes nothing to " + log + " after three starts");
        }
    }

    /** Whether the server wrote a record of its own at or after {@code startedFrom} (15 s of grace). */
    static boolean writes(Path log, java.time.Instant startedFrom) {
        for (int i = 0; i < 15; i++) {
            if (writesNow(log, startedFrom)) {
                return true;
            }
            sleep(1_000);
        }
        return false;
    }

    static boolean writesNow(Path log, java.time.Instant startedFrom) {
        List<String> lines;
        try {
            lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return false;
        }
        int since = 0;
        for (String line : lines) {
            if (!line.contains(LAUNCHER) && SERVER_RECORD.matcher(line).matches() && !before(line, startedFrom)) {
                since++;
            }
        }
        return since > 0;
    }

    /** Whether the record's time (its first field, e.g. [2026-12-07T20:38:46.491075Z]) is before the instant. */
    static boolean before(String record, java.time.Instant instant) {
        int end = record.indexOf(']');
        try {
            return java.time.Instant.parse(record.substring(1, end)).isBefore(instant);
        } catch (RuntimeException notAnInstant) {
            return false;
        }
    }

    private static void waitForAdmin(String asadmin, String port) {
        for (int i = 0; i < 300; i++) {
            if (run(asadmin, "--interactive=false", "--port", port, "uptime") == 0) {
                return;
            }
            sleep(1_000);
        }
        throw new IllegalStateException("the test server did not answer on admin port " + port + " within 300 s");
    }

    private static int run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(600, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
