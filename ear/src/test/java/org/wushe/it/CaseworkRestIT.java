package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Patrols, referrals and the tasks of joint handling plans through the REST API on the demo city:
 * bad input refused field by field, a joint patrol joined once, a referral returned with its
 * history and no way to delete it, the Party secretary's overdue tasks, and the refusals of roles
 * that may not act.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CaseworkRestIT {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @ArquillianResource
    URL base;

    private HttpResponse<String> call(String user, String method, String path, String json) {
        return new ApiClient(base).call(user, method, path, json);
    }

    private static Set<String> fields(HttpResponse<String> r) {
        return ApiClient.object(r).getJsonArray("errors").stream().map(v -> v.asJsonObject().getString("field"))
                .collect(Collectors.toSet());
    }

    @Test
    void patrols_badInputRefusedPerField_joinedOnce_andListed() {
        HttpResponse<String> bad = call("grid1", "POST", "patrols", "{\"gridCode\":\"C002-G09\",\"householdsVisited\":-3}");
        assertEquals(400, bad.statusCode(), bad.body());
        assertEquals(Set.of("gridCode", "startedAt", "endedAt", "householdsVisited"), fields(bad));
        HttpResponse<String> badTime = call("grid1", "POST", "patrols", "{\"gridCode\":\"C001-G01\",\"startedAt\":\"yesterday\"}");
        assertEquals(400, badTime.statusCode());
        assertEquals(Set.of("startedAt"), fields(badTime));

        LocalDateTime end = LocalDateTime.now(Browser.SERVER_ZONE).minusMinutes(10);
        long patrol = ApiClient.object(new ApiClient(base).created("grid1", "patrols", "{\"gridCode\":\"C001-G02\","
                + "\"startedAt\":\"" + MINUTE.format(end.minusHours(2)) + "\",\"endedAt\":\"" + MINUTE.format(end)
                + "\",\"householdsVisited\":9,\"findings\":\"接口测试巡查\"}")).getJsonNumber("id").longValue();
        HttpResponse<String> joined = call("social1", "POST", "patrols/" + patrol + "/join", null);
        assertEquals(200, joined.statusCode(), joined.body());
        assertTrue(ApiClient.object(joined).getBoolean("joint"));
        HttpResponse<String> twice = call("supervisor1", "POST", "patrols/" + patrol + "/join", null);
        assertEquals(409, twice.statusCode());
        assertEquals("urn:wushe:problem:patrol.joined", ApiClient.object(twice).getString("type"));
        assertEquals(403, call("cadre1", "POST", "patrols/" + patrol + "/join", null).statusCode());
        assertEquals(403, call("social2", "POST", "patrols", "{}").statusCode());
        assertTrue(ApiClient.object(call("secretary1", "GET", "communities/C001/patrols?size=200", null))
                .getJsonArray("items").stream().anyMatch(v -> v.asJsonObject().getJsonNumber("id").longValue() == patrol));
        assertEquals(403, call("secretary2", "GET", "communities/C001/patrols", null).statusCode());
    }

    @Test
    void referral_returnedWithItsHistory_andNeverDeleted() {
        long resident = ApiClient.object(call("grid1", "GET", "residents?community=C001&grid=C001-G01&size=1&first=5", null))
                .getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        HttpResponse<String> bad = call("grid1", "POST", "referrals", "{\"riskLevel\":\"SEVERE\",\"socialWorker\":\"social2\"}");
        assertEquals(400, bad.statusCode(), bad.body());
        assertEquals(Set.of("residentId", "socialWorker", "riskLevel", "whatHappened"), fields(bad));

        JsonObject sent = ApiClient.object(new ApiClient(base).created("grid1", "referrals", "{\"residentId\":" + resident
                + ",\"socialWorker\":\"social1\",\"riskLevel\":\"HIGH\",\"whatHappened\":\"接口测试：老人摔倒后独自在家\","
                + "\"evidence\":\"邻居电话\",\"alreadyTried\":\"已通知家属\"}"));
        long id = sent.getJsonNumber("id").longValue();
        assertEquals("PENDING", sent.getString("status"));
        assertEquals("social1", sent.getString("owner"));
        assertEquals(403, call("cadre1", "POST", "referrals", "{}").statusCode());
        HttpResponse<String> noReason = call("social1", "POST", "referrals/" + id + "/return", "{\"reason\":\"\"}");
        assertEquals(400, noReason.statusCode());
        assertEquals(Set.of("reason"), fields(noReason));
        HttpResponse<String> notMine = call("supervisor1", "POST", "referrals/" + id + "/acceptance", "{}");
        assertEquals(403, notMine.statusCode());
        HttpResponse<String> back = call("social1", "POST", "referrals/" + id + "/return", "{\"reason\":\"请补充家属联系方式\"}");
        assertEquals(200, back.statusCode(), back.body());
        assertEquals("grid1", ApiClient.object(back).getString("owner"));
        assertEquals(405, call("grid1", "DELETE", "referrals/" + id, null).statusCode());
        assertEquals(405, call("admin", "DELETE", "referrals/" + id, null).statusCode());
        assertEquals(2, ApiClient.array(call("grid1", "GET", "referrals/" + id + "/history", null)).size());
        assertTrue(ApiClient.object(call("grid1", "GET", "referrals/outbox?size=200", null)).getJsonArray("items").stream()
                .anyMatch(v -> v.asJsonObject().getJsonNumber("id").longValue() == id));
        HttpResponse<String> withdrawn = call("grid1", "POST", "referrals/" + id + "/withdrawal", "{\"reason\":\"家属已送医\"}");
        assertEquals("WITHDRAWN", ApiClient.object(withdrawn).getString("status"));
        assertEquals("WITHDRAWN", ApiClient.object(call("secretary1", "GET", "referrals/" + id, null)).getString("status"));
    }

    @Test
    void deadlinesAndDepartments_areSetByTheBureauAndTheCommunity() {
        assertEquals(24, ApiClient.object(call("admin", "GET", "casework-settings", null)).getInt("highRiskHours"));
        assertEquals(403, call("secretary3", "PUT", "casework-settings", "{\"highRiskHours\":1,\"mediumRiskHours\":1,"
                + "\"lowRiskHours\":1,\"stubbornAfterDays\":1}").statusCode());
        HttpResponse<String> bad = call("secretary3", "PUT", "communities/C003/casework-settings",
                "{\"highRiskHours\":0,\"lowRiskHours\":1000,\"stubbornAfterDays\":30}");
        assertEquals(400, bad.statusCode(), bad.body());
        assertEquals(Set.of("highRiskHours", "mediumRiskHours", "lowRiskHours"), fields(bad));
        HttpResponse<String> own = call("secretary3", "PUT", "communities/C003/casework-settings",
                "{\"highRiskHours\":24,\"mediumRiskHours\":72,\"lowRiskHours\":72,\"stubbornAfterDays\":180}");
        assertEquals(200, own.statusCode(), own.body());
        assertTrue(ApiClient.object(own).getBoolean("own"));
        assertEquals(403, call("secretary3", "PUT", "communities/C004/casework-settings", "{}").statusCode());
        assertEquals(403, call("social3", "PUT", "communities/C003/casework-settings", "{}").statusCode());
        HttpResponse<String> dept = call("admin", "PUT", "joint-departments/EDUCATION",
                "{\"nameZh\":\"教育局\",\"nameEn\":\"Education\",\"sortOrder\":50}");
        assertEquals(200, dept.statusCode(), dept.body());
        assertTrue(ApiClient.array(call("grid1", "GET", "joint-departments", null)).stream()
                .anyMatch(v -> v.asJsonObject().getString("code").equals("EDUCATION")));
        assertEquals(403, call("secretary1", "PUT", "joint-departments/SCHOOL", "{\"nameZh\":\"学校\",\"nameEn\":\"School\"}")
                .statusCode());
    }

    @Test
    void planTasks_overdueOnTheSecretarysBoard_andOnlyTheSecretaryClosesThem() {
        HttpResponse<String> overdue = call("secretary1", "GET", "communities/C001/meeting-tasks/overdue", null);
        assertEquals(200, overdue.statusCode(), overdue.body());
        JsonObject task = ApiClient.array(overdue).getJsonObject(0);
        assertTrue(task.getBoolean("overdue"));
        long meeting = task.getJsonNumber("meetingId").longValue();
        assertTrue(ApiClient.array(call("secretary1", "GET", "joint-meetings/" + meeting + "/tasks", null)).size() >= 2);
        assertEquals(403, call("social1", "POST", "meeting-tasks/" + task.getJsonNumber("id") + "/completion", "{}").statusCode());
        assertEquals(403, call("grid1", "GET", "communities/C001/meeting-tasks/overdue", null).statusCode());
        assertEquals(403, call("secretary2", "GET", "joint-meetings/" + meeting + "/tasks", null).statusCode());
        assertEquals(404, call("secretary1", "GET", "cases/1", null).statusCode(), "no API for case records");
    }
}
