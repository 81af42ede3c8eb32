package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.it.support.InstallationProbe;
import org.wushe.jobs.application.NightlyLease;

/**
 * With several nodes on one database, a night's jobs start on one node only: the node whose claim
 * of the night commits first ({@link NightlyLease}). The nights used here lie far ahead; the lease
 * is put back as found.
 */
@ExtendWith(ArquillianExtension.class)
class NightlyLeaseIT {

    @EJB
    NightlyLease lease;

    @EJB
    InstallationProbe installation;

    @Test
    void aNightIsClaimedOnce_theNextNightIsFreeAgain_andAnEarlierNightCannotBeTakenBack() {
        var found = lease.holder();
        LocalDate night = LocalDate.of(2199, 1, 1);
        try {
            assertTrue(lease.claim(night, "node-a"), "the first claim of a night wins");
            assertFalse(lease.claim(night, "node-b"), "a second node does not run the same night");
            assertFalse(lease.claim(night, "node-a"), "nor does the same node twice");
            assertEquals("node-a", lease.holder().orElseThrow().node());
            assertEquals(night, lease.holder().orElseThrow().night());
            // node-a died during its night: the next night goes to whichever node comes first.
            assertTrue(lease.claim(night.plusDays(1), "node-b"));
            assertEquals("node-b", lease.holder().orElseThrow().node());
            assertFalse(lease.claim(night, "node-a"), "a night before the one claimed last is not run late");
        } finally {
            installation.resetNightlyLease(found.map(NightlyLease.Holder::night).orElse(null),
                    found.map(NightlyLease.Holder::node).orElse(null));
        }
    }

    @Test
    void twoNodesClaimingAtTheSameMoment_exactlyOneWinsEachNight() throws Exception {
        var found = lease.holder();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int n = 0; n < 5; n++) {
                LocalDate night = LocalDate.of(2199, 2, 1).plusDays(n);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> claims = new ArrayList<>();
                for (String node : List.of("node-a", "node-b")) {
                    Callable<Boolean> claim = () -> {
                        go.await();
                        return lease.claim(night, node);
                    };
                    claims.add(pool.submit(claim));
                }
                go.countDown();
                int won = 0;
                for (Future<Boolean> f : claims) {
                    won += f.get() ? 1 : 0;
                }
                assertEquals(1, won, "one winner for " + night);
            }
        } finally {
            pool.shutdownNow();
            installation.resetNightlyLease(found.map(NightlyLease.Holder::night).orElse(null),
                    found.map(NightlyLease.Holder::node).orElse(null));
        }
    }
}
