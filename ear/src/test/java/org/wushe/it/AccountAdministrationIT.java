package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
import org.wushe.audit.domain.AuditEntry;
import org.wushe.audit.domain.AuditOutcome;
import org.wushe.it.support.Fixtures;
import org.wushe.it.support.Fixtures.Town;
import org.wushe.security.application.AccountAdministration;
import org.wushe.security.application.AccountDetail;
import org.wushe.security.application.AccountForm;
import org.wushe.security.application.AccountQuery;
import org.wushe.security.application.AccountResult;
import org.wushe.security.application.AccountService;
import org.wushe.security.application.AccountView;
import org.wushe.security.application.AdminChangeView;
import org.wushe.security.application.AdminChanges;
import org.wushe.security.application.NotSignedInException;
import org.wushe.security.application.RoleScopeForm;
import org.wushe.security.application.ScopeChoices;
import org.wushe.security.application.SignInService;
import org.wushe.security.domain.AddressThrottle;
import org.wushe.security.domain.Role;
import org.wushe.security.domain.SignInOutcome;
import org.wushe.shared.ConflictException;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.NotPermittedException;
import org.wushe.shared.PageRequest;
import org.wushe.shared.ValidationException;
import org.wushe.shared.WusheException;

/**
 * The security administrator's account administration: only the security administrator; nobody
 * on their own account; four-eyes on administrator accounts (and the direct path while there is a
 * single security administrator); disabled accounts cannot sign in; unlock; every change and every
 * refusal audited; bad input refused per field. Supervisors and case files are in
 * {@link SupervisorIT}.
 */
@ExtendWith(ArquillianExtension.class)
class AccountAdministrationIT {

    static final String SECURITY2 = "security2";
    private static final AddressThrottle LENIENT = new AddressThrottle(1000, java.time.Duration.ofMinutes(15));

    @Inject
    Fixtures fixtures;

    @EJB
    AccountAdministration accounts;

    @EJB
    AdminChanges changes;

    @EJB
    AccountService accountService;

    @EJB
    ScopeChoices choices;

    @EJB
    SignInService signIn;

    @EJB
    AuditLog audit;

    @Resource(lookup = "jdbc/wushe")
    DataSource dataSource;

    private Town town;

    @BeforeEach
    void town() {
        town = fixtures.town("A", "B");
    }

    private AccountForm socialWorker(String user, String suffix) {
        return new AccountForm(user, "社工" + user, Role.SOCIAL_WORKER, Fixtures.PASSWORD.toCharArray(), Set.of(),
                town.community(suffix), Set.of(), null);
    }

    private AccountForm cityWide(String user, Role role) {
        return new AccountForm(user, "管理员" + user, role, Fixtures.PASSWORD.toCharArray(), Set.of(), null, Set.of(),
                null);
    }

    private static <T> T as(String user, Supplier<T> work) {
        return runAs(user, work::get);
    }

    private List<AuditEntry> entries(String actor, AuditAction action) {
        return runAs(Fixtures.AUDITOR, () -> audit.search(new AuditQuery(actor, action, null, null, null, null),
                PageRequest.of(0, 200))).items();
    }

    private boolean audited(String actor, AuditAction action, String... detailParts) {
        return entries(actor, action).stream().anyMatch(e -> e.getDetail() != null
                && List.of(detailParts).stream().allMatch(e.getDetail()::contains));
    }

    private static String key(Runnable r) {
        return assertThrows(WusheException.class, r::run).key();
    }

    private static String fieldKey(Runnable r) {
        ValidationException e = assertThrows(ValidationException.class, r::run);
        return e.errors().get(0).field() + ":" + e.errors().get(0).key();
    }

    private SignInOutcome signInAs(String user) {
        return signIn.signIn(user, Fixtures.PASSWORD.toCharArray(), "2001:db8:acc::" + (System.nanoTime() % 9000 + 1000),
                LENIENT).outcome();
    }

