package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.it.support.FailingEndpoints;

/**
 * The perimeter of the application as a browser or another system meets it: HTTPS only, the session
 * cookie's flags, a new session id at sign-in, the security headers on every kind of response, the
 * API that never rides on the page session and refuses cross-site forms, and the product's own
 * error pages (no stack trace, no server version, an incident number the server log carries).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecureTransportIT {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern SESSION_COOKIE = Pattern.compile("JSESSIONID=([^;]+)");

    @ArquillianResource
    URL base;

    private final HttpClient https = TestHttp.client();

    private String secure(String path) {
        return TestHttp.https(base) + path;
    }

    private HttpResponse<String> get(String url, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return https.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A page session signed in through the form, as a browser does it. */
    record FormSession(String cookieBefore, String cookieAfter, HttpResponse<String> answer) {
        String cookieHeader() {
            return "JSESSIONID=" + cookieAfter;
        }
    }

    private FormSession signInThroughForm(String user) throws Exception {
        HttpResponse<String> page = get(secure("login.xhtml"));
        assertEquals(200, page.statusCode());
        String before = sessionCookie(page).orElseThrow(() -> new AssertionError("no session on the sign-in page"));
        Matcher vs = VIEW_STATE.matcher(page.body());
        assertTrue(vs.find(), "the sign-in form carries its view state");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("login", "login");
        form.put("login:username", user);
        form.put("login:password", ApiClient.DEMO_PASSWORD);
        form.put("login:submit", "");
        form.put("jakarta.faces.ViewState", vs.group(1));
        HttpResponse<String> answer = https.send(HttpRequest.newBuilder(URI.create(secure("login.xhtml")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "JSESSIONID=" + before)
                .POST(HttpRequest.BodyPublishers.ofString(urlEncoded(form))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(302, answer.statusCode(), "a good sign-in redirects to the workstation");
        String after = sessionCookie(answer).orElseThrow(() -> new AssertionError("the sign-in set no new session id"));
        return new FormSession(before, after, answer);
    }

    @Test
    void plainHttp_isRedirectedToHttps() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base + "login.xhtml?next=%2Fresidents%2Flist.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() == 302 || r.statusCode() == 301, "status " + r.statusCode());
        String location = r.headers().firstValue("Location").orElse("");
        assertTrue(location.startsWith(TestHttp.https(base) + "login.xhtml"), location);
        assertTrue(location.contains("next=%2Fresidents%2Flist.xhtml"), "the address is kept: " + location);
        HttpResponse<String> api = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base + "api/me")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(api.statusCode() == 302 || api.statusCode() == 301, "the API is not served over HTTP: " + api.statusCode());
    }

    @Test
    void sessionCookie_isSecure_httpOnly_sameSiteStrict() throws Exception {
        HttpResponse<String> page = get(secure("login.xhtml"));
        String cookie = page.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + page.headers().map()));
        String flags = cookie.toLowerCase();
        assertTrue(flags.contains("; secure"), cookie);
        assertTrue(flags.contains("; httponly"), cookie);
        assertTrue(flags.contains("samesite=strict"), cookie);
    }

    @Test
    void signIn_changesTheSessionId() throws Exception {
        FormSession s = signInThroughForm("social1");
        assertNotEquals(s.cookieBefore(), s.cookieAfter(), "the id a visitor had before signing in is worthless");
        HttpResponse<String> home = get(secure("index.xhtml"), "Cookie", s.cookieHeader());
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("id=\"who\""), "signed in with the new id");
        HttpResponse<String> old = get(secure("index.xhtml"), "Cookie", "JSESSIONID=" + s.cookieBefore());
        assertEquals(302, old.statusCode(), "the old id is not signed in");
        assertTrue(old.headers().firstValue("Location").orElse("").contains("login.xhtml"));
    }

    @Test
    void everyKindOfResponse_carriesTheSecurityHeaders() throws Exception {
        FormSession s = signInThroughForm("social1");
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        answers.put("sign-in page", get(secure("login.xhtml")));
        answers.put("workstation page", get(secure("residents/list.xhtml"), "Cookie", s.cookieHeader()));
        answers.put("public page", get(secure("public/opportunities.xhtml?community=C001")));
        answers.put("API answer", get(secure("api/me"), "Authorization", basic("social1")));
        answers.put("download", get(secure("api/residents/export?community=C001"), "Authorization", basic("social1"),
                "Accept", "text/csv"));
        answers.put("error page", get(secure("no-such-page.xhtml"), "Cookie", s.cookieHeader()));
        Matcher css = Pattern.compile("href=\"([^\"]+\\.css[^\"]*)\"").matcher(answers.get("sign-in page").body());
        assertTrue(css.find(), "the sign-in page links a style sheet");
        answers.put("static resource", get(TestHttp.https(base).getProtocol() + "://" + TestHttp.https(base).getAuthority()
                + css.group(1).replace("&amp;", "&")));

        for (Map.Entry<String, HttpResponse<String>> e : answers.entrySet()) {
            String kind = e.getKey();
            HttpResponse<String> r = e.getValue();
            assertHeader(r, kind, "Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            assertHeader(r, kind, "X-Frame-Options", "DENY");
            assertHeader(r, kind, "X-Content-Type-Options", "nosniff");
            assertHeader(r, kind, "Referrer-Policy", "same-origin");
            List<String> csp = r.headers().allValues("Content-Security-Policy");
            assertEquals(1, csp.size(), kind + ": one policy, got " + csp);
            assertTrue(csp.get(0).contains("frame-ancestors 'none'"), kind + ": " + csp);
            assertTrue(csp.get(0).contains("object-src 'none'"), kind + ": " + csp);
            assertFalse(csp.get(0).matches(".*script-src[^;]*'unsafe-inline'.*"), kind + ": no inline scripts: " + csp);
            assertTrue(r.headers().firstValue("X-Powered-By").isEmpty(), kind + ": " + r.headers().firstValue("X-Powered-By"));
            r.headers().firstValue("Server").ifPresent(server ->
                    assertFalse(server.matches(".*\\d.*") || server.toLowerCase().contains("glassfish"),
                            kind + ": the server is not named: " + server));
            if (!kind.equals("static resource")) {
                assertHeader(r, kind, "Cache-Control", "no-store");
            }
        }
        for (String page : List.of("sign-in page", "workstation page", "public page")) {
            String csp = answers.get(page).headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.matches(".*script-src 'self' 'nonce-[^']+'.*"), page + ": scripts by nonce only: " + csp);
        }
        assertEquals(200, answers.get("workstation page").statusCode());
        assertEquals(200, answers.get("download").statusCode(), answers.get("download").body());
        assertEquals(404, answers.get("error page").statusCode());
        System.out.println("Security headers seen (for the record):");
        answers.forEach((kind, r) -> System.out.println("  " + kind + " " + r.statusCode() + ": "
                + r.headers().map().entrySet().stream()
                        .filter(h -> !h.getKey().equalsIgnoreCase("set-cookie") && !h.getKey().equalsIgnoreCase("date"))
                        .map(h -> h.getKey() + "=" + h.getValue()).collect(Collectors.joining("; "))));
    }

    @Test
    void api_neverRidesOnThePageSession() throws Exception {
        FormSession s = signInThroughForm("social1");
        HttpResponse<String> me = get(secure("api/me"), "Cookie", s.cookieHeader());
        assertEquals(401, me.statusCode(), "the page session is not an API credential: " + me.body());
        HttpResponse<String> post = https.send(HttpRequest.newBuilder(URI.create(secure("api/jobs/points-settle/executions")))
                .header("Cookie", s.cookieHeader()).header("X-Requested-With", "x")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, post.statusCode(), "a state-changing call with the session cookie only: " + post.body());
        HttpResponse<String> basic = get(secure("api/me"), "Authorization", basic("social1"));
        assertEquals(200, basic.statusCode());
        assertTrue(basic.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("JSESSIONID")),
                "the API creates no session: " + basic.headers().allValues("Set-Cookie"));
    }

    @Test
    void api_stateChangingCall_needsJsonBodyOrCustomHeader() throws Exception {
        for (String type : new String[] {null, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(secure("api/me")))
                    .header("Authorization", basic("social1"));
            if (type != null) {
                b.header("Content-Type", type);
            }
            HttpResponse<String> r = https.send(b.POST(type == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString("a=b")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, r.statusCode(), type + ": " + r.body());
            JsonObject problem = ApiClient.object(r);
            if (type != null && type.startsWith("multipart/")) {
                // refused earlier still: no multipart request reaches the API (UploadLimitFilter)
                assertEquals("urn:wushe:problem:upload.notPermitted", problem.getString("type"));
                continue;
            }
            assertEquals("urn:wushe:problem:error.crossSite", problem.getString("type"));
            assertTrue(problem.getString("detail").contains("X-Requested-With"), problem.toString());
        }
        // The same call as a real client sends it passes the filter (and meets the resource's own answer).
        HttpResponse<String> withHeader = new ApiClient(base).call("social1", "POST", "me", null);
        assertEquals(405, withHeader.statusCode(), withHeader.body());
        assertEquals("urn:wushe:problem:error.methodNotAllowed", ApiClient.object(withHeader).getString("type"));
        HttpResponse<String> json = https.send(HttpRequest.newBuilder(URI.create(secure("api/me")))
                .header("Authorization", basic("social1")).header("Content-Type", "application/json")
                .method("PUT", HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, json.statusCode(), "a JSON body passes: " + json.body());
    }

    @Test
    void api_unknownPathsAndWrongTypes_answerProblemDocuments() throws Exception {
        ApiClient api = new ApiClient(base);
        for (String path : List.of("residents/abc", "no-such-thing", "residents/12/no-such-part")) {
            HttpResponse<String> r = api.call("social1", "GET", path, null);
            assertEquals(404, r.statusCode(), path);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), path);
            assertEquals("urn:wushe:problem:error.noSuchResource", ApiClient.object(r).getString("type"), path);
        }
        HttpResponse<String> failed = api.call("social1", "GET", "test-failure", null);
        assertEquals(500, failed.statusCode());
        JsonObject problem = ApiClient.object(failed);
        assertEquals("urn:wushe:problem:error.internal", problem.getString("type"));
        assertFalse(failed.body().contains("secret-detail-42") || failed.body().contains("IllegalStateException"),
                "no exception text: " + failed.body());
        assertInServerLog(problem.getString("incident"));
    }

    @Test
    void pages_failWithTheProductsOwnErrorPages() throws Exception {
        FormSession s = signInThroughForm("social1");
        HttpResponse<String> missing = get(secure("no-such-page.xhtml"), "Cookie", s.cookieHeader());
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("页面不存在"), missing.body());
        assertNoServerDetails(missing);
        HttpResponse<String> english = get(secure("no-such-page.xhtml"), "Accept-Language", "en");
        assertTrue(english.statusCode() == 302 || english.body().contains("Page not found"), "unsigned: to the sign-in page");

        HttpResponse<String> failed = get(secure("test-failure"), "Cookie", s.cookieHeader());
        assertEquals(500, failed.statusCode());
        assertTrue(failed.body().contains("系统出错"), failed.body());
        assertNoServerDetails(failed);
        Matcher incident = Pattern.compile("id=\"incident\">([A-Z0-9-]+)<").matcher(failed.body());
        assertTrue(incident.find(), "an incident number on the page: " + failed.body());
        assertInServerLog(incident.group(1));

        HttpResponse<String> forbidden = get(secure("test-failure?status=403"), "Cookie", s.cookieHeader());
        assertEquals(403, forbidden.statusCode());
        assertTrue(forbidden.body().contains("无权访问"), forbidden.body());
        assertNoServerDetails(forbidden);
        HttpResponse<String> forbiddenEnglish = get(secure("test-failure?status=403"), "Accept-Language", "en");
        assertTrue(forbiddenEnglish.statusCode() == 302 || forbiddenEnglish.body().contains("Not allowed"),
                forbiddenEnglish.body());

        // A form posted with a view state the server no longer has: the expired-page message.
        HttpResponse<String> expired = https.send(HttpRequest.newBuilder(URI.create(secure("login.xhtml")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", s.cookieHeader())
                .POST(HttpRequest.BodyPublishers.ofString(urlEncoded(Map.of("login", "login", "login:username", "x",
                        "login:password", "y", "login:submit", "", "jakarta.faces.ViewState", "-123:456")))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(400, expired.statusCode(), expired.body());
        assertTrue(expired.body().contains("页面已过期"), expired.body());
        assertNoServerDetails(expired);
    }

    private static void assertNoServerDetails(HttpResponse<String> r) {
        String body = r.body();
        for (String leak : List.of("GlassFish", "Eclipse", "Exception", "at org.", "secret-detail-42", "Servlet/", "Mojarra")) {
            assertFalse(body.contains(leak), "the page shows \"" + leak + "\": " + body);
        }
    }

    private static void assertInServerLog(String incident) throws Exception {
        assertNotNull(incident);
        Path log = Path.of(System.getProperty("glassfish.home", "target/glassfish7"),
                "glassfish", "domains", "wushe-test", "logs", "server.log");
        for (int i = 0; i < 20; i++) {
            if (Files.readString(log, StandardCharsets.UTF_8).contains("Incident " + incident)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the server log does not name incident " + incident);
    }

    private static void assertHeader(HttpResponse<String> r, String kind, String name, String expected) {
        assertEquals(Optional.of(expected), r.headers().firstValue(name), kind + " (" + r.uri() + "): " + name);
    }

    private static Optional<String> sessionCookie(HttpResponse<?> r) {
        return r.headers().allValues("Set-Cookie").stream().map(SESSION_COOKIE::matcher)
                .filter(Matcher::find).map(m -> m.group(1)).findFirst();
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + ApiClient.DEMO_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String urlEncoded(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
