package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.audit.application.AuditLog;
import org.wushe.audit.application.AuditQuery;
import org.wushe.audit.domain.AuditAction;
import org.wushe.audit.domain.AuditEntry;
import org.wushe.it.support.Fixtures;
import org.wushe.it.support.Fixtures.Town;
import org.wushe.jobs.application.ExecutionView;
import org.wushe.jobs.application.Jobs;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.PageRequest;
import org.wushe.shared.ValidationException;

/**
 * What the application's own timers start (the nightly run, the demo city's first reports) goes
 * through the console's bean with no one signed in: the execution is on the operator's console like
 * one the operator started (servers that show an execution only to the bean that started it would
 * otherwise hide the whole night), its start is in the audit log under the timer's name, and a name
 * that is no job is refused.
 */
@ExtendWith(ArquillianExtension.class)
class UnattendedJobsIT {

    private static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED");

    @Inject
    Fixtures fixtures;

    @EJB
    Jobs console;

    @EJB
    AuditLog audit;

    @Test
    void aJobStartedByTheInstallation_isOnTheConsole_andAudited() throws Exception {
        Town town = fixtures.town("U");
        String operator = fixtures.operator(town, "operator");
        String by = "nightly run (" + town.prefix() + ")";
        long id = console.startUnattended("inbox-purge", Map.of(), by);
        String status = console.batchStatus(id);
        for (int i = 0; i < 1200 && !ENDED.contains(status); i++) {
            Thread.sleep(100);
            status = console.batchStatus(id);
        }
        assertEquals("COMPLETED", status);

        List<ExecutionView> recent = runAs(operator, () -> console.recent(200));
        assertTrue(recent.stream().anyMatch(e -> e.id() == id && e.job().equals("inbox-purge")),
                () -> "execution " + id + " on the console: " + recent.stream().map(ExecutionView::id).toList());
        ExecutionView one = runAs(operator, () -> console.execution(id));
        assertEquals("COMPLETED", one.status());

        List<AuditEntry> entries = runAs(Fixtures.AUDITOR, () -> audit.search(new AuditQuery(by, AuditAction.JOB_OPERATED,
                "job_execution", id, null, null), PageRequest.of(0, 10))).items();
        assertEquals(1, entries.size(), () -> "one audit entry of " + by + ": " + entries);
        assertTrue(entries.get(0).getDetail().startsWith("started inbox-purge"), entries.get(0).getDetail());
    }

    @Test
    void aNameThatIsNoJob_isRefused_andAnUnknownExecutionIsNotFound() {
        ValidationException refused = assertThrows(ValidationException.class,
                () -> console.startUnattended("no-such-job", Map.of(), "nightly run (test)"));
        assertEquals(List.of(new ValidationException.FieldError("job", "job.unknown", "no-such-job")), refused.errors());
        assertThrows(NotFoundException.class, () -> console.batchStatus(-1));
    }
}