    /** A new administrator of the role: requested by security, confirmed by security2. */
    private String administrator(String name, Role role) {
        String user = town.user(name);
        AccountResult r = as(Fixtures.SECURITY, () -> accounts.create(cityWide(user, role)));
        assertTrue(r.waitsForConfirmation(), "an administrator account waits for a second administrator");
        as(SECURITY2, () -> changes.confirm(r.request().id()));
        return user;
    }

    // ---------------------------------------------------------------- create, list, change, audit

    @Test
    void securityAdministrator_createsAStaffAccount_findsItInTheList_andTheCreationIsAudited() {
        String user = town.user("worker");
        AccountResult r = as(Fixtures.SECURITY, () -> accounts.create(socialWorker(user, "A")));
        assertFalse(r.waitsForConfirmation());
        assertEquals(List.of(town.community("A")), r.account().scope());
        assertEquals(1, as(Fixtures.SECURITY, () -> accounts.search(new AccountQuery(town.prefix().toLowerCase(),
                Role.SOCIAL_WORKER, town.community("A")), PageRequest.of(0, 20))).total());
        assertEquals(0, as(Fixtures.SECURITY, () -> accounts.search(new AccountQuery(town.prefix().toLowerCase(),
                Role.GRID_WORKER, null), PageRequest.of(0, 20))).total());
        AccountDetail d = as(Fixtures.SECURITY, () -> accounts.detail(user));
        assertEquals(town.community("A"), d.communityCode());
        assertTrue(d.enabled());
        assertEquals(SignInOutcome.SIGNED_IN, signInAs(user));
        assertTrue(audited(Fixtures.SECURITY, AuditAction.ACCOUNT_CREATED, user, "SOCIAL_WORKER [" + town.community("A")));
        assertFalse(entries(Fixtures.SECURITY, AuditAction.ACCOUNT_CREATED).stream()
                .anyMatch(e -> e.getDetail().contains(Fixtures.PASSWORD)), "never the password");
        // pick lists of codes and names only
        assertTrue(as(Fixtures.SECURITY, () -> choices.communities()).stream()
                .anyMatch(p -> p.code().equals(town.community("B")) && p.parentCode().equals(town.subDistrict())));
        assertEquals(2, as(Fixtures.SECURITY, () -> choices.gridCells(town.community("A"))).size());
        assertTrue(as(Fixtures.SECURITY, () -> choices.subDistricts()).stream()
                .anyMatch(p -> p.code().equals(town.subDistrict()) && p.parentCode() == null));
    }

    @Test
    void roleScopeAndName_change_andTheAuditSaysFromWhatToWhat() {
        String user = fixtures.staff(town, "changing", Role.SOCIAL_WORKER, "A");
        AccountResult r = as(Fixtures.SECURITY, () -> accounts.changeRoleAndScope(user,
                new RoleScopeForm(Role.GRID_WORKER, null, null, Set.of(town.grid("B", 1), town.grid("B", 2)))));
        assertFalse(r.waitsForConfirmation());
        assertEquals(Role.GRID_WORKER, r.account().role());
        assertEquals(List.of(town.grid("B", 1), town.grid("B", 2)), r.account().scope());
        as(Fixtures.SECURITY, () -> accounts.rename(user, "新名字"));
        assertEquals("新名字", as(Fixtures.SECURITY, () -> accounts.detail(user)).displayName());
        assertTrue(audited(Fixtures.SECURITY, AuditAction.ACCOUNT_CHANGED, user, "SOCIAL_WORKER [" + town.community("A")
                + "] → GRID_WORKER [" + town.grid("B", 1) + ", " + town.grid("B", 2) + "]"));
        assertTrue(audited(Fixtures.SECURITY, AuditAction.ACCOUNT_CHANGED, user, "display name: '", "' → '新名字'"));
    }

    // ---------------------------------------------------------------- who may administer

