package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.audit.application.AuditLog;
import org.wushe.audit.application.AuditQuery;
import org.wushe.audit.domain.AuditAction;
import org.wushe.audit.domain.AuditEntry;
import org.wushe.it.support.Fixtures;
import org.wushe.it.support.Fixtures.Town;
import org.wushe.security.application.AccountForm;
import org.wushe.security.application.AccountService;
import org.wushe.security.application.SecondFactorService;
import org.wushe.security.application.SecondFactorService.Check;
import org.wushe.security.domain.Role;
import org.wushe.security.domain.Totp;
import org.wushe.shared.NotPermittedException;
import org.wushe.shared.PageRequest;
import org.wushe.shared.ValidationException;

/**
 * The administrators' second factor in the services: enrolment with a first code and ten recovery
 * codes (audited, the secret encrypted), the sign-in page's code accepted once (a replay refused and
 * audited), a wrong code refused and audited, a recovery code accepted once, the API's code
 * accepted again within its window.
 */
@ExtendWith(ArquillianExtension.class)
class SecondFactorIT {

    private static final String ADDRESS = "2001:db8:2fa::1";

    @Inject
    Fixtures fixtures;

    @EJB
    AccountService accounts;

    @EJB
    SecondFactorService secondFactors;

    @EJB
    AuditLog audit;

    @Resource(lookup = "jdbc/wushe")
    DataSource dataSource;

    private Town town;
    private String admin;

    @BeforeEach
    void administrator() {
        town = fixtures.town("A");
        admin = town.user("auditadmin");
        fixtures.administrator(admin, "审计管理员", Role.AUDIT_ADMIN);
    }

    private List<AuditEntry> entries(String actor, AuditAction action) {
        return runAs(Fixtures.AUDITOR, () -> audit.search(new AuditQuery(actor, action, null, null, null, null),
                PageRequest.of(0, 200))).items();
    }

    private static String now(String secret) {
        return Totp.code(secret, Totp.stepOf(Instant.now()));
    }

    private List<String> enrol(String secret) {
        return runAs(admin, () -> secondFactors.enrol(secret, now(secret)));
    }

