package org.wushe.batch.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Only the console's bean talks to the batch runtime's job operator. Payara shows an execution only
 * to the bean that started it: a job started from any other bean (the nightly timer did) is missing
 * from the operator's console, and that bean cannot read its status back. The application's own
 * timers start jobs through {@code Jobs.startUnattended}. Read from the main sources of the modules
 * that hold application code.
 */
class OneJobOperatorTest {

    private static final List<String> MODULES = List.of("ejb", "batch", "web");

    @Test
    void theJobOperatorIsUsedByTheConsoleAlone() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<Path> sources = MODULES.stream().map(m -> root.resolve(m).resolve("src/main/java")).toList();
        sources.forEach(s -> assertTrue(Files.isDirectory(s), () -> "no sources at " + s));
        List<String> users;
        try (Stream<Path> all = sources.stream().flatMap(OneJobOperatorTest::javaFiles)) {
            users = all.filter(OneJobOperatorTest::usesOperator).map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(List.of("JobConsole.java"), users, "classes that call BatchRuntime.getJobOperator()");
    }

    private static Stream<Path> javaFiles(Path dir) {
        try {
            return Files.walk(dir).filter(p -> p.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean usesOperator(Path file) {
        try {
            return Files.readString(file).contains("BatchRuntime.getJobOperator()");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
