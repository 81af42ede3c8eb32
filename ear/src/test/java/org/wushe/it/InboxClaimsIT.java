package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.imports.application.ImportRunView;
import org.wushe.imports.application.ImportRuns;
import org.wushe.imports.application.InboxClaims;
import org.wushe.it.support.Fixtures;
import org.wushe.it.support.Fixtures.Town;
import org.wushe.it.support.TestClock;
import org.wushe.jobs.application.ExecutionView;
import org.wushe.jobs.application.Jobs;
import org.wushe.shared.Installation;

/**
 * A file of the import inbox is imported by one job instance at a time, whichever node runs it
 * ({@link InboxClaims}): another instance finding the file leaves it alone, and a claim left by a
 * node that died is taken over once it is older than the setting.
 */
@ExtendWith(ArquillianExtension.class)
class InboxClaimsIT {

    @EJB
    InboxClaims claims;

    @Inject
    Fixtures fixtures;

    @EJB
    Jobs console;

    @EJB
    ImportRuns runs;

    @Test
    void oneInstanceHoldsAFile_aRestartKeepsIt_andAClaimLeftByADeadNodeIsTakenOverLater() {
        String name = "residents-claim-" + System.nanoTime() + ".csv";
        try {
            assertTrue(claims.claim(name, "node-a", 1001), "the first instance claims it");
            assertFalse(claims.claim(name, "node-b", 2002), "another instance, on another node, does not");
            assertEquals("node-a", claims.holder(name));
            assertTrue(claims.claim(name, "node-a2", 1001), "a restart of the same instance keeps it");
            TestClock.advance(Duration.ofHours(5));
            assertFalse(claims.claim(name, "node-b", 2002), "five hours on, the holder may still be importing");
            TestClock.advance(Duration.ofHours(2));
            assertTrue(claims.claim(name, "node-b", 2002), "past wushe.inbox.claimHours (6): taken over");
            assertEquals("node-b", claims.holder(name));
            claims.release(name);
            assertTrue(claims.claim(name, "node-c", 3003), "ended: free for the next file of that name");
        } finally {
            TestClock.reset();
            claims.release(name);
        }
    }

    @Test
    void aFileHeldByAnotherRunIsLeftToIt_andImportedOnceItIsFree() throws Exception {
        Town town = fixtures.town("Q");
        String operator = fixtures.operator(town, "operator");
        Path inbox = Installation.inbox();
        String name = "residents-" + town.prefix().toLowerCase() + "-held.csv";
        String csv = "id_number,name,gender,birth_date,phone,address,community_code,grid_code,tags\r\n";
        Files.writeString(inbox.resolve(name), csv, StandardCharsets.UTF_8);
        try {
            // Another node's run holds the file: this node's inbox import leaves it where it is.
            assertTrue(claims.claim(name, "other-node", -7));
            assertEquals("COMPLETED", run(operator, Map.of()).status());
            assertTrue(Files.exists(inbox.resolve(name)), "left in the inbox for its holder");
            assertTrue(runsOf(operator, name).isEmpty(), "no run of it here");

            // Named by the parameter, the job fails with the holder's name rather than import it twice.
            ExecutionView named = run(operator, Map.of("file", name));
            assertEquals("FAILED", named.status(), () -> "ended " + named);
            assertTrue(runsOf(operator, name).isEmpty());

            claims.release(name);
            assertEquals("COMPLETED", run(operator, Map.of()).status());
            assertFalse(Files.exists(inbox.resolve(name)), "imported and moved to done/ once free");
            assertEquals(1, runsOf(operator, name).size(), "one run of it");
            assertEquals(null, claims.holder(name), "the claim ended with the run");
        } finally {
            claims.release(name);
            Files.deleteIfExists(inbox.resolve(name));
        }
    }

    private List<ImportRunView> runsOf(String operator, String fileName) {
        return runAs(operator, () -> runs.recent(200)).stream().filter(r -> r.fileName().equals(fileName)).toList();
    }

    private ExecutionView run(String operator, Map<String, String> params) throws InterruptedException {
        long id = runAs(operator, () -> console.start("residents-import", params));
        for (int i = 0; i < 1200; i++) {
            ExecutionView e = runAs(operator, () -> console.execution(id));
            if (!e.running()) {
                return e;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("residents-import did not end");
    }
}
