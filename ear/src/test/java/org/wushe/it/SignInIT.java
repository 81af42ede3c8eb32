package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
import org.wushe.it.support.CountingPasswordHasher;
import org.wushe.it.support.Fixtures;
import org.wushe.it.support.Fixtures.Town;
import org.wushe.it.support.TestClock;
import org.wushe.security.application.SignInService;
import org.wushe.security.domain.AddressThrottle;
import org.wushe.security.domain.Role;
import org.wushe.security.domain.SignInOutcome;
import org.wushe.shared.PageRequest;

/**
 * Sign-in protection: PBKDF2 hashes; the same answer and the same work for unknown, disabled,
 * locked and wrong-password attempts (on the page, in the API, in the service); five failures lock
 * an account for fifteen minutes, audited, but not against an address it signed in from; too many
 * failures from one address throttle it for a window, audited. Each test uses its own accounts and
 * made-up addresses (2001:db8::/32), so the demo accounts and the loopback address the rest of the
 * suite signs in from are never locked or throttled.
 */
@ExtendWith(ArquillianExtension.class)
class SignInIT {

    /** A throttle that the throttle test can reach quickly. */
    private static final AddressThrottle THREE_IN_TEN = new AddressThrottle(3, Duration.ofMinutes(10));
    /** A throttle the other tests never reach, so only the account rules act. */
    private static final AddressThrottle LENIENT = new AddressThrottle(1000, Duration.ofMinutes(15));
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Fixtures fixtures;

    @EJB
    SignInService signIn;

    @EJB
    AuditLog audit;

    @Resource(lookup = "jdbc/wushe")
    DataSource dataSource;

    private Town town;
    private String user;

    @BeforeEach
    void account() {
        town = fixtures.town("A");
        user = fixtures.staff(town, "secretary", Role.PARTY_SECRETARY, "A");
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    /** An address of the documentation range no real client has, new for each call. */
    private static String madeUpAddress() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        String h = HexFormat.of().formatHex(b);
        return "2001:db8:" + h.substring(0, 4) + ":" + h.substring(4, 8) + ":" + h.substring(8, 12) + "::1";
    }

    private SignInOutcome attempt(String username, String password, String from, AddressThrottle throttle) {
        return signIn.signIn(username, password.toCharArray(), from, throttle).outcome();
    }

    private SignInOutcome attempt(String password, String from) {
        return attempt(user, password, from, LENIENT);
    }

    private List<AuditEntry> auditEntries(String actor, AuditAction action) {
        return runAs(Fixtures.AUDITOR, () -> audit.search(new AuditQuery(actor, action, null, null, null, null),
                PageRequest.of(0, 200))).items();
    }

