package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Properties;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.home.application.MyWork;
import org.wushe.home.application.WorkLine;
import org.wushe.it.support.Fixtures;
import org.wushe.it.support.Fixtures.Town;
import org.wushe.it.support.NotificationProbe;
import org.wushe.jobs.application.ExecutionView;
import org.wushe.jobs.application.JobAlerts;
import org.wushe.jobs.application.Jobs;
import org.wushe.notification.application.Notifications;
import org.wushe.notification.application.Notifications.NotificationView;
import org.wushe.security.domain.Role;
import org.wushe.shared.PageRequest;

/**
 * A job that ends FAILED notifies every enabled IT operator (kind JOB_FAILED, linking to the
 * execution on the console), in a transaction of its own that commits although the job failed;
 * nobody else is notified. The fault: an import job started on the batch runtime with a file
 * parameter that leads out of the inbox, which the job refuses before it reads anything.
 */
@ExtendWith(ArquillianExtension.class)
class JobFailureNotificationIT {

    @Inject
    Fixtures fixtures;

    @EJB
    Jobs console;

    @EJB
    Notifications notifications;

    @EJB
    NotificationProbe probe;

    @EJB
    MyWork myWork;

    @EJB
    org.wushe.it.support.InstallationProbe installation;

    private ExecutionView await(String operator, long id) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            ExecutionView e = runAs(operator, () -> console.execution(id));
            if (!e.running()) {
                return e;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(id + " did not end");
    }

    @Test
    void aFailedJobNotifiesEveryOperatorAndNobodyElse() throws Exception {
        Town town = fixtures.town("J");
        String operator = fixtures.operator(town, "operator");
        String second = fixtures.operator(town, "operator2");
        String cadre = fixtures.staff(town, "cadre", Role.COMMUNITY_CADRE, "J");
        long before = runAs(cadre, () -> notifications.unreadCount());
        long failedBefore = failedLine(operator);

        Properties p = new Properties();
        p.setProperty("file", "../../etc/passwd");
        long id = BatchRuntime.getJobOperator().start("residents-import", p);
        ExecutionView failed = await(operator, id);
        assertEquals("FAILED", failed.status(), () -> "ended " + failed);

        // The listener runs as the job ends; its own transaction has committed by the time the status is read.
        List<String> recipients = awaitRecipients(id);
        assertTrue(recipients.contains(operator + ":JOB_FAILED"), () -> "the operator: " + recipients);
        assertTrue(recipients.contains(second + ":JOB_FAILED"), () -> "every operator: " + recipients);
        assertFalse(recipients.stream().anyMatch(r -> r.startsWith(cadre + ":")), () -> "not the cadre: " + recipients);
        assertTrue(recipients.stream().allMatch(r -> r.endsWith(":JOB_FAILED")), () -> "one kind: " + recipients);
        assertEquals(before, runAs(cadre, () -> notifications.unreadCount()), "nothing new for a non-operator");

        NotificationView n = runAs(operator, () -> notifications.mine(true, PageRequest.of(0, 50))).items().stream()
                .filter(v -> v.recordId() == id && v.kind().equals("JOB_FAILED")).findFirst()
                .orElseThrow(() -> new AssertionError("the operator's own list holds it"));
        assertEquals("notification.kind.JOB_FAILED", n.messageKey());
        assertEquals(List.of("residents-import", String.valueOf(id), "FAILED"), n.arguments());
        assertEquals(JobAlerts.link(id), n.link());
        assertEquals("/operator/jobs.xhtml?execution=" + id, n.link(), "the run on the console");
        assertEquals(failedBefore + 1, failedLine(operator), "one more failed run on the operator's home page");
        assertEquals(List.of(), runAs(cadre, () -> myWork.lines()).stream().filter(l -> l.kind().equals("jobsFailed"))
                .toList(), "not on a cadre's");
    }

    private long failedLine(String operator) {
        return runAs(operator, () -> myWork.lines()).stream().filter(l -> l.kind().equals("jobsFailed"))
                .mapToLong(WorkLine::count).sum();
    }

    @Test
    void aCompletedJobNotifiesNobody_andItsHistoryIsInTheApplicationsDatabase() throws Exception {
        Town town = fixtures.town("K");
        String operator = fixtures.operator(town, "operator");
        long id = runAs(operator, () -> console.start("inbox-purge", java.util.Map.of()));
        assertEquals("COMPLETED", await(operator, id).status());
        assertEquals(List.of(), probe.recipients("jobExecution", id));
        // On Derby the job repository is the application's own database (config/server.sh,
        // use_app_job_repository); GlassFish's batch runtime cannot hold it on PostgreSQL.
        if (installation.databaseProduct().contains("Derby")) {
            assertEquals("COMPLETED", installation.repositoryStatus(id), "the execution, read through jdbc/wushe");
        }
    }

    private List<String> awaitRecipients(long id) throws InterruptedException {
        List<String> found = probe.recipients("jobExecution", id);
        for (int i = 0; i < 100 && found.isEmpty(); i++) {
            Thread.sleep(100);
            found = probe.recipients("jobExecution", id);
        }
        return found;
    }
}
