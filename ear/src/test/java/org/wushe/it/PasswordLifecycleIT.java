package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.sql.DataSource;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.audit.application.AuditLog;
import org.wushe.audit.application.AuditQuery;
import org.wushe.audit.domain.AuditAction;
import org.wushe.audit.domain.AuditEntry;
import org.wushe.audit.domain.AuditOutcome;
import org.wushe.community.application.ResidentView;
import org.wushe.it.support.CountingPasswordHasher;
import org.wushe.it.support.Fixtures;
import org.wushe.it.support.Fixtures.Town;
import org.wushe.it.support.TestClock;
import org.wushe.security.application.AccountService;
import org.wushe.security.application.PasswordHasher;
import org.wushe.security.application.PasswordLifecycle;
import org.wushe.security.application.PasswordSettings;
import org.wushe.security.application.SignInService;
import org.wushe.security.application.SignInService.SignInResult;
import org.wushe.security.domain.AddressThrottle;
import org.wushe.security.domain.Role;
import org.wushe.security.domain.SignInOutcome;
import org.wushe.shared.NotPermittedException;
import org.wushe.shared.PageRequest;
import org.wushe.shared.ValidationException;

/**
 * The password lifecycle in the services: the owner's change (old password, policy, history), the
 * forced change of passwords set by someone else, after a reset and on expiry, the security
 * administrator's reset (refused for administrator accounts), the re-hash to the configured cost at
 * sign-in, the cache of verified credentials, and the audit of each.
 */
@ExtendWith(ArquillianExtension.class)
class PasswordLifecycleIT {

    private static final AddressThrottle LENIENT = new AddressThrottle(1000, Duration.ofMinutes(15));
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Fixtures fixtures;

    @EJB
    SignInService signIn;

    @EJB
    PasswordLifecycle passwords;

    @EJB
    AccountService accounts;

    @EJB
    AuditLog audit;

    @Inject
    PasswordHasher hasher;

    @Resource(lookup = "jdbc/wushe")
    DataSource dataSource;

    private Town town;
    private String user;

    @BeforeEach
    void account() {
        town = fixtures.town("A");
        user = fixtures.staff(town, "worker", Role.SOCIAL_WORKER, "A");
    }

    @AfterEach
    void reset() {
        TestClock.reset();
        System.clearProperty(PasswordSettings.EXPIRY_DAYS);
    }

    private static String madeUpAddress() {
        byte[] b = new byte[4];
        RANDOM.nextBytes(b);
        String h = HexFormat.of().formatHex(b);
        return "2001:db8:" + h.substring(0, 4) + ":" + h.substring(4, 8) + "::7";
    }

    private SignInResult attempt(String username, String password) {
        return signIn.signIn(username, password.toCharArray(), madeUpAddress(), LENIENT);
    }

    private void change(String username, String old, String fresh) {
        runAs(username, () -> passwords.changeOwn(old.toCharArray(), fresh.toCharArray(), fresh.toCharArray()));
    }

    private ValidationException refusedChange(String username, String old, String fresh, String repeat) {
        return assertThrows(ValidationException.class, () -> runAs(username,
                () -> passwords.changeOwn(old.toCharArray(), fresh.toCharArray(), repeat.toCharArray())));
    }

    private List<AuditEntry> entries(String actor, AuditAction action) {
        return runAs(Fixtures.AUDITOR, () -> audit.search(new AuditQuery(actor, action, null, null, null, null),
                PageRequest.of(0, 200))).items();
    }

