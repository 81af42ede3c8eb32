package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.audit.application.AuditLog;
import org.wushe.audit.application.AuditQuery;
import org.wushe.audit.domain.AuditAction;
import org.wushe.it.support.Fixtures;
import org.wushe.it.support.Fixtures.Town;
import org.wushe.it.support.TestClock;
import org.wushe.security.application.SignInService;
import org.wushe.security.application.SignInService.Outcome;
import org.wushe.security.domain.Role;
import org.wushe.shared.PageRequest;

/** Sign-in: PBKDF2 hashes, five failures lock the account for fifteen minutes, the lock is audited. */
@ExtendWith(ArquillianExtension.class)
class SignInIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withTests(SignInIT.class);
    }

    @Inject
    Fixtures fixtures;

    @EJB
    SignInService signIn;

    @EJB
    AuditLog audit;

    @Resource(lookup = "jdbc/wushe")
    DataSource dataSource;

    private String user;

    @BeforeEach
    void account() {
        Town town = fixtures.town("A");
        user = fixtures.staff(town, "secretary", Role.PARTY_SECRETARY, "A");
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    private Outcome attempt(String password) {
        return signIn.signIn(user, password.toCharArray()).outcome();
    }

    @Test
    void password_isStoredAsPbkdf2Hash() throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select password_hash from account where username = ?")) {
            s.setString(1, user);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                String hash = rs.getString(1);
                assertTrue(hash.startsWith("PBKDF2WithHmacSHA256:"), hash);
                assertFalse(hash.contains(Fixtures.PASSWORD));
            }
        }
        assertEquals(Outcome.SIGNED_IN, attempt(Fixtures.PASSWORD));
    }

    @Test
    void fiveFailures_lockTheAccount_forFifteenMinutes() {
        for (int i = 1; i <= 4; i++) {
            assertEquals(Outcome.INVALID, attempt("wrong-password-" + i), "failure " + i);
        }
        assertEquals(Outcome.LOCKED, attempt("wrong-password-5"));
        assertEquals(Outcome.LOCKED, attempt(Fixtures.PASSWORD), "even the right password is refused while locked");
        assertTrue(signIn.lockedUntil(user).isPresent());
        assertEquals(1, runAs(Fixtures.ADMIN, () -> audit.search(
                new AuditQuery(user, AuditAction.ACCOUNT_LOCKED, null, null, null, null), PageRequest.of(0, 5))).total());

        TestClock.advance(Duration.ofMinutes(14));
        assertEquals(Outcome.LOCKED, attempt(Fixtures.PASSWORD));
        TestClock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertEquals(Outcome.SIGNED_IN, attempt(Fixtures.PASSWORD));
    }

    @Test
    void successfulSignIn_resetsTheFailureCount() {
        for (int i = 1; i <= 4; i++) {
            attempt("wrong-password-" + i);
        }
        assertEquals(Outcome.SIGNED_IN, attempt(Fixtures.PASSWORD));
        for (int i = 1; i <= 4; i++) {
            assertEquals(Outcome.INVALID, attempt("wrong-again-" + i));
        }
    }

    @Test
    void unknownUser_isInvalid_notAnError() {
        assertEquals(Outcome.INVALID, signIn.signIn("nobody-" + System.nanoTime(), "x".toCharArray()).outcome());
    }
}
