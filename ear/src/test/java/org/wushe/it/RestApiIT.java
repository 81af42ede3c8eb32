package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The REST API as a client sees it, on the demo city: Basic sign-in, scope, masking, reveal with
 * purpose, and problem documents for refusals and bad input.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RestApiIT {

    @ArquillianResource
    URL base;

    private HttpResponse<String> call(String user, String method, String path, String json) {
        return new ApiClient(base).call(user, method, path, json);
    }

    private static JsonObject json(HttpResponse<String> r) {
        return ApiClient.object(r);
    }

    @Test
    void withoutSignIn_isUnauthorized_withProblemDocument() throws Exception {
        HttpResponse<String> r = call(null, "GET", "residents", null);
        assertEquals(401, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals("urn:wushe:problem:error.notSignedIn", json(r).getString("type"));
    }

    @Test
    void socialWorker_listsOwnCommunity_masked() throws Exception {
        HttpResponse<String> r = call("social1", "GET", "residents?community=C001&size=5", null);
        assertEquals(200, r.statusCode(), r.body());
        JsonObject page = json(r);
        assertEquals(200, page.getJsonNumber("total").longValue());
        JsonArray items = page.getJsonArray("items");
        assertEquals(5, items.size());
        String id = items.getJsonObject(0).getString("idNumber");
        assertTrue(id.matches("\\d\\*{16}[\\dX]"), id);
        assertTrue(items.getJsonObject(0).getString("phone").matches("1\\d{2}\\*{4}\\d{4}"));
    }

    @Test
    void socialWorker_cannotReachAnotherCommunity() throws Exception {
        long otherId = json(call("social2", "GET", "residents?size=1", null))
                .getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        HttpResponse<String> read = call("social1", "GET", "residents/" + otherId, null);
        assertEquals(403, read.statusCode());
        assertEquals("urn:wushe:problem:error.notInScope", json(read).getString("type"));
        assertFalse(json(read).getString("detail").isBlank());
        assertEquals(403, call("social1", "POST", "residents/" + otherId + "/reveal",
                "{\"purpose\":\"核对信息\"}").statusCode());
        HttpResponse<String> export = call("social1", "GET", "residents/export?community=C002", null);
        assertEquals(200, export.statusCode());
        assertEquals(1, export.body().strip().lines().count(), "only the header row: " + export.body());
        assertEquals(0, json(call("social1", "GET", "residents?community=C002", null))
                .getJsonNumber("total").longValue());
    }

    @Test
    void reveal_needsPurpose_thenShowsFullData() throws Exception {
        long id = json(call("social1", "GET", "residents?community=C001&size=1", null))
                .getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        HttpResponse<String> refused = call("social1", "POST", "residents/" + id + "/reveal", "{\"purpose\":\"\"}");
        assertEquals(400, refused.statusCode());
        assertEquals("purpose", json(refused).getJsonArray("errors").getJsonObject(0).getString("field"));
        HttpResponse<String> full = call("social1", "POST", "residents/" + id + "/reveal", "{\"purpose\":\"电话回访\"}");
        assertEquals(200, full.statusCode(), full.body());
        assertTrue(json(full).getString("idNumber").matches("\\d{17}[\\dX]"));
        assertTrue(json(full).getBoolean("revealed"));
    }

    @Test
    void badResident_isRefused_withOneErrorPerField_inChineseByDefault() throws Exception {
        String body = "{\"idNumber\":\"420106199001011235\",\"name\":\"测试\",\"gender\":\"女\","
                + "\"birthDate\":\"1990-13-01\",\"phone\":\"123\",\"gridCode\":\"C001-G01\"}";
        HttpResponse<String> r = call("social1", "POST", "residents", body);
        assertEquals(400, r.statusCode(), r.body());
        JsonArray errors = json(r).getJsonArray("errors");
        assertEquals("birthDate", errors.getJsonObject(0).getString("field"));
        assertEquals("resident.birthDate.format", errors.getJsonObject(0).getString("key"));
        assertTrue(errors.getJsonObject(0).getString("message").chars().anyMatch(c -> c > 0x4e00),
                "the message is Chinese: " + errors.getJsonObject(0).getString("message"));
        HttpResponse<String> malformed = call("social1", "POST", "residents", "{not json");
        assertEquals(400, malformed.statusCode(), malformed.body());
    }

    @Test
    void volunteer_signsUp_recordsHours_andTheSupervisorVerifies() throws Exception {
        JsonObject me = json(call("resident1", "GET", "me", null));
        long residentId = me.getJsonNumber("residentId").longValue();
        String code = "RESTCARE" + (System.nanoTime() % 100000);
        HttpResponse<String> position = call("social1", "POST", "communities/C001/positions",
                "{\"name\":\"探访独居老人\",\"type\":\"ELDERLY_VISITING\",\"supervisorUsername\":\"social1\","
                        + "\"requiredCertifications\":[\"" + code + "\"]}");
        assertEquals(201, position.statusCode(), position.body());
        long positionId = json(position).getJsonNumber("id").longValue();
        java.time.LocalDateTime start = java.time.LocalDateTime.now(Browser.SERVER_ZONE).plusDays(1).withNano(0);
        HttpResponse<String> shift = call("social1", "POST", "positions/" + positionId + "/shifts",
                "{\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start.plusHours(2) + "\",\"places\":2}");
        assertEquals(201, shift.statusCode(), shift.body());
        long shiftId = json(shift).getJsonNumber("id").longValue();

        HttpResponse<String> refused = call("resident1", "POST", "shifts/" + shiftId + "/signups", null);
        assertEquals(409, refused.statusCode());
        assertEquals("urn:wushe:problem:signup.certificationMissing", json(refused).getString("type"));
        assertTrue(json(refused).getString("detail").contains(code));

        assertEquals(201, call("social1", "POST", "volunteers/" + residentId + "/certifications",
                "{\"code\":\"" + code + "\",\"name\":\"助老服务\",\"expiresOn\":\""
                        + java.time.LocalDate.now(Browser.SERVER_ZONE).plusYears(1) + "\"}").statusCode());
        assertEquals(201, call("resident1", "POST", "shifts/" + shiftId + "/signups", null).statusCode());

        java.time.LocalDateTime served = java.time.LocalDateTime.now(Browser.SERVER_ZONE).minusHours(3).withNano(0);
        HttpResponse<String> badTime = call("resident1", "POST", "hours", "{\"positionId\":" + positionId
                + ",\"startedAt\":\"yesterday\",\"endedAt\":\"" + served + "\",\"description\":\"陪伴\"}");
        assertEquals(400, badTime.statusCode());
        assertEquals("startedAt", json(badTime).getJsonArray("errors").getJsonObject(0).getString("field"));
        HttpResponse<String> recorded = call("resident1", "POST", "hours", "{\"positionId\":" + positionId
                + ",\"startedAt\":\"" + served + "\",\"endedAt\":\"" + served.plusHours(1)
                + "\",\"description\":\"陪伴聊天\"}");
        assertEquals(201, recorded.statusCode(), recorded.body());
        long hoursId = json(recorded).getJsonNumber("id").longValue();
        HttpResponse<String> verified = call("social1", "POST", "hours/" + hoursId + "/verify", null);
        assertEquals(200, verified.statusCode(), verified.body());
        assertEquals("VERIFIED", json(verified).getString("status"));
        assertEquals(403, call("social2", "POST", "hours/" + hoursId + "/verify", null).statusCode(),
                "a worker of another community is out of scope");
    }

    @Test
    void aResidentReadsTheirOwnPoints_atMePoints_andABadKindIsRefused() throws Exception {
        // /me/points once answered 404 on every server: /me/... is matched to the class at "me".
        HttpResponse<String> mine = call("resident1", "GET", "me/points", null);
        assertEquals(200, mine.statusCode(), mine.body());
        assertTrue(json(mine).containsKey("balance"), mine.body());
        HttpResponse<String> bad = call("resident1", "GET", "me/points?kind=NOPE", null);
        assertEquals(400, bad.statusCode(), bad.body());
        assertEquals("kind", json(bad).getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void communities_areFilteredByScope() throws Exception {
        assertEquals(2, json(call("street1", "GET", "communities", null)).getJsonNumber("total").longValue());
        assertEquals(403, call("street1", "GET", "communities/C003", null).statusCode());
        assertEquals(5, Json.createReader(new StringReader(call("social1", "GET", "communities/C001/grid-cells", null)
                .body())).readArray().size());
    }
}