    @Test
    void enrolment_needsTheFirstCode_givesTenRecoveryCodes_storesTheSecretEncrypted_andIsAudited() throws Exception {
        assertFalse(secondFactors.enrolled(admin));
        String secret = Totp.newSecret();
        ValidationException wrong = assertThrows(ValidationException.class,
                () -> runAs(admin, () -> secondFactors.enrol(secret, "000000".equals(now(secret)) ? "111111" : "000000")));
        assertEquals("secondFactor.code.wrong", wrong.errors().get(0).key());
        assertFalse(secondFactors.enrolled(admin));

        List<String> codes = enrol(secret);
        assertEquals(10, codes.size());
        assertEquals(10, Set.copyOf(codes).size());
        assertTrue(codes.get(0).matches("[a-z2-7]{4}(-[a-z2-7]{4}){3}"), codes.get(0));
        assertTrue(secondFactors.enrolled(admin));
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select f.secret_cipher from second_factor f join account a"
                     + " on a.id = f.account_id where a.username = ?")) {
            s.setString(1, admin);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                String stored = rs.getString(1);
                assertTrue(org.wushe.shared.protect.Sealed.isSealed(stored), stored);
                assertFalse(stored.contains(secret), "encrypted, not the secret");
            }
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select r.code_hash from recovery_code r join account a"
                     + " on a.id = r.account_id where a.username = ?")) {
            s.setString(1, admin);
            try (ResultSet rs = s.executeQuery()) {
                int n = 0;
                while (rs.next()) {
                    n++;
                    String hash = rs.getString(1);
                    assertEquals(64, hash.length());
                    assertTrue(codes.stream().noneMatch(code -> hash.contains(code.replace("-", ""))));
                }
                assertEquals(10, n, "stored as hashes only");
            }
        }
        List<AuditEntry> changed = entries(admin, AuditAction.SECOND_FACTOR_CHANGED);
        assertEquals(1, changed.size());
        assertTrue(changed.get(0).getDetail().contains("enrolled"), changed.get(0).getDetail());
        NotPermittedException notAdmin = assertThrows(NotPermittedException.class, () -> runAs(
                fixtures.staff(town, "worker", Role.SOCIAL_WORKER, "A"), () -> secondFactors.enrol(secret, now(secret))));
        assertEquals("secondFactor.administratorsOnly", notAdmin.key());
    }

    @Test
    void theSignInPage_acceptsACodeOnce_refusesAReplayAndAWrongCode_andAuditsThem() {
        String secret = Totp.newSecret();
        enrol(secret);
        long step = Totp.stepOf(Instant.now());
        String next = Totp.code(secret, step + 1);
        assertEquals(Check.CODE, secondFactors.signIn(admin, next, ADDRESS), "the next step's code (a clock a little ahead)");
        assertEquals(Check.REFUSED, secondFactors.signIn(admin, next, ADDRESS), "the same code again");
        assertEquals(Check.REFUSED, secondFactors.signIn(admin, Totp.code(secret, step), ADDRESS),
                "an earlier step once a later one was used");
        String wrong = next.equals("123456") ? "654321" : "123456";
        assertEquals(Check.REFUSED, secondFactors.signIn(admin, wrong, ADDRESS));
        List<String> details = entries(admin, AuditAction.SIGN_IN_FAILED).stream().map(AuditEntry::getDetail).toList();
        assertEquals(3, details.size(), details.toString());
        assertEquals(2, details.stream().filter(d -> d.contains("replay")).count(), details.toString());
        assertEquals(1, details.stream().filter(d -> d.equals("wrong second factor code")).count(), details.toString());
        assertTrue(details.stream().noneMatch(d -> d.contains(next) || d.contains(wrong)), "never the code");
    }

    @Test
    void aRecoveryCode_worksOnce() {
        String secret = Totp.newSecret();
        List<String> codes = enrol(secret);
        assertEquals(Check.RECOVERY_CODE, secondFactors.signIn(admin, codes.get(3).toUpperCase(), ADDRESS),
                "typed in capitals too");
        assertEquals(Check.REFUSED, secondFactors.signIn(admin, codes.get(3), ADDRESS), "used");
        assertEquals(Check.RECOVERY_CODE, secondFactors.signIn(admin, codes.get(4).replace("-", ""), ADDRESS));
        assertEquals(8L, (long) runAs(admin, () -> secondFactors.recoveryCodesLeft()));
        List<String> fresh = enrol(Totp.newSecret());
        assertEquals(Check.REFUSED, secondFactors.signIn(admin, codes.get(5), ADDRESS),
                "a new enrolment ends the old recovery codes");
        assertEquals(Check.RECOVERY_CODE, secondFactors.signIn(admin, fresh.get(0), ADDRESS));
    }

    @Test
    void theApi_acceptsTheCurrentCodeAgainWithinItsWindow_andRefusesAWrongOrMissingOne() {
        String secret = Totp.newSecret();
        enrol(secret);
        String code = now(secret);
        assertEquals(Check.CODE, secondFactors.api(admin, code, ADDRESS));
        assertEquals(Check.CODE, secondFactors.api(admin, code, ADDRESS), "again: the API signs in on every request");
        String wrong = code.equals("123456") ? "654321" : "123456";
        assertEquals(Check.REFUSED, secondFactors.api(admin, wrong, ADDRESS));
        assertEquals(Check.REFUSED, secondFactors.api(admin, null, ADDRESS));
        List<String> details = entries(admin, AuditAction.SIGN_IN_FAILED).stream().map(AuditEntry::getDetail).toList();
        assertTrue(details.contains("wrong second factor code (API)"), details.toString());
        assertTrue(details.contains("API request without the second factor's code"), details.toString());
    }
}
