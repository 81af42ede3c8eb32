package org.wushe.security.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wushe.security.domain.Ids.withId;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wushe.community.domain.Community;
import org.wushe.community.domain.SubDistrict;
import org.wushe.shared.ValidationException;

/** Who may supervise whom, and what a change of role or scope does to supervision. */
class SupervisionTest {

    private static final Instant NOW = Instant.parse("2026-12-06T02:00:00Z");

    private final SubDistrict east = withId(new SubDistrict("SD01", "东湖街道"), 1L);
    private final SubDistrict west = withId(new SubDistrict("SD02", "西山街道"), 2L);
    private final Community taoyuan = withId(new Community("C001", "桃园社区", east), 11L);
    private final Community qingshan = withId(new Community("C003", "青山社区", west), 13L);

    private Account social(String name, Community c, long id) {
        return withId(Account.inCommunity(name, "h", name, Role.SOCIAL_WORKER, c, NOW), id);
    }

    private static String key(Runnable r) {
        return assertThrows(ValidationException.class, r::run).errors().get(0).key();
    }

    @Test
    void anUnmarkedSocialWorker_supervisesNobody_aMarkedOneOnlyWithinItsSubDistricts() {
        Account supervisor = social("sup", taoyuan, 1);
        Account near = social("near", taoyuan, 2);
        Account far = social("far", qingshan, 3);
        assertFalse(supervisor.supervises(near));
        assertEquals("account.supervisor.notSupervising", key(() -> near.assignSupervisor(supervisor)));
        supervisor.markSupervising(Set.of(east));
        assertTrue(supervisor.supervises(near));
        assertFalse(supervisor.supervises(far));
        assertEquals("account.supervisor.outOfScope", key(() -> far.assignSupervisor(supervisor)));
        assertEquals("account.supervisor.self", key(() -> supervisor.assignSupervisor(supervisor)));
        near.assignSupervisor(supervisor);
        assertSame(supervisor, near.getSupervisor());
        supervisor.disable();
        assertFalse(supervisor.supervises(near), "a disabled supervisor supervises nobody");
    }

    @Test
    void onlySocialWorkers_superviseOrAreSupervised() {
        Account cadre = withId(Account.inCommunity("cadre", "h", "干部", Role.COMMUNITY_CADRE, taoyuan, NOW), 4L);
        Account supervisor = social("sup", taoyuan, 1);
        supervisor.markSupervising(Set.of(east));
        assertEquals("account.supervising.socialWorkersOnly", key(() -> cadre.markSupervising(Set.of(east))));
        assertEquals("account.supervisor.notSocialWorker", key(() -> cadre.assignSupervisor(supervisor)));
        assertEquals("account.supervising.scopeEmpty", key(() -> supervisor.markSupervising(Set.of())));
    }

    @Test
    void aNewRoleOrPlace_endsSupervisingAndASupervisorThatNoLongerFits() {
        Account supervisor = social("sup", taoyuan, 1);
        supervisor.markSupervising(Set.of(east));
        Account worker = social("worker", taoyuan, 2);
        worker.assignSupervisor(supervisor);
        worker.rescope(AccountScope.of(Role.SOCIAL_WORKER, Set.of(), qingshan, Set.of()));
        assertNull(worker.getSupervisor(), "moved out of the supervisor's sub-districts");
        supervisor.rescope(AccountScope.of(Role.PARTY_SECRETARY, Set.of(), taoyuan, Set.of()));
        assertFalse(supervisor.isSupervising());
        assertTrue(supervisor.getSupervisionSubDistricts().isEmpty());
        Account resident = Account.forResident("res", "h", "居民", taoyuan, 9L, NOW);
        assertEquals("account.role.residentFixed", key(() -> resident.rescope(
                AccountScope.of(Role.SOCIAL_WORKER, Set.of(), taoyuan, Set.of()))));
    }

    @Test
    void unlock_endsTheLockAndTheFailures() {
        Account a = social("locked", taoyuan, 5);
        for (int i = 0; i < Account.MAX_FAILED_SIGN_INS; i++) {
            a.recordFailedSignIn(NOW);
        }
        assertTrue(a.isLockedAt(NOW));
        assertTrue(a.unlock(NOW));
        assertFalse(a.isLockedAt(NOW));
        assertEquals(0, a.getFailedSignIns());
        assertFalse(a.unlock(NOW), "was not locked any more");
    }

    @Test
    void administrators_areTheThreeSeparatedRoles() {
        for (Role r : Role.values()) {
            assertEquals(r == Role.SYSTEM_ADMIN || r == Role.SECURITY_ADMIN || r == Role.AUDIT_ADMIN,
                    r.isAdministrator(), r.name());
        }
    }
}
