package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
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
import org.wushe.security.application.AccountAdministration;
import org.wushe.security.application.PasswordLifecycle;
import org.wushe.security.application.RoleScopeForm;
import org.wushe.security.application.SignInService;
import org.wushe.security.domain.Role;
import org.wushe.shared.PageRequest;

/**
 * A page session ends at its next request once its account is given a new password (a reset, or
 * its owner's change elsewhere), another role or scope, or is disabled; the check reads the
 * database, so it holds on every node; the server's ending of a session is audited.
 */
@ExtendWith(ArquillianExtension.class)
class SessionValidityIT {

    @Inject
    Fixtures fixtures;

    @EJB
    SignInService signIns;

    @EJB
    AccountAdministration accounts;

    @EJB
    PasswordLifecycle passwords;

    @EJB
    AuditLog audit;

    private Town town;
    private String user;
    private Instant since;

    @BeforeEach
    void signedIn() {
        town = fixtures.town("A");
        user = fixtures.staff(town, "session", Role.SOCIAL_WORKER, "A");
        since = signIns.pageSignIn(user, "2001:db8:5e55::1", "signed in on the page with password");
        assertTrue(signIns.sessionValid(user, since), "a fresh sign-in goes on");
    }

    @Test
    void aPasswordReset_endsTheSession_andANewSignInGoesOn() {
        runAs(Fixtures.SECURITY, () -> passwords.reset(user));
        assertFalse(signIns.sessionValid(user, since));
        Instant again = signIns.pageSignIn(user, "2001:db8:5e55::1", "signed in again");
        assertTrue(signIns.sessionValid(user, again));
    }

    @Test
    void anotherRoleOrScope_endsTheSession() {
        runAs(Fixtures.SECURITY, () -> accounts.changeRoleAndScope(user,
                new RoleScopeForm(Role.GRID_WORKER, null, null, Set.of(town.grid("A", 1)))));
        assertFalse(signIns.sessionValid(user, since), "the session's groups are those of the old role");
    }

    @Test
    void aDisabledAccount_hasNoSession_evenOneSignedInAfterwards() {
        runAs(Fixtures.SECURITY, () -> accounts.disable(user));
        assertFalse(signIns.sessionValid(user, since));
        assertFalse(signIns.sessionValid(user, Instant.now().plusSeconds(60)));
        runAs(Fixtures.SECURITY, () -> accounts.enable(user));
        assertFalse(signIns.sessionValid(user, since), "enabling again does not revive the old session");
    }

    @Test
    void theOwnersOwnChange_endsTheOtherSessions_andTheRenewedOneGoesOn() {
        runAs(user, () -> passwords.changeOwn(Fixtures.PASSWORD.toCharArray(), "Another-pass-2026".toCharArray(),
                "Another-pass-2026".toCharArray()));
        assertFalse(signIns.sessionValid(user, since), "a session elsewhere, on the old password");
        assertTrue(signIns.sessionValid(user, signIns.renewedSession()), "the session that changed it");
    }

    @Test
    void aRenameOrAnUnlock_keepsTheSession_andAnUnknownAccountHasNone() {
        runAs(Fixtures.SECURITY, () -> accounts.rename(user, "改名 社工"));
        runAs(Fixtures.SECURITY, () -> accounts.unlock(user));
        assertTrue(signIns.sessionValid(user, since));
        assertFalse(signIns.sessionValid(town.user("nobody"), since));
    }

    @Test
    void aSessionEndedByTheServer_isASignOutInTheLog() {
        signIns.sessionEnded(user, "2001:db8:5e55::1", "page session expired after 30 minutes without a request");
        List<AuditEntry> out = runAs(Fixtures.AUDITOR, () -> audit.search(
                new AuditQuery(user, AuditAction.SIGN_OUT, null, null, null, null), PageRequest.of(0, 10))).items();
        assertEquals(1, out.size());
        assertTrue(out.get(0).getDetail().contains("expired"));
        assertEquals("2001:db8:5e55::1", out.get(0).getClientAddress());
    }
}
