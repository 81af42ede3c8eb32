package org.wushe.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * WildFly reads {@code @Resource(lookup = "jdbc/wushe")} as the bean's own environment entry
 * (java:comp/env/jdbc/wushe); META-INF/jboss-ejb3.xml maps it to WildFly's data source for every
 * session bean that looks it up. A bean added without its mapping would not deploy on WildFly: this
 * test names it.
 */
class JbossDescriptorTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path DESCRIPTOR = Path.of("src/main/resources/META-INF/jboss-ejb3.xml");
    private static final Pattern SESSION = Pattern.compile("(?m)^@(Stateless|Singleton|Stateful)\\b");
    private static final Pattern MAPPED = Pattern.compile(
            "<session>\\s*<ejb-name>(\\w+)</ejb-name>\\s*<resource-ref>\\s*<res-ref-name>jdbc/wushe</res-ref-name>"
                    + "\\s*<res-type>javax\\.sql\\.DataSource</res-type>\\s*<lookup-name>java:/jdbc/wushe</lookup-name>");

    @Test
    void everySessionBeanThatLooksUpTheDataSourceIsMappedForWildFly() throws IOException {
        Set<String> needed = new TreeSet<>();
        Set<String> cdi = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String src = Files.readString(f, StandardCharsets.UTF_8);
                if (!src.contains("Resource(lookup = \"jdbc/wushe\")")) {
                    continue;
                }
                String name = f.getFileName().toString().replace(".java", "");
                (SESSION.matcher(src).find() ? needed : cdi).add(name);
            }
        }
        String xml = Files.readString(DESCRIPTOR, StandardCharsets.UTF_8);
        Set<String> mapped = new TreeSet<>();
        Matcher m = MAPPED.matcher(xml);
        while (m.find()) {
            mapped.add(m.group(1));
        }
        assertTrue(needed.size() > 10, "the source scan found the beans: " + needed);
        assertEquals(needed, mapped, "session beans looking up jdbc/wushe vs. their mappings in jboss-ejb3.xml");
        // The CDI beans (e.g. AuditChainWriter) resolve it in the module's environment, mapped once.
        if (!cdi.isEmpty()) {
            assertTrue(xml.contains("<res-ref-name>java:module/env/jdbc/wushe</res-ref-name>"),
                    "the module-wide mapping for the CDI beans " + cdi);
        }
    }
}
