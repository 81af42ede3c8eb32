package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.audit.application.AuditLog;
import org.wushe.audit.application.AuditQuery;
import org.wushe.audit.domain.AuditAction;
import org.wushe.casework.application.CaseService;
import org.wushe.casework.application.CaseService.CaseForm;
import org.wushe.casework.application.CaseService.CaseRow;
import org.wushe.community.application.ResidentView;
import org.wushe.it.support.Fixtures;
import org.wushe.it.support.Fixtures.Town;
import org.wushe.security.application.AccountAdministration;
import org.wushe.security.application.AccountDetail;
import org.wushe.security.application.AccountForm;
import org.wushe.security.application.AccountView;
import org.wushe.security.application.RoleScopeForm;
import org.wushe.security.domain.Role;
import org.wushe.shared.NotPermittedException;
import org.wushe.shared.PageRequest;
import org.wushe.shared.ValidationException;

/**
 * Supervisors (finding: any account could be made a supervisor and so read case files): only a
 * social worker marked as supervising, and only of social workers of the sub-districts of their
 * supervision scope; an account not (or no longer) marked supervising reads no case file through
 * the relation; every change audited as SUPERVISOR_CHANGED; the demo's supervisor1 keeps working.
 */
@ExtendWith(ArquillianExtension.class)
class SupervisorIT {

    @Inject
    Fixtures fixtures;

    @EJB
    AccountAdministration accounts;

    @EJB
    CaseService cases;

    @EJB
    AuditLog audit;

    @Resource(lookup = "jdbc/wushe")
    DataSource dataSource;

    private Town town;
    private Town elsewhere;

    @BeforeEach
    void towns() {
        town = fixtures.town("A", "B");
        elsewhere = fixtures.town("C");
    }

    private static <T> T as(String user, Supplier<T> work) {
        return runAs(user, work::get);
    }

    private static String fieldKey(Runnable r) {
        ValidationException e = assertThrows(ValidationException.class, r::run);
        return e.errors().get(0).field() + ":" + e.errors().get(0).key();
    }

    private boolean audited(String user, String... parts) {
        return runAs(Fixtures.AUDITOR, () -> audit.search(new AuditQuery(Fixtures.SECURITY,
                AuditAction.SUPERVISOR_CHANGED, null, null, null, null), PageRequest.of(0, 200))).items().stream()
                .anyMatch(e -> e.getDetail().startsWith(user + ":") && List.of(parts).stream().allMatch(e.getDetail()::contains));
    }

    @Test
    void onlyAMarkedSocialWorker_supervises_andOnlyWorkersWithinItsScope() {
        String sup = fixtures.staff(town, "sup", Role.SOCIAL_WORKER, "A");
        String worker = fixtures.staff(town, "worker", Role.SOCIAL_WORKER, "B");
        String cadre = fixtures.staff(town, "cadre", Role.COMMUNITY_CADRE, "A");
        String far = fixtures.staff(elsewhere, "far", Role.SOCIAL_WORKER, "C");
        String sec = Fixtures.SECURITY;

        assertEquals("supervisorUsername:account.supervisor.notSupervising",
                fieldKey(() -> as(sec, () -> accounts.assignSupervisor(worker, sup))));
        assertEquals("supervisorUsername:account.supervisor.notSupervising",
                fieldKey(() -> as(sec, () -> accounts.assignSupervisor(worker, cadre))));
        assertEquals("supervising:account.supervising.socialWorkersOnly",
                fieldKey(() -> as(sec, () -> accounts.setSupervising(cadre, true, Set.of(town.subDistrict())))));
        assertEquals("supervisionCodes:account.supervising.scopeEmpty",
                fieldKey(() -> as(sec, () -> accounts.setSupervising(sup, true, Set.of()))));
        assertEquals("supervisionCodes:geo.subDistrict.unknown",
                fieldKey(() -> as(sec, () -> accounts.setSupervising(sup, true, Set.of("NOSUCHSD")))));

        assertTrue(as(sec, () -> accounts.setSupervising(sup, true, Set.of(town.subDistrict()))).supervising());
        assertEquals(sup, as(sec, () -> accounts.assignSupervisor(worker, sup)).supervisor());
        assertEquals("supervisorUsername:account.supervisor.outOfScope",
                fieldKey(() -> as(sec, () -> accounts.assignSupervisor(far, sup))));
        assertEquals("supervisorUsername:account.supervisor.notSocialWorker",
                fieldKey(() -> as(sec, () -> accounts.assignSupervisor(cadre, sup))));
        assertEquals("supervisorUsername:account.supervisor.self",
                fieldKey(() -> as(sec, () -> accounts.assignSupervisor(sup, sup))));
        assertEquals("supervisorUsername:account.supervisor.unknown",
                fieldKey(() -> as(sec, () -> accounts.assignSupervisor(worker, "no.such.user"))));
        assertThrows(NotPermittedException.class, () -> as(Fixtures.ADMIN, () -> accounts.assignSupervisor(worker, null)));

        // created with a supervisor, and created supervising
        AccountView created = as(sec, () -> accounts.create(new AccountForm(town.user("newcomer"), "新社工",
                Role.SOCIAL_WORKER, Fixtures.PASSWORD.toCharArray(), Set.of(), town.community("A"), Set.of(), sup,
                true, Set.of(town.subDistrict())))).account();
        assertEquals(sup, created.supervisor());
        assertTrue(created.supervising());

        assertTrue(audited(sup, "supervising: no → [" + town.subDistrict() + "]"));
        assertTrue(audited(worker, "supervisor: none → " + sup));
        assertTrue(audited(created.username(), "supervisor: none → " + sup));
    }

