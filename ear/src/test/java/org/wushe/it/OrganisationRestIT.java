package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Community organisations through the REST API on the demo city: C001's three demo organisations
 * one per tier, registration and keeping an organisation with bad input refused field by field as
 * problem documents, the checklist, the masked leader and the audited full view, the overview and
 * the bureau's settings with their rights.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OrganisationRestIT {

    @ArquillianResource
    URL base;

    private HttpResponse<String> call(String user, String method, String path, String json) {
        return new ApiClient(base).call(user, method, path, json);
    }

    @Test
    void demoCommunity_hasOneOrganisationInEveryTier() {
        HttpResponse<String> r = call("secretary1", "GET", "organisations?community=C001", null);
        assertEquals(200, r.statusCode(), r.body());
        Map<String, String> tiers = ApiClient.array(r).stream().map(v -> v.asJsonObject())
                .collect(Collectors.toMap(o -> o.getString("name"), o -> o.getJsonObject("tier").getString("tier")));
        assertEquals("NASCENT", tiers.get("银龄手工坊"));
        assertEquals("GROWING", tiers.get("幸福邻里互助队"));
        assertEquals("MATURE", tiers.get("阳光公益服务社"));
        JsonObject growing = ApiClient.array(r).stream().map(v -> v.asJsonObject())
                .filter(o -> o.getString("name").equals("幸福邻里互助队")).findFirst().orElseThrow();
        assertEquals(Set.of("ACTIVITIES", "MEMBERS", "SELF_SHARE", "YEARS"), growing.getJsonObject("tier")
                .getJsonArray("holdingBack").stream().map(v -> v.asJsonObject().getString("criterion"))
                .collect(Collectors.toSet()), r.body());
        assertTrue(growing.getString("leaderName").contains("*"), "the leader is masked: " + growing);

        assertEquals(403, call("resident1", "GET", "organisations?community=C001", null).statusCode());
        assertEquals(403, call("social1", "GET", "organisations?community=C003", null).statusCode());
        HttpResponse<String> overview = call("street1", "GET", "organisations/overview", null);
        assertEquals(200, overview.statusCode(), overview.body());
        JsonObject c001 = ApiClient.array(overview).stream().map(v -> v.asJsonObject())
                .filter(o -> o.getString("communityCode").equals("C001")).findFirst().orElseThrow();
        assertTrue(c001.getInt("mature") >= 1 && c001.getInt("growing") >= 1 && c001.getInt("nascent") >= 1, c001.toString());
    }

    @Test
    void registerAndKeep_throughTheApi() {
        long tag = System.nanoTime() % 1_000_000;
        String name = "接口测试志愿队" + tag;
        HttpResponse<String> bad = call("social1", "POST", "organisations?community=C001",
                "{\"name\":\"\",\"type\":\"ALIENS\",\"foundedOn\":\"2026-13-01\",\"leaderResidentId\":null}");
        assertEquals(400, bad.statusCode(), bad.body());
        assertEquals(Set.of("foundedOn"), fields(bad), "the date is read before the service runs");
        bad = call("social1", "POST", "organisations?community=C001",
                "{\"name\":\"\",\"type\":\"ALIENS\",\"foundedOn\":\"2099-01-01\"}");
        assertEquals(400, bad.statusCode(), bad.body());
        assertEquals(Set.of("name", "type", "foundedOn", "leaderResidentId"), fields(bad));

        long leader = ApiClient.object(call("social1", "GET", "residents?community=C001&size=1&first=60", null))
                .getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        long member = ApiClient.object(call("social1", "GET", "residents?community=C001&size=1&first=61", null))
                .getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        LocalDate founded = LocalDate.now(Browser.SERVER_ZONE).minusMonths(3);
        JsonObject org = ApiClient.object(new ApiClient(base).created("social1", "organisations?community=C001",
                "{\"name\":\"" + name + "\",\"type\":\"CULTURE_SPORTS\",\"foundedOn\":\"" + founded
                        + "\",\"leaderResidentId\":" + leader + ",\"actorType\":\"VOLUNTEER_TEAM\"}"));
        long id = org.getJsonNumber("id").longValue();
        assertEquals("NASCENT", org.getJsonObject("tier").getString("tier"));
        assertTrue(org.getString("leaderName").contains("*"), org.toString());
        HttpResponse<String> taken = call("social1", "POST", "organisations?community=C001",
                "{\"name\":\"" + name + "\",\"type\":\"OTHER\",\"foundedOn\":\"" + founded + "\",\"leaderResidentId\":"
                        + leader + "}");
        assertEquals(400, taken.statusCode());
        assertTrue(ApiClient.object(taken).getJsonArray("errors").getJsonObject(0).toString().contains("name"));

        new ApiClient(base).created("social1", "organisations/" + id + "/members",
                "{\"residentId\":" + member + ",\"joinedOn\":\"" + founded.plusDays(1) + "\"}");
        HttpResponse<String> badActivity = call("social1", "POST", "organisations/" + id + "/activities",
                "{\"heldOn\":\"" + founded.minusDays(1) + "\",\"title\":\"\",\"participants\":5,\"satisfaction\":6}");
        assertEquals(400, badActivity.statusCode(), badActivity.body());
        assertEquals(Set.of("heldOn", "title", "satisfaction", "respondents"), fields(badActivity));
        new ApiClient(base).created("social1", "organisations/" + id + "/activities",
                "{\"heldOn\":\"" + founded.plusDays(10) + "\",\"title\":\"书法交流\",\"participants\":12,"
                        + "\"satisfaction\":4.5,\"respondents\":10}");
        HttpResponse<String> funds = call("social1", "PUT", "organisations/" + id + "/funding/" + founded.getYear(),
                "{\"selfRaisedFen\":50000,\"externalFen\":150000}");
        assertEquals(200, funds.statusCode(), funds.body());
        new ApiClient(base).created("social1", "organisations/" + id + "/recognitions",
                "{\"title\":\"社区优秀志愿团队\",\"awardedBy\":\"测试街道\",\"awardedOn\":\"" + founded.plusDays(20) + "\"}");

        HttpResponse<String> tick = call("social1", "POST", "organisations/" + id + "/checklist/2", null);
        assertEquals(200, tick.statusCode(), tick.body());
        HttpResponse<String> again = call("social1", "POST", "organisations/" + id + "/checklist/2", null);
        assertEquals(409, again.statusCode(), again.body());
        assertEquals("urn:wushe:problem:organisation.checklist.twice", ApiClient.object(again).getString("type"));

        JsonObject detail = ApiClient.object(call("cadre1", "GET", "organisations/" + id, null));
        assertEquals(2, detail.getJsonArray("members").size());
        assertEquals(1, detail.getJsonArray("activities").size());
        assertEquals(1, detail.getJsonArray("recognitions").size());
        assertEquals(25, detail.getJsonObject("tier").getInt("selfSharePercent"));
        assertTrue(detail.getJsonArray("checklist").stream().anyMatch(v -> v.asJsonObject().getJsonNumber("itemId")
                .longValue() == 2 && "social1".equals(v.asJsonObject().getString("tickedBy", null))), detail.toString());
        assertFalse(detail.getBoolean("revealed"));

        HttpResponse<String> full = call("social1", "POST", "organisations/" + id + "/reveal",
                "{\"purpose\":\"核对负责人身份\"}");
        assertEquals(200, full.statusCode(), full.body());
        assertTrue(ApiClient.object(full).getBoolean("revealed"));
        assertFalse(ApiClient.object(full).getString("leaderName").contains("*"));
        assertEquals(403, call("street1", "POST", "organisations/" + id + "/reveal",
                "{\"purpose\":\"核对负责人身份\"}").statusCode());
        assertEquals(403, call("street1", "POST", "organisations/" + id + "/activities", "{}").statusCode());
        assertEquals(403, call("secretary3", "GET", "organisations/" + id, null).statusCode());
    }

    @Test
    void settings_readByStaff_changedByTheBureauOnly() {
        HttpResponse<String> rules = call("social1", "GET", "organisations/settings/thresholds", null);
        assertEquals(200, rules.statusCode(), rules.body());
        assertEquals(2, ApiClient.array(rules).size());
        assertEquals(403, call("social1", "PUT", "organisations/settings/thresholds/GROWING",
                "{\"minActivities\":6,\"minMembers\":10,\"minSelfSharePercent\":10,\"minSatisfaction\":3.5,\"minYears\":1}")
                .statusCode());
        HttpResponse<String> bad = call("admin", "PUT", "organisations/settings/thresholds/GROWING",
                "{\"minActivities\":-1,\"minMembers\":10,\"minSelfSharePercent\":10,\"minSatisfaction\":3.5,\"minYears\":1}");
        assertEquals(400, bad.statusCode(), bad.body());
        assertEquals(Set.of("minActivities"), fields(bad));
        HttpResponse<String> items = call("admin", "GET", "organisations/settings/checklist", null);
        assertTrue(ApiClient.array(items).size() >= 12, items.body());
        HttpResponse<String> badItem = call("admin", "POST", "organisations/settings/checklist",
                "{\"tier\":\"LEGENDARY\",\"kind\":\"CAPACITY\",\"title\":\"\"}");
        assertEquals(400, badItem.statusCode(), badItem.body());
        assertEquals(Set.of("tier", "title"), fields(badItem));
    }

    private static Set<String> fields(HttpResponse<String> r) {
        return ApiClient.object(r).getJsonArray("errors").stream().map(v -> v.asJsonObject().getString("field"))
                .collect(Collectors.toSet());
    }
}
