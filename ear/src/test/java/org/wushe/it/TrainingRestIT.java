package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Courses, sessions and enrolments through the REST API on the demo city: the catalogue, a full
 * session and a level not met refused as problem documents, bad input refused field by field, and
 * the demo ladder.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TrainingRestIT {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @ArquillianResource
    URL base;

    private HttpResponse<String> call(String user, String method, String path, String json) {
        return new ApiClient(base).call(user, method, path, json);
    }

    @Test
    void enrolmentRules_throughTheApi() {
        HttpResponse<String> bad = call("social1", "POST", "communities/C001/courses",
                "{\"title\":\"\",\"targetGroup\":\"ALIENS\",\"requiredLevel\":7}");
        assertEquals(400, bad.statusCode(), bad.body());
        assertEquals(3, ApiClient.object(bad).getJsonArray("errors").size(), bad.body());

        long course = ApiClient.object(new ApiClient(base).created("social1", "communities/C001/courses",
                "{\"title\":\"接口测试课程\",\"targetGroup\":\"RESIDENT\",\"requiredLevel\":1,\"passMark\":60}"))
                .getJsonNumber("id").longValue();
        LocalDateTime start = LocalDateTime.now(Browser.SERVER_ZONE).plusDays(3).withHour(9).withMinute(0);
        long session = ApiClient.object(new ApiClient(base).created("social1", "courses/" + course + "/sessions",
                "{\"startsAt\":\"" + MINUTE.format(start) + "\",\"endsAt\":\"" + MINUTE.format(start.plusHours(2))
                        + "\",\"place\":\"活动室\",\"trainer\":\"王老师\",\"places\":1}"))
                .getJsonNumber("id").longValue();
        HttpResponse<String> mine = call("resident1", "POST", "sessions/" + session + "/enrolments", "{}");
        assertEquals(201, mine.statusCode(), mine.body());
        HttpResponse<String> twice = call("resident1", "POST", "sessions/" + session + "/enrolments", "{}");
        assertEquals(409, twice.statusCode());
        assertEquals("urn:wushe:problem:training.enrol.twice", ApiClient.object(twice).getString("type"));
        long other = ApiClient.object(call("social1", "GET", "residents?community=C001&size=1&first=100", null))
                .getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        HttpResponse<String> full = call("social1", "POST", "sessions/" + session + "/enrolments",
                "{\"residentId\":" + other + "}");
        assertEquals(409, full.statusCode(), full.body());
        assertEquals("urn:wushe:problem:training.session.full", ApiClient.object(full).getString("type"));
        assertEquals(1, ApiClient.array(call("social1", "GET", "sessions/" + session + "/trainees", null)).size());

        JsonObject advanced = ApiClient.array(call("social1", "GET", "communities/C001/courses", null)).stream()
                .map(v -> v.asJsonObject()).filter(c -> c.getInt("requiredLevel") == 2).findFirst().orElseThrow();
        long advancedSession = advanced.getJsonArray("sessions").getJsonObject(0).getJsonNumber("id").longValue();
        HttpResponse<String> level = call("social1", "POST", "sessions/" + advancedSession + "/enrolments",
                "{\"residentId\":" + other + "}");
        assertEquals(409, level.statusCode(), level.body());
        assertTrue(ApiClient.object(level).getString("detail").contains("2"), level.body());
        assertEquals(403, call("resident1", "POST", "communities/C001/courses", "{\"title\":\"x\"}").statusCode());
    }

    @Test
    void theDemoLadder_hasTwoMonths() {
        HttpResponse<String> r = call("secretary1", "GET", "communities/C001/ladder", null);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(ApiClient.object(r).getJsonArray("months").size() >= 2, r.body());
        assertEquals(403, call("social1", "GET", "communities/C003/ladder", null).statusCode());
    }
}
