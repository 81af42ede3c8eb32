package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Resource docking through the REST API on the demo city: the board with its overdue flag, a need's
 * loop with ranked suggestions and a refused overbooking, the ledger, the opportunity list and the
 * rotation order, and problem documents for bad input and scope.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DockingRestIT {

    @ArquillianResource
    URL base;

    private HttpResponse<String> call(String user, String method, String path, String json) {
        return new ApiClient(base).call(user, method, path, json);
    }

    private static JsonObject json(HttpResponse<String> r) {
        return ApiClient.object(r);
    }

    private static JsonArray array(HttpResponse<String> r) {
        return ApiClient.array(r);
    }

    private static String today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    }

    @Test
    void board_showsTheDemoLoop_andFlagsTheOverdueAction() throws Exception {
        HttpResponse<String> counts = call("social1", "GET", "communities/C001/needs/counts", null);
        assertEquals(200, counts.statusCode(), counts.body());
        assertTrue(json(counts).getJsonNumber("overdueActions").longValue() >= 1, counts.body());
        HttpResponse<String> overdue = call("social1", "GET", "communities/C001/needs?overdue=true", null);
        assertEquals(200, overdue.statusCode(), overdue.body());
        JsonObject row = json(overdue).getJsonArray("items").getJsonObject(0);
        assertTrue(row.getInt("overdueActions") >= 1);
        HttpResponse<String> closed = call("social1", "GET", "communities/C001/needs?status=CLOSED", null);
        assertTrue(json(closed).getJsonArray("items").stream()
                .anyMatch(v -> v.asJsonObject().getInt("satisfaction", 0) == 5), closed.body());
        HttpResponse<String> badFilter = call("social1", "GET", "communities/C001/needs?status=SOMEDAY", null);
        assertEquals(400, badFilter.statusCode());
        assertEquals("error.choice", json(badFilter).getJsonArray("errors").getJsonObject(0).getString("key"));
        assertEquals(403, call("social1", "GET", "communities/C003/needs", null).statusCode());
    }

    @Test
    void aNeedThroughTheApi_suggestionsMatchAndOverbooking() throws Exception {
        HttpResponse<String> bad = call("social1", "POST", "needs", "{\"gridCode\":\"C001-G04\",\"categoryCode\":\"\"}");
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(json(bad).getJsonArray("errors").stream().anyMatch(e -> e.asJsonObject().getString("field")
                .equals("title")), bad.body());

        HttpResponse<String> resource = call("social1", "POST", "communities/C001/resources",
                "{\"gridCode\":\"C001-G04\",\"sphere\":\"VOLUNTEER\",\"type\":\"SERVICE\",\"categoryCode\":\"CULTURE\","
                        + "\"name\":\"书法兴趣班\",\"providerName\":\"书法协会" + System.nanoTime() % 100000
                        + "\",\"capacity\":1}"); // a provider of its own, with no load from an earlier run
        assertEquals(201, resource.statusCode(), resource.body());
        long resourceId = json(resource).getJsonNumber("id").longValue();

        long[] needIds = new long[2];
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> n = call("social1", "POST", "needs", "{\"gridCode\":\"C001-G04\","
                    + "\"categoryCode\":\"CULTURE\",\"urgency\":\"LOW\",\"source\":\"DELIBERATION\","
                    + "\"title\":\"想学书法" + i + "\"}");
            assertEquals(201, n.statusCode(), n.body());
            needIds[i] = json(n).getJsonNumber("id").longValue();
            assertEquals(200, call("social1", "POST", "needs/" + needIds[i] + "/assessment",
                    "{\"findings\":\"老年人书法兴趣\",\"priority\":4}").statusCode());
        }
        HttpResponse<String> suggestions = call("social1", "GET", "needs/" + needIds[0] + "/suggestions", null);
        assertEquals(200, suggestions.statusCode(), suggestions.body());
        JsonObject best = array(suggestions).getJsonObject(0);
        assertEquals(resourceId, best.getJsonNumber("resourceId").longValue());
        assertEquals(100, best.getInt("score"));
        assertEquals("match.reason.category", best.getJsonArray("reasons").getJsonObject(0).getString("key"));

        String match = "{\"resourceId\":" + resourceId + ",\"quantity\":1,\"owner\":\"social1\",\"dueOn\":\""
                + today() + "\"}";
        assertEquals(201, call("social1", "POST", "needs/" + needIds[0] + "/matches", match).statusCode());
        HttpResponse<String> over = call("social1", "POST", "needs/" + needIds[1] + "/matches", match);
        assertEquals(409, over.statusCode(), over.body());
        assertEquals("urn:wushe:problem:resource.overbooked", json(over).getString("type"));
        assertTrue(json(over).getString("detail").contains("书法兴趣班"), over.body());

        HttpResponse<String> loop = call("social1", "GET", "needs/" + needIds[0], null);
        assertEquals("MATCHED", json(loop).getString("status"));
        assertEquals(1, json(loop).getJsonArray("actions").size());
        HttpResponse<String> early = call("social1", "POST", "needs/" + needIds[0] + "/closure",
                "{\"satisfaction\":5,\"comment\":\"好\",\"ratedBy\":\"本人\"}");
        assertEquals(409, early.statusCode());
        assertEquals("urn:wushe:problem:need.transition", json(early).getString("type"));
    }

    @Test
    void ledgerAndOpportunityList_inRotationOrder() throws Exception {
        HttpResponse<String> available = call("social1", "GET", "communities/C001/resources/available", null);
        assertEquals(200, available.statusCode(), available.body());
        assertTrue(array(available).stream().map(v -> v.asJsonObject().getString("sphere")).distinct().count() >= 4,
                available.body());
        HttpResponse<String> ledger = call("street1", "GET", "communities/C001/resources?available=true&size=5", null);
        assertEquals(200, ledger.statusCode(), ledger.body());
        assertTrue(json(ledger).getJsonNumber("total").longValue() >= 5);

        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        HttpResponse<String> list = call("secretary1", "GET", "communities/C001/opportunities/" + year, null);
        assertEquals(200, list.statusCode(), list.body());
        assertEquals("PUBLISHED", json(list).getString("status"));
        long item = json(list).getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        HttpResponse<String> applicants = call("secretary1", "GET", "opportunities/" + item + "/applicants", null);
        JsonArray order = array(applicants);
        assertTrue(order.size() >= 2, applicants.body());
        for (int i = 1; i < order.size(); i++) {
            JsonObject prev = order.getJsonObject(i - 1);
            JsonObject next = order.getJsonObject(i);
            assertTrue(prev.getBoolean("frequent") == next.getBoolean("frequent")
                    ? prev.getInt("recent") <= next.getInt("recent") : !prev.getBoolean("frequent"), applicants.body());
        }
        JsonObject first = order.getJsonObject(0);
        JsonObject lastOne = order.getJsonObject(order.size() - 1);
        assertTrue(lastOne.getInt("recent") > first.getInt("recent"), "the demo's regulars differ: " + applicants.body());
        long last = lastOne.getJsonNumber("applicationId").longValue();
        HttpResponse<String> refused = call("secretary1", "POST", "applications/" + last + "/selection", "{}");
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("rotation.override.reasonRequired",
                json(refused).getJsonArray("errors").getJsonObject(0).getString("key"));
        assertEquals(403, call("social1", "PUT", "communities/C001/rotation", "{\"window\":10,\"threshold\":3}")
                .statusCode(), "the rotation rule is the Party organisation's");
    }

    @Test
    void theBureauKeepsTheCategoryList() throws Exception {
        String body = "{\"nameZh\":\"心理疏导\",\"nameEn\":\"Counselling\",\"sortOrder\":95}";
        assertEquals(403, call("social1", "PUT", "need-categories/COUNSELLING", body).statusCode());
        HttpResponse<String> bad = call("admin", "PUT", "need-categories/9X", "{\"nameZh\":\"\"}");
        assertEquals(400, bad.statusCode(), bad.body());
        assertEquals(3, json(bad).getJsonArray("errors").size(), bad.body());
        HttpResponse<String> saved = call("admin", "PUT", "need-categories/COUNSELLING", body);
        assertEquals(200, saved.statusCode(), saved.body());
        assertTrue(array(call("social1", "GET", "need-categories", null)).stream()
                .anyMatch(v -> v.asJsonObject().getString("code").equals("COUNSELLING")));
        assertEquals(201, call("social1", "POST", "needs", "{\"gridCode\":\"C001-G03\",\"categoryCode\":\"COUNSELLING\","
                + "\"source\":\"HOME_VISIT\",\"title\":\"失独老人情绪低落\"}").statusCode());
        assertEquals(200, call("admin", "PUT", "need-categories/COUNSELLING",
                "{\"nameZh\":\"心理疏导\",\"nameEn\":\"Counselling\",\"sortOrder\":95,\"active\":false}").statusCode());
        HttpResponse<String> retired = call("social1", "POST", "needs", "{\"gridCode\":\"C001-G03\","
                + "\"categoryCode\":\"COUNSELLING\",\"source\":\"HOME_VISIT\",\"title\":\"再登记\"}");
        assertEquals(400, retired.statusCode());
        assertEquals("category.unknown", json(retired).getJsonArray("errors").getJsonObject(0).getString("key"));
    }
}
