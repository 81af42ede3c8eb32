package org.wushe.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.wushe.it.support.Fixtures;

/**
 * The archives the integration tests deploy: always the EAR the build just made (so the tests see
 * the real application), plus, for service tests, the test support (caller,
 * clock, fixtures) and the test classes inside the web module.
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

    /** The application exactly as built; for tests that act as a client (REST, browser). */
    public static EnterpriseArchive application() {
        String path = System.getProperty("wushe.ear", "target/wushe.ear");
        File ear = new File(path);
        if (!ear.isFile()) {
            throw new IllegalStateException("No EAR at " + ear.getAbsolutePath() + ": run the package phase first");
        }
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
    }

    /**
     * The application as built plus {@link AccountSetup}, through which a client-side test
     * has a staff account open a resident's self-service account (the product has no screen for
     * it yet); every caller is real, as in {@link #application()}.
     */
    public static EnterpriseArchive withAccountSetup() {
        EnterpriseArchive ear = application();
        ear.getAsType(WebArchive.class, "wushe-web.war").addClass(AccountSetup.class);
        return ear;
    }

    /** The application with the test support and the given test classes, for in-container service tests. */
    public static EnterpriseArchive withTests(Class<?>... testClasses) {
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
}
