package org.wushe.it;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.wushe.it.support.FailingEndpoints;
import org.wushe.it.support.Fixtures;

/**
 * The archives the integration tests deploy: always the EAR the build just made (so the tests see
 * the real application), plus, for service tests, the test support (caller,
 * clock, fixtures) and the test classes inside the web module.
 *
 * <p>The suite deploys one archive for every IT class, {@link #suite()} (see {@link SuiteDeployment}):
 * deploying the EAR takes 8 to 10 s, which per class was half the suite's time. A test therefore
 * leaves the application as it found it (the clock, settings it changed); the data it made stays,
 * as it always did, under names of its own.
 */
public final class Deployments {

    private static final String RUNNER_OPEN = """
            <web-fragment xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
              <name>wushe_test_runner_open</name>
              <security-constraint>
                <web-resource-collection>
                  <web-resource-name>arquillian</web-resource-name>
                  <url-pattern>/ArquillianServletRunnerEE9</url-pattern>
                </web-resource-collection>
              </security-constraint>
            </web-fragment>
            """;

    private Deployments() {
    }

    /** The application exactly as built. */
    static EnterpriseArchive application() {
        String path = System.getProperty("wushe.ear", "target/wushe.ear");
        File ear = new File(path);
        if (!ear.isFile()) {
            throw new IllegalStateException("No EAR at " + ear.getAbsolutePath() + ": run the package phase first");
        }
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
    }

    /** The application with the test support and the given test classes. */
    static EnterpriseArchive withTests(Class<?>... testClasses) {
        EnterpriseArchive ear = application();
        // The support classes use the services, so they go into the EJB module itself (a library
        // of the EAR cannot see the module's classes).
        ear.getAsType(JavaArchive.class, "wushe-ejb.jar").addPackage(Fixtures.class.getPackage());
        WebArchive war = ear.getAsType(WebArchive.class, "wushe-web.war");
        war.addClasses(testClasses);
        // The application requires sign-in everywhere; the test runner servlet must stay reachable.
        war.addAsLibrary(ShrinkWrap.create(JavaArchive.class, "wushe-test-runner-open.jar")
                .addAsManifestResource(new StringAsset(RUNNER_OPEN), "web-fragment.xml"));
        return ear;
    }

    /**
     * The one archive of the suite: the application, the test support, {@link AccountSetup} for the
     * client-side tests, the pages that fail on purpose ({@link FailingEndpoints}), and every
     * in-container IT class of this package (the classes that do not run as a client).
     */
    public static EnterpriseArchive suite() {
        List<Class<?>> inContainer = itClasses().stream()
                .filter(c -> !c.isAnnotationPresent(RunAsClient.class))
                .toList();
        EnterpriseArchive ear = withTests(inContainer.toArray(Class<?>[]::new));
        ear.getAsType(WebArchive.class, "wushe-web.war")
                .addClasses(AccountSetup.class, CrowdedCitySetup.class, TestHttp.class)
                .addClasses(FailingEndpoints.class, FailingEndpoints.FailingPage.class,
                        FailingEndpoints.FailingResource.class);
        return ear;
    }

    /** The top-level classes of this package whose names end in IT, from the compiled tests. */
    static List<Class<?>> itClasses() {
        Path dir;
        try {
            dir = Path.of(Deployments.class.getResource("Deployments.class").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        String pkg = Deployments.class.getPackageName();
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith("IT.class"))
                    .<Class<?>>map(n -> load(pkg + "." + n.substring(0, n.length() - ".class".length())))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list the compiled tests in " + dir, e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, Deployments.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
