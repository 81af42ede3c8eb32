package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The account administration over {@code /api}: create, list, change, disable and the four-eyes
 * flow as JSON; refusals as problem documents (400 per field, 403 for another administrator, 202
 * for a change that waits).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountRestIT {

    @ArquillianResource
    URL base;

    private HttpResponse<String> call(String user, String method, String path, String json) {
        return new ApiClient(base).call(user, method, path, json);
    }

    @Test
    void accounts_overTheApi_createListChange_andFourEyesOnAdministrators() {
        long tag = System.nanoTime() % 1_000_000;
        String worker = "rest.cadre" + tag;
        String created = new ApiClient(base).created("security", "accounts", "{\"username\":\"" + worker
                + "\",\"displayName\":\"接口 干部\",\"role\":\"COMMUNITY_CADRE\",\"communityCode\":\"C002\","
                + "\"password\":\"Rest-pass-2026\"}");
        assertEquals("C002", ApiClient.object(created).getJsonArray("scope").getString(0));
        JsonObject page = ApiClient.object(call("security", "GET", "accounts?q=" + worker, null));
        assertEquals(1, page.getInt("total"));

        HttpResponse<String> moved = call("security", "PUT", "accounts/" + worker + "/role",
                "{\"role\":\"SUB_DISTRICT_OFFICER\",\"subDistrictCodes\":[\"SD01\",\"SD02\"]}");
        assertEquals(200, moved.statusCode(), moved.body());
        assertEquals("SUB_DISTRICT_OFFICER", ApiClient.object(moved).getString("role"));
        HttpResponse<String> disabled = call("security", "POST", "accounts/" + worker + "/disable", null);
        assertEquals(200, disabled.statusCode(), disabled.body());
        assertEquals(false, ApiClient.object(disabled).getBoolean("enabled"));

        // bad input: one problem with an entry per field
        HttpResponse<String> bad = call("security", "POST", "accounts",
                "{\"username\":\"X\",\"displayName\":\"\",\"role\":\"KING\"}");
        assertEquals(400, bad.statusCode(), bad.body());
        assertEquals("role", ApiClient.object(bad).getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals("error.choice", ApiClient.object(bad).getJsonArray("errors").getJsonObject(0).getString("key"));

        // the system and audit administrators are refused
        assertEquals(403, call("admin", "GET", "accounts", null).statusCode());
        assertEquals(403, call("auditor", "POST", "accounts/" + worker + "/enable", null).statusCode());
        assertEquals(403, call("admin", "GET", "account-scopes/communities", null).statusCode());
        assertTrue(call("security", "GET", "account-scopes/communities", null).body().contains("C004"));

        // an audit administrator: 202 and a request, confirmed by security2 only
        String auditor = "rest.auditor" + tag;
        HttpResponse<String> requested = call("security", "POST", "accounts", "{\"username\":\"" + auditor
                + "\",\"displayName\":\"接口 审计\",\"role\":\"AUDIT_ADMIN\",\"password\":\"Rest-pass-2026\"}");
        assertEquals(202, requested.statusCode(), requested.body());
        long id = ApiClient.object(requested).getJsonNumber("id").longValue();
        assertEquals(404, call("security", "GET", "accounts/" + auditor, null).statusCode());
        HttpResponse<String> own = call("security", "POST", "account-changes/" + id + "/confirm", null);
        assertEquals(403, own.statusCode(), own.body());
        assertEquals("account.adminChange.ownRequest", ApiClient.object(own).getString("title"));
        assertTrue(call("security2", "GET", "account-changes", null).body().contains(auditor));
        HttpResponse<String> confirmed = call("security2", "POST", "account-changes/" + id + "/confirm", null);
        assertEquals(200, confirmed.statusCode(), confirmed.body());
        assertEquals("AUDIT_ADMIN", ApiClient.object(call("security", "GET", "accounts/" + auditor, null)).getString("role"));
    }
}
