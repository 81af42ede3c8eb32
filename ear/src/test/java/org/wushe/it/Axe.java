package org.wushe.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (the WebJar on the test classpath) run on the page a browser shows, with the WCAG 2.0
 * and 2.1 A and AA rules. The script is given to the page through the driver, which the page's
 * Content Security Policy does not govern.
 */
final class Axe {

    private static final String SOURCE = read();

    private static final String RUN = "var done = arguments[arguments.length - 1];"
            + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},"
            + " resultTypes: ['violations']})"
            + ".then(function (r) { done(r.violations.map(function (v) { return {id: v.id, impact: v.impact,"
            + " help: v.help, nodes: v.nodes.slice(0, 5).map(function (n) { return n.target.join(' ') + ': '"
            + " + (n.failureSummary || '').replace(/\\s+/g, ' '); })}; })); })"
            + ".catch(function (e) { done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]); });";

    private Axe() {
    }

    /**
     * The violations of impact serious or critical on the page shown, one line each, labelled with
     * where they were found; empty when there is none.
     */
    @SuppressWarnings("unchecked")
    static List<String> serious(WebDriver driver, String where) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
            js.executeScript(SOURCE);
        }
        List<Map<String, Object>> violations = (List<Map<String, Object>>) js.executeAsyncScript(RUN);
        List<String> found = new ArrayList<>();
        for (Map<String, Object> v : violations) {
            Object impact = v.get("impact");
            if ("serious".equals(impact) || "critical".equals(impact)) {
                found.add(where + ": " + impact + " " + v.get("id") + " (" + v.get("help") + ") " + v.get("nodes"));
            }
        }
        return found;
    }

    private static String read() {
        String path = "META-INF/resources/webjars/axe-core/" + version() + "/axe.min.js";
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("axe-core is not on the test classpath: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The WebJar's version, read from its Maven properties. */
    private static String version() {
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(
                "META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("axe-core is not on the test classpath", e);
        }
    }
}