    private void disable(String username) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("update account set enabled = false where username = ?")) {
            s.setString(1, username);
            assertEquals(1, s.executeUpdate());
        }
    }

    private void lock(String username) {
        String from = madeUpAddress();
        for (int i = 1; i <= 5; i++) {
            assertEquals(SignInOutcome.WRONG_PASSWORD, attempt(username, "wrong-password-" + i, from, LENIENT));
        }
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
        assertEquals(SignInOutcome.SIGNED_IN, attempt(Fixtures.PASSWORD, madeUpAddress()));
    }

    @Test
    void fiveFailures_lockTheAccount_forFifteenMinutes_andTheLockIsAudited() {
        String from = madeUpAddress();
        for (int i = 1; i <= 5; i++) {
            assertEquals(SignInOutcome.WRONG_PASSWORD, attempt("wrong-password-" + i, from), "failure " + i);
        }
        assertEquals(SignInOutcome.LOCKED, attempt(Fixtures.PASSWORD, from), "even the right password is refused");
        assertEquals(SignInOutcome.LOCKED, attempt(Fixtures.PASSWORD, madeUpAddress()), "from any address it does not know");
        List<AuditEntry> locks = auditEntries(user, AuditAction.ACCOUNT_LOCKED);
        assertEquals(1, locks.size());
        assertEquals(from, locks.get(0).getClientAddress(), "the address of the failure that locked it");

        TestClock.advance(Duration.ofMinutes(14));
        assertEquals(SignInOutcome.LOCKED, attempt(Fixtures.PASSWORD, from));
        TestClock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertEquals(SignInOutcome.SIGNED_IN, attempt(Fixtures.PASSWORD, from));
    }

    @Test
    void successfulSignIn_resetsTheFailureCount() {
        String from = madeUpAddress();
        for (int i = 1; i <= 4; i++) {
            attempt("wrong-password-" + i, from);
        }
        assertEquals(SignInOutcome.SIGNED_IN, attempt(Fixtures.PASSWORD, from));
        String elsewhere = madeUpAddress();
        for (int i = 1; i <= 4; i++) {
            assertEquals(SignInOutcome.WRONG_PASSWORD, attempt("wrong-again-" + i, elsewhere));
        }
        assertEquals(SignInOutcome.SIGNED_IN, attempt(Fixtures.PASSWORD, elsewhere), "four failures do not lock");
    }

    @Test
    void lockedAccount_stillSignsIn_fromItsKnownAddress() {
        String office = madeUpAddress();
        String stranger = madeUpAddress();
        assertEquals(SignInOutcome.SIGNED_IN, attempt(Fixtures.PASSWORD, office));
        for (int i = 1; i <= 5; i++) {
            attempt("guess-" + i, stranger);
        }
        assertEquals(SignInOutcome.LOCKED, attempt(Fixtures.PASSWORD, stranger));
        assertEquals(SignInOutcome.SIGNED_IN, attempt(Fixtures.PASSWORD, office), "the owner is not locked out");
        assertEquals(SignInOutcome.LOCKED, attempt(Fixtures.PASSWORD, stranger), "the lock still holds elsewhere");
        assertEquals(SignInOutcome.WRONG_PASSWORD, attempt("wrong-at-the-office", office),
                "from the known address the password decides");
        assertEquals(1, auditEntries(user, AuditAction.ACCOUNT_LOCKED).size());
    }

    @Test
    void unknownDisabledLockedAndWrongPassword_eachVerifyOnePassword_andAreRefused() throws Exception {
        String disabled = fixtures.staff(town, "disabled", Role.SOCIAL_WORKER, "A");
        disable(disabled);
        String locked = fixtures.staff(town, "locked", Role.COMMUNITY_CADRE, "A");
        lock(locked);
        String from = madeUpAddress();
        Map<String, SignInOutcome> expected = Map.of(
                "nobody-" + System.nanoTime(), SignInOutcome.UNKNOWN_ACCOUNT,
                disabled, SignInOutcome.DISABLED,
                locked, SignInOutcome.LOCKED,
                user, SignInOutcome.WRONG_PASSWORD);
        expected.forEach((name, reason) -> {
            String password = reason == SignInOutcome.WRONG_PASSWORD ? "not-the-password" : Fixtures.PASSWORD;
            long before = CountingPasswordHasher.verifications();
            SignInService.SignInResult r = signIn.signIn(name, password.toCharArray(), from, LENIENT);
            assertEquals(1, CountingPasswordHasher.verifications() - before, "one PBKDF2 verification for " + reason);
            assertEquals(reason, r.outcome());
            assertFalse(r.signedIn());
            assertEquals(null, r.role());
        });
    }

    @Test
    void address_afterItsFailures_isRefusedWithoutPasswordChecks_forOneWindow_andAudited() {
        String other = fixtures.staff(town, "other", Role.SOCIAL_WORKER, "A");
        String from = madeUpAddress();
        assertEquals(SignInOutcome.UNKNOWN_ACCOUNT, attempt("nobody-" + System.nanoTime(), "x", from, THREE_IN_TEN));
        assertEquals(SignInOutcome.WRONG_PASSWORD, attempt(user, "wrong-1", from, THREE_IN_TEN));
        assertEquals(SignInOutcome.WRONG_PASSWORD, attempt(other, "wrong-2", from, THREE_IN_TEN));

        long before = CountingPasswordHasher.verifications();
        assertEquals(SignInOutcome.ADDRESS_THROTTLED, attempt(user, Fixtures.PASSWORD, from, THREE_IN_TEN));
        assertEquals(SignInOutcome.ADDRESS_THROTTLED, attempt(other, Fixtures.PASSWORD, from, THREE_IN_TEN));
        assertEquals(0, CountingPasswordHasher.verifications() - before, "no password is checked while throttled");
        assertEquals(SignInOutcome.SIGNED_IN, attempt(user, Fixtures.PASSWORD, madeUpAddress(), THREE_IN_TEN),
                "other addresses are not affected");

        List<AuditEntry> throttled = auditEntries("-", AuditAction.ADDRESS_THROTTLED).stream()
                .filter(e -> from.equals(e.getClientAddress())).toList();
        assertEquals(1, throttled.size(), "one entry when the address became throttled");
        assertTrue(throttled.get(0).getDetail().contains(from), throttled.get(0).getDetail());

        TestClock.advance(Duration.ofMinutes(9));
        assertEquals(SignInOutcome.ADDRESS_THROTTLED, attempt(user, Fixtures.PASSWORD, from, THREE_IN_TEN));
        TestClock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertEquals(SignInOutcome.SIGNED_IN, attempt(user, Fixtures.PASSWORD, from, THREE_IN_TEN),
                "the throttle ends with its window");
    }

    @Test
    void strangerLockingTheAccount_fromManyAddresses_neverKeepsTheOwnerOut() {
        String office = madeUpAddress();
        assertEquals(SignInOutcome.SIGNED_IN, attempt(Fixtures.PASSWORD, office));
        for (int round = 0; round < 3; round++) {
            String stranger = madeUpAddress();
            for (int i = 1; i <= 5; i++) {
                attempt("guess-" + round + "-" + i, stranger);
            }
            assertEquals(SignInOutcome.LOCKED, attempt(Fixtures.PASSWORD, stranger), "round " + round);
            assertEquals(SignInOutcome.SIGNED_IN, attempt(Fixtures.PASSWORD, office), "round " + round);
            TestClock.advance(Duration.ofMinutes(16));
        }
        assertEquals(3, auditEntries(user, AuditAction.ACCOUNT_LOCKED).size());
    }

    // --- the same answer through the real page and API ---

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern NONCE = Pattern.compile("<script[^>]* nonce=\"([^\"]+)\"");
    private static final Pattern ERROR = Pattern.compile("class=\"ui-messages-error-(?:summary|detail)\">([^<]*)<");

    /** The answers of the page and the API to one attempt, with what may differ between attempts taken out. */
    /** What a refused attempt answers; the page body is kept for the failure message only (it holds a per-view nonce). */
    private record Answer(int pageStatus, List<String> pageMessages, int apiStatus, String apiBody,
                          String apiChallenge, String pageBody) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Answer a && pageStatus == a.pageStatus && pageMessages.equals(a.pageMessages)
                    && apiStatus == a.apiStatus && apiBody.equals(a.apiBody) && apiChallenge.equals(a.apiChallenge);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(pageStatus, pageMessages, apiStatus, apiBody, apiChallenge);
        }
    }

    private static String base() {
        HttpServletRequest runner = CDI.current().select(HttpServletRequest.class).get();
        return TestHttp.httpsFromInside(runner.getContextPath());
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().sslContext(TestHttp.tls()).cookieHandler(new CookieManager()).build();
    }

    /** Signs in on the page as a new session: the status of the answer and its error messages. */
    private static HttpResponse<String> page(String base, String username, String password)
            throws IOException, InterruptedException {
        HttpClient http = client();
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "login.xhtml"))
                .header("Accept-Language", "zh-CN").build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Matcher vs = VIEW_STATE.matcher(form.body());
        assertTrue(vs.find(), "the sign-in form has a view state");
        // The page's CSP nonce goes back with the form, as the page's script sends it (PrimeFaces checks it).
        Matcher nonce = NONCE.matcher(form.body());
        assertTrue(nonce.find(), "the sign-in page's scripts carry a nonce");
        Map<String, String> fields = Map.of("login", "login", "login:username", username, "login:password", password,
                "login:submit", "", "jakarta.faces.ViewState", vs.group(1).replace("&#58;", ":"),
                "primefaces.nonce", nonce.group(1));
        String encoded = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(base + "login.xhtml"))
                .header("Accept-Language", "zh-CN")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** One API request with Basic credentials and no session, as API clients call. */
    private static HttpResponse<String> api(String base, String username, String password)
            throws IOException, InterruptedException {
        return client().send(HttpRequest.newBuilder(URI.create(base + "api/residents"))
                .header("Accept", "application/json")
                .header("Accept-Language", "zh-CN")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (username + ":" + password).getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static Answer answer(String base, String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> page = page(base, username, password);
        List<String> messages = new ArrayList<>();
        Matcher m = ERROR.matcher(page.body());
        while (m.find()) {
            messages.add(m.group(1));
        }
        HttpResponse<String> api = api(base, username, password);
        return new Answer(page.statusCode(), messages, api.statusCode(), api.body(),
                api.headers().firstValue("WWW-Authenticate").orElse(""),
                page.body().length() > 1500 ? page.body().substring(0, 1500) : page.body());
    }

    /** Forgets the failures this test made from the server's own address, so the rest of the suite is never throttled. */
    private void forgetLoopbackFailures() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "delete from sign_in_address where client_address in ('127.0.0.1', '0:0:0:0:0:0:0:1', '::1')")) {
            s.executeUpdate();
        }
    }

    @Test
    void pageAndApi_answerUnknownDisabledLockedAndWrongPassword_alike() throws Exception {
        String disabled = fixtures.staff(town, "disabled", Role.SOCIAL_WORKER, "A");
        disable(disabled);
        String locked = fixtures.staff(town, "locked", Role.COMMUNITY_CADRE, "A");
        lock(locked);
        String base = base();
        try {
            long before = CountingPasswordHasher.verifications();
            Answer unknown = answer(base, "nobody-" + System.nanoTime(), Fixtures.PASSWORD);
            Answer off = answer(base, disabled, Fixtures.PASSWORD);
            Answer shut = answer(base, locked, Fixtures.PASSWORD);
            Answer wrong = answer(base, user, "not-the-password");
            assertEquals(8, CountingPasswordHasher.verifications() - before,
                    "one verification per attempt, page and API, whatever the account");

            assertEquals(List.of("用户名或密码错误，或账户暂时被锁定，请稍后再试。"),
                    unknown.pageMessages().stream().distinct().toList(), () -> "the one message of every refusal; the page answered "
                            + unknown.pageStatus() + ": " + unknown.pageBody());
            assertEquals(401, unknown.apiStatus());
            assertTrue(unknown.apiBody().contains("error.notSignedIn"), unknown.apiBody());
            assertEquals(unknown, off, "disabled answers as unknown");
            assertEquals(unknown, shut, "locked answers as unknown");
            assertEquals(unknown, wrong, "a wrong password answers as unknown");

            assertEquals(200, unknown.pageStatus(), "the form again, with the message");
            assertTrue(unknown.apiChallenge().startsWith("Basic"), unknown.toString());

            assertEquals(302, page(base, user, Fixtures.PASSWORD).statusCode(), "the right password is let in");
            // Past the sign-in there is no challenge. (Behind it, the resources of this test
            // deployment see callers only through runAs, so the status says nothing here.)
            HttpResponse<String> right = api(base, user, Fixtures.PASSWORD);
            assertEquals(Optional.empty(), right.headers().firstValue("WWW-Authenticate"), right.body());
        } finally {
            forgetLoopbackFailures();
        }
    }
}
