package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The password lifecycle and the second factor through the real API: an account whose password
 * was set by staff (or reset) gets 403 with a problem document on every call but the password
 * change, changes it (bad new passwords refused with the rule's message), and is let through; the
 * security administrator's reset answers a one-time password, refused for administrator accounts;
 * an administrator's request without the current code is refused. Also measures what the
 * remembered credentials save per API request.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountGatesIT {

    @ArquillianResource
    URL base;

    private ApiClient api() {
        return new ApiClient(base);
    }

    private static String type(HttpResponse<String> r) {
        return ApiClient.object(r).getString("type");
    }

    /** A new resident account opened by the demo social worker of C001, with the given password. */
    private String residentAccountOpenedByStaff(String password) {
        long residentId = ApiClient.object(api().call("social1", "GET", "residents?community=C001&size=1", null))
                .getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        String username = "res" + Long.toString(System.nanoTime(), 36);
        api().created("social1", "test-setup/resident-accounts", "{\"username\":\"" + username + "\",\"password\":\""
                + password + "\",\"residentId\":" + residentId + "}");
        return username;
    }

    @Test
    void anAccountOpenedByStaff_getsOnlyThePasswordChange_untilItChangesIt() {
        String user = residentAccountOpenedByStaff("Opened-by-staff-1");
        HttpResponse<String> blocked = api().call(user, "Opened-by-staff-1", "GET", "communities/C001/positions", null);
        assertEquals(403, blocked.statusCode(), blocked.body());
        assertEquals("urn:wushe:problem:password.mustChangeFirst", type(blocked));
        assertEquals(200, api().call(user, "Opened-by-staff-1", "GET", "me", null).statusCode(), "who am I still answers");

        HttpResponse<String> wrongOld = api().call(user, "Opened-by-staff-1", "PUT", "me/password",
                "{\"oldPassword\":\"not-the-one-1\",\"newPassword\":\"My-own-choice-26\"}");
        assertEquals(400, wrongOld.statusCode(), wrongOld.body());
        assertEquals("oldPassword", ApiClient.object(wrongOld).getJsonArray("errors").getJsonObject(0).getString("field"));
        HttpResponse<String> tooShort = api().call(user, "Opened-by-staff-1", "PUT", "me/password",
                "{\"oldPassword\":\"Opened-by-staff-1\",\"newPassword\":\"Sh0rt!\"}");
        assertEquals(400, tooShort.statusCode());
        JsonObject error = ApiClient.object(tooShort).getJsonArray("errors").getJsonObject(0);
        assertEquals("password.rule.length", error.getString("key"));
        assertTrue(error.getString("message").contains("10"), "names the least length: " + error.getString("message"));
        HttpResponse<String> fewKinds = api().call(user, "Opened-by-staff-1", "PUT", "me/password",
                "{\"oldPassword\":\"Opened-by-staff-1\",\"newPassword\":\"alllowercase\"}");
        assertTrue(ApiClient.object(fewKinds).getJsonArray("errors").getJsonObject(0).getString("message").contains("3"),
                fewKinds.body());

        HttpResponse<String> changed = api().call(user, "Opened-by-staff-1", "PUT", "me/password",
                "{\"oldPassword\":\"Opened-by-staff-1\",\"newPassword\":\"My-own-choice-26\"}");
        assertEquals(204, changed.statusCode(), changed.body());
        assertEquals(401, api().call(user, "Opened-by-staff-1", "GET", "me", null).statusCode(), "the old one is gone");
        HttpResponse<String> through = api().call(user, "My-own-choice-26", "GET", "communities/C001/positions", null);
        assertEquals(200, through.statusCode(), through.body());
    }

    @Test
    void theSecurityAdministratorsReset_answersAOneTimePassword_thatMustBeChanged_butNotForAdministrators() {
        String user = residentAccountOpenedByStaff("Opened-by-staff-2");
        assertEquals(204, api().call(user, "Opened-by-staff-2", "PUT", "me/password",
                "{\"oldPassword\":\"Opened-by-staff-2\",\"newPassword\":\"Before-reset-26\"}").statusCode());
        HttpResponse<String> reset = api().call("security", "POST", "accounts/" + user + "/password-reset", null);
        assertEquals(200, reset.statusCode(), reset.body());
        String once = ApiClient.object(reset).getString("password");
        assertEquals(401, api().call(user, "Before-reset-26", "GET", "me", null).statusCode());
        HttpResponse<String> blocked = api().call(user, once, "GET", "communities/C001/positions", null);
        assertEquals(403, blocked.statusCode());
        assertEquals("urn:wushe:problem:password.mustChangeFirst", type(blocked));

        HttpResponse<String> admin = api().call("security", "POST", "accounts/admin/password-reset", null);
        assertEquals(403, admin.statusCode(), admin.body());
        assertEquals("urn:wushe:problem:password.reset.needsSecondAdministrator", type(admin));
        assertTrue(ApiClient.object(admin).getString("detail").contains("另一名管理员"), admin.body());
        HttpResponse<String> notSecurity = api().call("social1", "POST", "accounts/" + user + "/password-reset", null);
        assertEquals(403, notSecurity.statusCode());
        assertEquals("urn:wushe:problem:error.notPermitted", type(notSecurity));
    }

    @Test
    void anAdministratorsRequest_withoutTheCurrentCode_isRefused() throws Exception {
        for (String otp : new String[] {null, "000000x", wrongCode()}) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(TestHttp.https(base) + "api/me"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            ("auditor:" + ApiClient.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)));
            if (otp != null) {
                b.header("X-Wushe-Otp", otp);
            }
            HttpResponse<String> r = TestHttp.client().send(b.build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, r.statusCode(), "code " + otp + ": " + r.body());
            assertEquals("urn:wushe:problem:signIn.secondFactor.required", type(r));
        }
        HttpResponse<String> withCode = api().call("auditor", "GET", "me", null);
        assertEquals(200, withCode.statusCode(), withCode.body());
        assertEquals(200, api().call("auditor", "GET", "me", null).statusCode(), "the same code again in its window");
    }

    private static String wrongCode() {
        String right = DemoTotp.current();
        return right.equals("123456") ? "654321" : "123456";
    }

    @Test
    void aRememberedCredential_answersFasterThanTheFirstVerification() {
        String user = residentAccountOpenedByStaff("Opened-by-staff-3");
        assertEquals(204, api().call(user, "Opened-by-staff-3", "PUT", "me/password",
                "{\"oldPassword\":\"Opened-by-staff-3\",\"newPassword\":\"Timed-choice-26\"}").statusCode());
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            long start = System.nanoTime();
            HttpResponse<String> r = api().call(user, "Timed-choice-26", "GET", "me", null);
            millis.add((System.nanoTime() - start) / 1_000_000);
            assertEquals(200, r.statusCode());
        }
        List<Long> later = new ArrayList<>(millis.subList(1, millis.size()));
        later.sort(Long::compare);
        long median = later.get(later.size() / 2);
        System.out.println("GET /api/me: first request (PBKDF2 verification) " + millis.get(0)
                + " ms, then median of 10 remembered " + median + " ms: " + millis);
        assertTrue(median < millis.get(0), "remembered " + median + " ms, first " + millis.get(0) + " ms");
    }
}
