package org.wushe.it;

import org.eu.ingwar.tools.arquillian.extension.suite.annotations.ArquillianSuiteDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/**
 * The deployment of the whole suite, made once before the first IT class and removed after the
 * last (named in arquillian.xml, extension "suite"); the IT classes declare none of their own.
 * Arquillian builds it before it starts the server: checks of the started server belong in
 * support.ServerLogExtension.
 */
@ArquillianSuiteDeployment
public final class SuiteDeployment {

    private SuiteDeployment() {
    }

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.suite();
    }
}