    private String storedHash(String username) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select password_hash from account where username = ?")) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        }
    }

    @Test
    void passwordsSetByStaff_mustBeChangedAtFirstSignIn_andNoLongerOnceChanged() {
        assertTrue(attempt(user, Fixtures.PASSWORD).mustChangePassword(), "set by the security administrator");
        ResidentView r = fixtures.resident(user, "张三", town.community("A"), town.grid("A", 1));
        String resident = town.user("resident");
        runAs(user, () -> accounts.createResidentAccount(resident, Fixtures.PASSWORD.toCharArray(), r.id()));
        SignInResult first = attempt(resident, Fixtures.PASSWORD);
        assertEquals(SignInOutcome.SIGNED_IN, first.outcome());
        assertTrue(first.mustChangePassword(), "a resident's account opened by staff");

        change(resident, Fixtures.PASSWORD, "Own-choice-2026");
        assertFalse(attempt(resident, "Own-choice-2026").mustChangePassword());
        assertEquals(SignInOutcome.WRONG_PASSWORD, attempt(resident, Fixtures.PASSWORD).outcome());
        List<AuditEntry> changed = entries(resident, AuditAction.PASSWORD_CHANGED);
        assertEquals(1, changed.size());
        assertEquals(AuditOutcome.DONE, changed.get(0).getOutcome());
    }

    @Test
    void ownerChange_withAWrongOldPassword_isRefused_andAudited() {
        ValidationException e = refusedChange(user, "not-the-password", "Brand-new-2026", "Brand-new-2026");
        assertEquals("oldPassword", e.errors().get(0).field());
        assertEquals("password.old.wrong", e.errors().get(0).key());
        assertEquals(SignInOutcome.SIGNED_IN, attempt(user, Fixtures.PASSWORD).outcome(), "the password stays");
        List<AuditEntry> refused = entries(user, AuditAction.PASSWORD_CHANGED);
        assertEquals(1, refused.size());
        assertEquals(AuditOutcome.REFUSED, refused.get(0).getOutcome());
        assertTrue(refused.get(0).getDetail().contains("wrong old password"), refused.get(0).getDetail());
        assertFalse(refused.get(0).getDetail().contains("not-the-password"), "never the password");
    }

    @Test
    void eachRuleOfThePolicy_isRefused_namingTheRule() {
        ValidationException shortOne = refusedChange(user, Fixtures.PASSWORD, "Ab1-ab1", "Ab1-ab1");
        assertEquals("password.rule.length", shortOne.errors().get(0).key());
        assertEquals(List.of(10), shortOne.errors().get(0).args());
        ValidationException fewKinds = refusedChange(user, Fixtures.PASSWORD, "onlylowercase12", "onlylowercase12");
        assertEquals("password.rule.classes", fewKinds.errors().get(0).key());
        assertEquals(List.of(3), fewKinds.errors().get(0).args());
        ValidationException differ = refusedChange(user, Fixtures.PASSWORD, "Brand-new-2026", "Brand-new-2027");
        assertEquals("repeatPassword", differ.errors().get(0).field());
        assertEquals("password.repeat.mismatch", differ.errors().get(0).key());
        ValidationException same = refusedChange(user, Fixtures.PASSWORD, Fixtures.PASSWORD, Fixtures.PASSWORD);
        assertEquals("password.rule.history", same.errors().get(0).key(), "the current one is in the history");

        System.setProperty(PasswordSettings.MIN_LENGTH, "16");
        try {
            ValidationException longer = refusedChange(user, Fixtures.PASSWORD, "Brand-new-2026", "Brand-new-2026");
            assertEquals(List.of(16), longer.errors().get(0).args(), "the setting's length");
        } finally {
            System.clearProperty(PasswordSettings.MIN_LENGTH);
        }
        ValidationException created = assertThrows(ValidationException.class, () -> runAs(Fixtures.SECURITY,
                () -> accounts.create(new org.wushe.security.application.AccountForm(town.user("weak"), "弱", Role.COMMUNITY_CADRE,
                        "weakpassword".toCharArray(), Set.of(), town.community("A"), Set.of(), null))));
        assertEquals("password", created.errors().get(0).field());
        assertEquals("password.rule.classes", created.errors().get(0).key(), "accounts are created under the policy too");
    }

    @Test
    void theLastFivePasswords_mayNotComeBack_theSixthMay() {
        String[] used = {Fixtures.PASSWORD, "History-one-1", "History-two-2", "History-three-3", "History-four-4",
                "History-five-5"};
        for (int i = 1; i < used.length; i++) {
            change(user, used[i - 1], used[i]);
        }
        for (int back = 1; back <= 4; back++) {
            ValidationException e = refusedChange(user, used[5], used[5 - back], used[5 - back]);
            assertEquals("password.rule.history", e.errors().get(0).key(), used[5 - back]);
            assertEquals(List.of(5), e.errors().get(0).args());
        }
        change(user, used[5], used[0]);
        assertEquals(SignInOutcome.SIGNED_IN, attempt(user, used[0]).outcome(), "six changes ago may come back");
    }

    @Test
    void anExpiredPassword_mustBeChanged_andExpiryZeroSwitchesItOff() {
        change(user, Fixtures.PASSWORD, "Fresh-choice-2026");
        assertFalse(attempt(user, "Fresh-choice-2026").mustChangePassword());
        TestClock.advance(Duration.ofDays(89));
        assertFalse(attempt(user, "Fresh-choice-2026").mustChangePassword(), "89 days old");
        TestClock.advance(Duration.ofDays(1));
        assertTrue(attempt(user, "Fresh-choice-2026").mustChangePassword(), "90 days old: expired");
        System.setProperty(PasswordSettings.EXPIRY_DAYS, "0");
        assertFalse(attempt(user, "Fresh-choice-2026").mustChangePassword(), "expiry off");
        System.clearProperty(PasswordSettings.EXPIRY_DAYS);
        change(user, "Fresh-choice-2026", "Second-choice-2026");
        assertFalse(attempt(user, "Second-choice-2026").mustChangePassword(), "changed: the 90 days start again");
    }

    @Test
    void reset_givesAOneTimePassword_thatMustBeChanged_andIsAudited() {
        change(user, Fixtures.PASSWORD, "Owner-choice-2026");
        PasswordLifecycle.OneTimePassword once = runAs(Fixtures.SECURITY, () -> passwords.reset(user));
        assertEquals(user, once.username());
        assertTrue(once.password().length() >= 16, once.password());
        assertEquals(SignInOutcome.WRONG_PASSWORD, attempt(user, "Owner-choice-2026").outcome(), "the old one is gone");
        SignInResult r = attempt(user, once.password());
        assertEquals(SignInOutcome.SIGNED_IN, r.outcome());
        assertTrue(r.mustChangePassword());
        List<AuditEntry> resets = entries(Fixtures.SECURITY, AuditAction.PASSWORD_RESET).stream()
                .filter(e -> e.getOutcome() == AuditOutcome.DONE).toList();
        assertFalse(resets.isEmpty());
        assertFalse(resets.get(0).getDetail().contains(once.password()), "never the password");
        change(user, once.password(), "After-reset-2026");
        assertFalse(attempt(user, "After-reset-2026").mustChangePassword());
    }

    @Test
    void reset_ofAnAdministrator_needsASecondAdministrator_andOnlyTheSecurityAdministratorResets() {
        String sysadmin = town.user("sysadmin");
        fixtures.administrator(sysadmin, "系统管理员", Role.SYSTEM_ADMIN);
        NotPermittedException e = assertThrows(NotPermittedException.class,
                () -> runAs(Fixtures.SECURITY, () -> passwords.reset(sysadmin)));
        assertEquals("password.reset.needsSecondAdministrator", e.key());
        assertEquals(SignInOutcome.SIGNED_IN, attempt(sysadmin, Fixtures.PASSWORD).outcome(), "not reset");
        assertTrue(entries(Fixtures.SECURITY, AuditAction.PASSWORD_RESET).stream()
                .anyMatch(a -> a.getOutcome() == AuditOutcome.REFUSED && a.getDetail().contains("second administrator")),
                "the refusal is audited");
        NotPermittedException notSecurity = assertThrows(NotPermittedException.class,
                () -> runAs(Fixtures.ADMIN, () -> passwords.reset(user)));
        assertEquals("error.notPermitted", notSecurity.key(), "the system administrator manages no accounts");
    }

    @Test
    void aHashOfLowerCost_isMadeAgainAtTheConfiguredCost_onTheNextSignIn() throws Exception {
        String old = pbkdf2(Fixtures.PASSWORD, 50_000);
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("update account set password_hash = ? where username = ?")) {
            s.setString(1, old);
            s.setString(2, user);
            assertEquals(1, s.executeUpdate());
        }
        assertEquals(50_000, PasswordHasher.iterationsOf(storedHash(user)));
        assertEquals(SignInOutcome.SIGNED_IN, attempt(user, Fixtures.PASSWORD).outcome());
        String rehashed = storedHash(user);
        // The installation's cost: the default of 600,000, or what wushe.password.iterations says
        // (the test domain's is 100,000, the least allowed, so the suite does not spend its time
        // hashing; PasswordSettingsTest holds the default and the least).
        assertEquals(PasswordSettings.iterations(), hasher.iterations());
        assertEquals(hasher.iterations(), PasswordHasher.iterationsOf(rehashed));
        assertNotEquals(old, rehashed);
        assertEquals(SignInOutcome.SIGNED_IN, attempt(user, Fixtures.PASSWORD).outcome(), "the same password still signs in");
        assertEquals(SignInOutcome.WRONG_PASSWORD, attempt(user, "not-the-password").outcome());
    }

    @Test
    void aVerifiedCredential_isRemembered_untilThePasswordChanges() {
        String from = madeUpAddress();
        assertEquals(SignInOutcome.SIGNED_IN, signIn.signIn(user, Fixtures.PASSWORD.toCharArray(), from, LENIENT).outcome());
        long before = CountingPasswordHasher.verifications();
        for (int i = 0; i < 3; i++) {
            assertEquals(SignInOutcome.SIGNED_IN,
                    signIn.signIn(user, Fixtures.PASSWORD.toCharArray(), from, LENIENT).outcome());
        }
        assertEquals(0, CountingPasswordHasher.verifications() - before, "remembered: no PBKDF2 again");
        assertEquals(SignInOutcome.WRONG_PASSWORD,
                signIn.signIn(user, "Test-pass-2027".toCharArray(), from, LENIENT).outcome(), "only the same password");
        assertEquals(SignInOutcome.SIGNED_IN, signIn.signIn(user, Fixtures.PASSWORD.toCharArray(), from, LENIENT).outcome());
        change(user, Fixtures.PASSWORD, "Changed-now-2026");
        assertEquals(SignInOutcome.WRONG_PASSWORD,
                signIn.signIn(user, Fixtures.PASSWORD.toCharArray(), from, LENIENT).outcome(),
                "a changed password is forgotten at once");
        TestClock.advance(Duration.ofMinutes(6));
        long later = CountingPasswordHasher.verifications();
        assertEquals(SignInOutcome.SIGNED_IN, signIn.signIn(user, "Changed-now-2026".toCharArray(), from, LENIENT).outcome());
        assertEquals(SignInOutcome.SIGNED_IN, signIn.signIn(user, "Changed-now-2026".toCharArray(), from, LENIENT).outcome());
        assertEquals(1, CountingPasswordHasher.verifications() - later, "verified once, then remembered");
    }

    @Test
    void refusedSignIns_areAudited_withTheReason_neverThePassword() {
        String nobody = "nobody" + System.nanoTime();
        attempt(nobody, "Secret-typed-1");
        attempt(user, "Secret-typed-2");
        AuditEntry unknown = entries(nobody, AuditAction.SIGN_IN_FAILED).get(0);
        assertEquals(AuditOutcome.REFUSED, unknown.getOutcome());
        assertEquals("unknown user name", unknown.getDetail());
        AuditEntry wrong = entries(user, AuditAction.SIGN_IN_FAILED).get(0);
        assertEquals("wrong password", wrong.getDetail());
        assertTrue(wrong.getClientAddress().startsWith("2001:db8:"), wrong.getClientAddress());
        assertFalse(wrong.getDetail().contains("Secret-typed"));
    }

    /** A hash in the stored format made with the given cost, as an older version of the product made it. */
    private static String pbkdf2(String password, int iterations) throws Exception {
        byte[] salt = new byte[32];
        RANDOM.nextBytes(salt);
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
        return "PBKDF2WithHmacSHA256:" + iterations + ":" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(key);
    }
}