    @Test
    void onlyTheSecurityAdministrator_administersAccounts_theOthersAreRefused_andTheRefusalsAudited() {
        String user = fixtures.staff(town, "target", Role.SOCIAL_WORKER, "A");
        for (String other : List.of(Fixtures.ADMIN, Fixtures.AUDITOR, user)) {
            assertThrows(NotPermittedException.class, () -> as(other, () -> accounts.create(socialWorker(
                    town.user("by" + other.replace(".", "")), "A"))));
            assertThrows(NotPermittedException.class, () -> as(other, () -> accounts.disable(user)));
            assertThrows(NotPermittedException.class,
                    () -> as(other, () -> accounts.search(AccountQuery.all(), PageRequest.of(0, 10))));
            assertThrows(NotPermittedException.class, () -> as(other, () -> changes.pending()));
            assertThrows(NotPermittedException.class, () -> as(other, () -> choices.subDistricts()));
            assertTrue(entries(other, AuditAction.ACCESS_REFUSED).stream().anyMatch(e ->
                    e.getOutcome() == AuditOutcome.REFUSED && e.getDetail().contains("DISABLE " + user)), other);
        }
        assertTrue(as(Fixtures.SECURITY, () -> accounts.detail(user)).enabled(), "nothing changed");
    }

    @Test
    void nobody_changesTheirOwnRoleScopeOrState_norGrantsThemselvesAnotherRole() {
        String sec = administrator("sec", Role.SECURITY_ADMIN);
        String key = "account.self";
        assertEquals(key, key(() -> as(sec, () -> accounts.changeRoleAndScope(sec,
                new RoleScopeForm(Role.SYSTEM_ADMIN, null, null, null)))));
        assertEquals(key, key(() -> as(sec, () -> accounts.disable(sec))));
        assertEquals(key, key(() -> as(sec, () -> accounts.unlock(sec))));
        assertEquals(key, key(() -> as(sec, () -> accounts.rename(sec, "别名"))));
        assertEquals(key, key(() -> as(Fixtures.SECURITY, () -> accounts.changeRoleAndScope(Fixtures.SECURITY,
                new RoleScopeForm(Role.AUDIT_ADMIN, null, null, null)))));
        assertEquals(Role.SECURITY_ADMIN, as(Fixtures.SECURITY, () -> accounts.detail(sec)).role());
        assertTrue(entries(sec, AuditAction.ACCESS_REFUSED).stream()
                .anyMatch(e -> e.getDetail().contains("role and scope of one's own account")));
    }

    // ---------------------------------------------------------------- four-eyes

