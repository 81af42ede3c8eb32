package org.wushe.imports.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The reasons of the import reports are found in the services module itself, whatever the thread's
 * context class loader sees (a batch job's thread does not see the web module).
 */
class ReasonTextTest {

    @Test
    void theBureausTextsAreFoundWithAContextClassLoaderThatSeesNothing() {
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            t.setContextClassLoader(empty);
            assertEquals("本行应有 9 列，实际有 3 列。", ReasonText.bureau().text("import.line.columns", List.of("9", "3")));
            assertEquals("This line should have 9 columns but has 3.",
                    ReasonText.bundle(Locale.ENGLISH).text("import.line.columns", List.of("9", "3")));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        } finally {
            t.setContextClassLoader(before);
        }
    }

    @Test
    void anUnknownKeyStillReadsAsTheKeyAndItsArguments() {
        assertEquals("import.no.such [1]", ReasonText.bureau().text("import.no.such", List.of("1")));
    }
}
