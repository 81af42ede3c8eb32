package org.wushe.it.support;

import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.wushe.fund.application.ProjectService;
import org.wushe.fund.application.ProjectViews.ProjectForm;
import org.wushe.fund.domain.Project;

/**
 * What the micro-fund tests share: stand-in receipt and photo files, a running project made
 * through its real lifecycle, and a year of the test clock's own for the city's category limits.
 */
@ApplicationScoped
public class FundFixtures {

    /** The smallest PNG header the file sniffing accepts, as a stand-in receipt scan or photo. */
    public static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};

    /** The smallest JPEG (JFIF) header the sniffing accepts. */
    public static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};

    @EJB
    ProjectService projects;

    /** The project designed by the social worker, submitted, approved by the Party secretary and started. */
    public Project running(String socialWorker, String secretary, ProjectForm form) {
        Project p = runAs(socialWorker, () -> projects.design(form));
        runAs(socialWorker, () -> projects.step(p.getId(), "submit", null));
        runAs(secretary, () -> projects.step(p.getId(), "approve", "符合需求清单"));
        runAs(socialWorker, () -> projects.step(p.getId(), "start", null));
        return p;
    }

    /**
     * Moves the test clock the given number of years ahead. The city's category limits are per
     * year; a test that runs in a year of its own is reached by no limit of the demo city or of
     * another test (each test class takes its own number of years).
     */
    public static void yearsAhead(int years) {
        TestClock.advance(Duration.ofDays(365L * years));
    }
}
