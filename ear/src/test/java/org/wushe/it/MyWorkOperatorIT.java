package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.home.application.MyWork;
import org.wushe.home.application.WorkLine;
import org.wushe.imports.domain.Inbox;
import org.wushe.it.support.Fixtures;
import org.wushe.it.support.Fixtures.Town;
import org.wushe.jobs.application.ExecutionView;
import org.wushe.jobs.application.Jobs;
import org.wushe.shared.Installation;

/**
 * The operator's "my work": import runs of the last week that refused lines. The count is
 * city-wide (other tests import too), so the test counts the run it makes: one more after an import
 * with a refused line, none more after a clean one; staff have no such line.
 */
@ExtendWith(ArquillianExtension.class)
class MyWorkOperatorIT {

    @Inject
    Fixtures fixtures;

    @EJB
    Jobs console;

    @EJB
    MyWork myWork;

    private long refusedRuns(String user) {
        List<WorkLine> lines = runAs(user, () -> myWork.lines());
        return lines.stream().filter(l -> l.kind().equals("importsRefused")).mapToLong(WorkLine::count).sum();
    }

    private void importFile(String operator, String name, String csv) throws Exception {
        java.nio.file.Path uploads = Files.createDirectories(Installation.inbox().resolve(Inbox.UPLOADS));
        Files.write(uploads.resolve(name), csv.getBytes(StandardCharsets.UTF_8));
        long id = runAs(operator, () -> console.start("grids-import", Map.of("file", Inbox.UPLOADS + "/" + name,
                "encoding", "UTF-8")));
        for (int i = 0; i < 1200; i++) {
            ExecutionView e = runAs(operator, () -> console.execution(id));
            if (!e.running()) {
                assertEquals("COMPLETED", e.status(), () -> "ended " + e);
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(name + " did not end");
    }

    @Test
    void anImportWithRefusedLines_isOneMoreLine_aCleanOneIsNot() throws Exception {
        Town town = fixtures.town("A");
        String operator = fixtures.operator(town, "operator");
        String cadre = fixtures.staff(town, "cadre", org.wushe.security.domain.Role.COMMUNITY_CADRE, "A");
        long before = refusedRuns(operator);
        String a = town.community("A");
        String header = "community_code,grid_code,name\r\n";
        importFile(operator, "grids-bad-" + town.prefix().toLowerCase() + ".csv", header
                + a + "," + a + "-G07,七网格\r\n"
                + "Z999,Z999-G01,坏行\r\n");
        assertEquals(before + 1, refusedRuns(operator));
        importFile(operator, "grids-good-" + town.prefix().toLowerCase() + ".csv", header
                + a + "," + a + "-G08,八网格\r\n");
        assertEquals(before + 1, refusedRuns(operator));
        assertTrue(runAs(cadre, () -> myWork.lines()).stream().noneMatch(l -> l.kind().equals("importsRefused")));
    }
}