    @Test
    void aSupervisorNotOrNoLongerMarked_readsNoCaseFile_throughTheRelation() throws SQLException {
        String sup = fixtures.supervisor(town, "sup", "B");
        String worker = fixtures.staff(town, "worker", Role.SOCIAL_WORKER, "A");
        as(Fixtures.SECURITY, () -> accounts.assignSupervisor(worker, sup));
        ResidentView resident = fixtures.resident(worker, "周独居", town.community("A"), town.grid("A", 1));
        CaseRow c = as(worker, () -> cases.open(new CaseForm(resident.id(), "独居老人情绪低落", null)));

        assertEquals(c.id(), as(sup, () -> cases.file(c.id())).id());
        assertEquals(1, as(sup, () -> cases.myCases(false, PageRequest.of(0, 20))).total());

        // the mark gone behind the services' back: the relation alone opens nothing
        setSupervising(sup, false);
        assertEquals("case.restricted",
                assertThrows(NotPermittedException.class, () -> as(sup, () -> cases.file(c.id()))).key());
        assertEquals(0, as(sup, () -> cases.myCases(false, PageRequest.of(0, 20))).total());
        setSupervising(sup, true);
        assertEquals(c.id(), as(sup, () -> cases.file(c.id())).id());

        // the security administrator ends the mark: the supervisees lose the supervisor, audited
        as(Fixtures.SECURITY, () -> accounts.setSupervising(sup, false, null));
        AccountDetail w = as(Fixtures.SECURITY, () -> accounts.detail(worker));
        assertNull(w.supervisor());
        assertTrue(audited(worker, "supervisor: " + sup + " → none"));
        assertThrows(NotPermittedException.class, () -> as(sup, () -> cases.file(c.id())));
        assertEquals(0, as(sup, () -> cases.myCases(false, PageRequest.of(0, 20))).total());

        // a worker moved out of the supervision scope loses the supervisor too
        as(Fixtures.SECURITY, () -> accounts.setSupervising(sup, true, Set.of(town.subDistrict())));
        as(Fixtures.SECURITY, () -> accounts.assignSupervisor(worker, sup));
        as(Fixtures.SECURITY, () -> accounts.changeRoleAndScope(worker,
                new RoleScopeForm(Role.SOCIAL_WORKER, null, elsewhere.community("C"), null)));
        assertNull(as(Fixtures.SECURITY, () -> accounts.detail(worker)).supervisor());
        assertTrue(audited(worker, "no longer within their supervision"));
    }

    private void setSupervising(String user, boolean supervising) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("update account set supervising = ? where username = ?")) {
            s.setBoolean(1, supervising);
            s.setString(2, user);
            assertEquals(1, s.executeUpdate());
        }
    }

    @Test
    void demoCity_supervisor1_supervisesTheSocialWorkersOfBothSubDistricts_andHasASecondSecurityAdministrator() {
        AccountDetail supervisor = as(Fixtures.SECURITY, () -> accounts.detail("supervisor1"));
        assertTrue(supervisor.supervising());
        assertEquals(List.of("SD01", "SD02"), supervisor.supervisionCodes());
        for (String social : List.of("social1", "social2", "social3", "social4")) {
            assertEquals("supervisor1", as(Fixtures.SECURITY, () -> accounts.detail(social)).supervisor(), social);
        }
        AccountDetail second = as(Fixtures.SECURITY, () -> accounts.detail("security2"));
        assertEquals(Role.SECURITY_ADMIN, second.role());
        assertFalse(second.locked());
    }
}
