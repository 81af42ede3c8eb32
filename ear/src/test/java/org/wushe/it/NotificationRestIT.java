package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The notifications API on the demo city: a referral's social worker finds it with its text and
 * link and marks it read; another user neither sees nor marks it (404); bad paging is refused with
 * a clear message; without credentials nothing is answered.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NotificationRestIT {

    @ArquillianResource
    URL base;

    private HttpResponse<String> call(String user, String method, String path, String json) {
        return new ApiClient(base).call(user, method, path, json);
    }

    private Optional<JsonObject> find(String user, String query, long referral) {
        HttpResponse<String> r = call(user, "GET", "notifications" + query, null);
        assertEquals(200, r.statusCode(), r.body());
        return ApiClient.object(r).getJsonArray("items").stream().map(v -> v.asJsonObject())
                .filter(o -> o.getString("recordType").equals("referral")
                        && o.getJsonNumber("recordId").longValue() == referral).findFirst();
    }

    @Test
    void theSocialWorker_findsAndMarksTheirNotification_andNobodyElseReachesIt() {
        long resident = ApiClient.object(call("grid1", "GET", "residents?community=C001&grid=C001-G01&size=1&first=14", null))
                .getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        long referral = ApiClient.object(new ApiClient(base).created("grid1", "referrals", "{\"residentId\":" + resident
                + ",\"socialWorker\":\"social1\",\"riskLevel\":\"LOW\",\"whatHappened\":\"消息接口测试：邻里纠纷需要调解\"}"))
                .getJsonNumber("id").longValue();

        JsonObject n = find("social1", "?unread=true", referral).orElseThrow();
        assertEquals("REFERRAL_ASSIGNED", n.getString("kind"));
        assertTrue(n.getString("text").startsWith("转介 " + referral + " 已交给您处理"), n.getString("text"));
        assertEquals("/casework/referrals.xhtml?id=" + referral, n.getString("link"));
        assertTrue(n.getBoolean("unread"));
        long id = n.getJsonNumber("id").longValue();

        assertFalse(find("social2", "", referral).isPresent(), "another social worker does not see it");
        assertFalse(find("grid1", "", referral).isPresent(), "nor does the grid worker who referred it");
        HttpResponse<String> notMine = call("social2", "POST", "notifications/" + id + "/read", null);
        assertEquals(404, notMine.statusCode(), notMine.body());
        assertTrue(find("social1", "?unread=true", referral).isPresent(), "a refused mark changes nothing");

        HttpResponse<String> read = call("social1", "POST", "notifications/" + id + "/read", null);
        assertEquals(200, read.statusCode(), read.body());
        assertFalse(ApiClient.object(read).getBoolean("unread"));
        assertFalse(find("social1", "?unread=true", referral).isPresent());
        assertTrue(find("social1", "?unread=false&page=0", referral).isPresent());
    }

    @Test
    void badPagingIsRefusedWithAClearMessage_andStrangersGetNothing() {
        HttpResponse<String> bad = call("social1", "GET", "notifications?unread=maybe&page=-1", null);
        assertEquals(400, bad.statusCode(), bad.body());
        JsonObject problem = ApiClient.object(bad);
        assertEquals(Set.of("unread", "page"), problem.getJsonArray("errors").stream()
                .map(v -> v.asJsonObject().getString("field")).collect(Collectors.toSet()));
        assertTrue(bad.body().contains("页码从 0 开始"), bad.body());
        assertEquals(400, call("social1", "GET", "notifications?page=x", null).statusCode());
        assertEquals(401, call(null, "GET", "notifications", null).statusCode());
        assertEquals(401, call(null, "POST", "notifications/read-all", null).statusCode());
        assertEquals(404, call("social1", "POST", "notifications/-5/read", null).statusCode());
    }
}