    @Test
    void creatingAnAdministrator_isARequest_thatOnlyADifferentSecurityAdministratorConfirms() throws SQLException {
        String user = town.user("sys");
        AccountResult r = as(Fixtures.SECURITY, () -> accounts.create(cityWide(user, Role.SYSTEM_ADMIN)));
        assertTrue(r.waitsForConfirmation());
        assertThrows(NotFoundException.class, () -> as(Fixtures.SECURITY, () -> accounts.detail(user)));
        assertEquals(SignInOutcome.UNKNOWN_ACCOUNT, signInAs(user));
        assertTrue(as(SECURITY2, () -> changes.pending()).stream().anyMatch(p -> p.id().equals(r.request().id())));
        assertEquals("username:account.adminChange.pending", fieldKey(() -> as(Fixtures.SECURITY,
                () -> accounts.create(cityWide(user, Role.AUDIT_ADMIN)))));

        assertEquals("account.adminChange.ownRequest",
                key(() -> as(Fixtures.SECURITY, () -> changes.confirm(r.request().id()))));
        assertTrue(entries(Fixtures.SECURITY, AuditAction.ACCESS_REFUSED).stream()
                .anyMatch(e -> e.getDetail().contains("request " + r.request().id())));
        assertThrows(NotPermittedException.class, () -> as(Fixtures.ADMIN, () -> changes.confirm(r.request().id())));

        AccountResult done = as(SECURITY2, () -> changes.confirm(r.request().id()));
        assertEquals(Role.SYSTEM_ADMIN, done.account().role());
        assertEquals(SignInOutcome.SIGNED_IN, signInAs(user));
        assertEquals("account.adminChange.decided", key(() -> as(SECURITY2, () -> changes.confirm(r.request().id()))));
        assertTrue(audited(Fixtures.SECURITY, AuditAction.ADMIN_CHANGE_REQUESTED, user, "SYSTEM_ADMIN"));
        assertTrue(audited(SECURITY2, AuditAction.ADMIN_CHANGE_DECIDED, user, "confirmed"));
        assertTrue(audited(SECURITY2, AuditAction.ACCOUNT_CREATED, user, "by security, confirmed by security2"));
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select password_hash, status from admin_change_request where id = ?")) {
            s.setLong(1, r.request().id());
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                assertNull(rs.getString(1), "the new account's hash leaves the request once decided");
                assertEquals("CONFIRMED", rs.getString(2));
            }
        }
    }

    @Test
    void changingAnAdministrator_orGivingAnAdministratorRole_waits_andMayBeDeclinedWithAReason() {
        String auditor = administrator("aud", Role.AUDIT_ADMIN);
        // disabling an administrator: a request; the account itself cannot decide on it
        AccountResult disabling = as(Fixtures.SECURITY, () -> accounts.disable(auditor));
        assertTrue(disabling.waitsForConfirmation());
        assertTrue(as(SECURITY2, () -> accounts.detail(auditor)).enabled());
        assertEquals(disabling.request().id(), as(SECURITY2, () -> accounts.detail(auditor)).pendingChange());
        assertThrows(ConflictException.class, () -> as(Fixtures.SECURITY, () -> accounts.unlock(auditor)),
                "one pending change per account");
        as(SECURITY2, () -> changes.confirm(disabling.request().id()));
        assertFalse(as(SECURITY2, () -> accounts.detail(auditor)).enabled());
        assertEquals(SignInOutcome.DISABLED, signInAs(auditor));

        // giving a social worker an administrator role: a request, declined with a reason
        String worker = fixtures.staff(town, "climber", Role.SOCIAL_WORKER, "A");
        AccountResult promoting = as(Fixtures.SECURITY, () -> accounts.changeRoleAndScope(worker,
                new RoleScopeForm(Role.SYSTEM_ADMIN, null, null, null)));
        assertTrue(promoting.waitsForConfirmation());
        assertEquals("reason:account.adminChange.reasonRequired",
                fieldKey(() -> as(SECURITY2, () -> changes.decline(promoting.request().id(), " "))));
        AdminChangeView declined = as(SECURITY2, () -> changes.decline(promoting.request().id(), "无此岗位需要"));
        assertEquals("无此岗位需要", declined.decisionReason());
        assertEquals(Role.SOCIAL_WORKER, as(Fixtures.SECURITY, () -> accounts.detail(worker)).role());
        assertTrue(audited(SECURITY2, AuditAction.ADMIN_CHANGE_DECIDED, worker, "declined", "无此岗位需要"));

        // taking an administrator's role away: a request too; the account concerned cannot decide
        String sec = administrator("sec3", Role.SECURITY_ADMIN);
        AccountResult demoting = as(Fixtures.SECURITY, () -> accounts.changeRoleAndScope(sec,
                new RoleScopeForm(Role.IT_OPERATOR, null, null, null)));
        assertTrue(demoting.waitsForConfirmation());
        assertEquals("account.adminChange.ownAccount", key(() -> as(sec, () -> changes.confirm(demoting.request().id()))));
        assertEquals("account.adminChange.ownAccount",
                key(() -> as(sec, () -> changes.decline(demoting.request().id(), "不同意"))));
        assertEquals(Role.IT_OPERATOR, as(SECURITY2, () -> changes.confirm(demoting.request().id())).account().role());
    }

    @Test
    void whileThereIsOneSecurityAdministrator_administratorChangesTakeEffectDirectly_andAreAuditedSo()
            throws SQLException {
        List<String> others = otherSecurityAdministrators();
        assertTrue(others.contains(SECURITY2));
        try {
            setEnabled(others, false);
            String user = town.user("first.sys");
            AccountResult r = as(Fixtures.SECURITY, () -> accounts.create(cityWide(user, Role.SYSTEM_ADMIN)));
            assertFalse(r.waitsForConfirmation(), "no second security administrator to confirm");
            assertTrue(audited(Fixtures.SECURITY, AuditAction.ACCOUNT_CREATED, user, "direct"));
        } finally {
            setEnabled(others, true);
        }
        String next = town.user("next.sys");
        assertTrue(as(Fixtures.SECURITY, () -> accounts.create(cityWide(next, Role.SYSTEM_ADMIN))).waitsForConfirmation(),
                "with two security administrators, four-eyes again");
    }

    /** The enabled security administrators besides the demo's first one. */
    private List<String> otherSecurityAdministrators() throws SQLException {
        List<String> names = new java.util.ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select username from account where account_role = "
                     + "'SECURITY_ADMIN' and enabled = true and username <> ?")) {
            s.setString(1, Fixtures.SECURITY);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    private void setEnabled(List<String> users, boolean enabled) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("update account set enabled = ? where username = ?")) {
            for (String user : users) {
                s.setBoolean(1, enabled);
                s.setString(2, user);
                assertEquals(1, s.executeUpdate());
            }
        }
    }

    // ---------------------------------------------------------------- state

    @Test
    void aDisabledAccount_cannotSignIn_norUseItsSession_untilEnabledAgain() {
        String user = fixtures.staff(town, "leaver", Role.COMMUNITY_CADRE, "A");
        assertNotNull(as(user, () -> accountService.me()));
        as(Fixtures.SECURITY, () -> accounts.disable(user));
        assertEquals(SignInOutcome.DISABLED, signInAs(user));
        assertThrows(NotSignedInException.class, () -> as(user, () -> accountService.me()));
        assertEquals("state:account.unchanged", fieldKey(() -> as(Fixtures.SECURITY, () -> accounts.disable(user))));
        as(Fixtures.SECURITY, () -> accounts.enable(user));
        assertEquals(SignInOutcome.SIGNED_IN, signInAs(user));
        assertTrue(audited(Fixtures.SECURITY, AuditAction.ACCOUNT_CHANGED, user, "enabled → disabled"));
        assertTrue(audited(Fixtures.SECURITY, AuditAction.ACCOUNT_CHANGED, user, "disabled → enabled"));
    }

    @Test
    void unlock_endsTheLockAtOnce_andIsAudited() {
        String user = fixtures.staff(town, "locked", Role.PARTY_SECRETARY, "A");
        String from = "2001:db8:acc:1::" + (System.nanoTime() % 9000 + 1000);
        for (int i = 0; i < 5; i++) {
            signIn.signIn(user, ("wrong-password-" + i).toCharArray(), from, LENIENT);
        }
        assertTrue(as(Fixtures.SECURITY, () -> accounts.detail(user)).locked());
        assertEquals(SignInOutcome.LOCKED, signIn.signIn(user, Fixtures.PASSWORD.toCharArray(), from, LENIENT).outcome());
        AccountView v = as(Fixtures.SECURITY, () -> accounts.unlock(user)).account();
        assertFalse(v.locked());
        assertEquals(SignInOutcome.SIGNED_IN, signIn.signIn(user, Fixtures.PASSWORD.toCharArray(), from, LENIENT).outcome());
        assertTrue(audited(Fixtures.SECURITY, AuditAction.ACCOUNT_UNLOCKED, user, "locked until", "→ unlocked"));
    }

    // ---------------------------------------------------------------- bad input

    @Test
    void badInput_isRefusedPerField_withAClearMessage() {
        String taken = fixtures.staff(town, "taken", Role.SOCIAL_WORKER, "A");
        AccountForm ok = socialWorker(town.user("fine"), "A");
        assertEquals("username:account.username.format", fieldKey(() -> as(Fixtures.SECURITY, () -> accounts.create(
                new AccountForm("Bad Name", "名", Role.SOCIAL_WORKER, Fixtures.PASSWORD.toCharArray(), Set.of(),
                        town.community("A"), Set.of(), null)))));
        assertEquals("username:account.username.taken",
                fieldKey(() -> as(Fixtures.SECURITY, () -> accounts.create(socialWorker(taken, "A")))));
        assertEquals("password:password.rule.length", fieldKey(() -> as(Fixtures.SECURITY, () -> accounts.create(
                new AccountForm(ok.username(), "名", Role.SOCIAL_WORKER, "short".toCharArray(), Set.of(),
                        town.community("A"), Set.of(), null)))));
        assertEquals("role:account.role.required", fieldKey(() -> as(Fixtures.SECURITY, () -> accounts.create(
                new AccountForm(ok.username(), "名", null, Fixtures.PASSWORD.toCharArray(), Set.of(), null, Set.of(),
                        null)))));
        assertEquals("role:account.role.selfService", fieldKey(() -> as(Fixtures.SECURITY, () -> accounts.create(
                new AccountForm(ok.username(), "名", Role.RESIDENT, Fixtures.PASSWORD.toCharArray(), Set.of(),
                        town.community("A"), Set.of(), null)))));
        assertEquals("communityCode:account.scope.empty", fieldKey(() -> as(Fixtures.SECURITY, () -> accounts.create(
                new AccountForm(ok.username(), "名", Role.SOCIAL_WORKER, Fixtures.PASSWORD.toCharArray(), Set.of(),
                        null, Set.of(), null)))));
        assertEquals("communityCode:geo.community.unknown", fieldKey(() -> as(Fixtures.SECURITY, () -> accounts.create(
                new AccountForm(ok.username(), "名", Role.SOCIAL_WORKER, Fixtures.PASSWORD.toCharArray(), Set.of(),
                        "NOPE", Set.of(), null)))));
        assertEquals("gridCodes:account.scope.gridsOfOneCommunity", fieldKey(() -> as(Fixtures.SECURITY,
                () -> accounts.create(new AccountForm(ok.username(), "名", Role.GRID_WORKER,
                        Fixtures.PASSWORD.toCharArray(), Set.of(), null, Set.of(town.grid("A", 1), town.grid("B", 1)),
                        null)))));
        assertEquals("subDistrictCodes:geo.subDistrict.unknown", fieldKey(() -> as(Fixtures.SECURITY,
                () -> accounts.changeRoleAndScope(taken, new RoleScopeForm(Role.SUB_DISTRICT_OFFICER,
                        Set.of("NOSUCHSD"), null, null)))));
        assertEquals("role:account.unchanged", fieldKey(() -> as(Fixtures.SECURITY, () -> accounts.changeRoleAndScope(
                taken, new RoleScopeForm(Role.SOCIAL_WORKER, null, town.community("A"), null)))));
        assertEquals("displayName:account.displayName.required",
                fieldKey(() -> as(Fixtures.SECURITY, () -> accounts.rename(taken, "  "))));
        assertThrows(NotFoundException.class, () -> as(Fixtures.SECURITY, () -> accounts.disable("no.such.user")));
        assertThrows(NotFoundException.class, () -> as(SECURITY2, () -> changes.confirm(-1L)));
        assertEquals(0, as(Fixtures.SECURITY, () -> accounts.search(new AccountQuery(ok.username(), null, null),
                PageRequest.of(0, 10))).total(), "nothing was created by the refused attempts");
    }
}
