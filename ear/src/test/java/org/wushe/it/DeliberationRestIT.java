package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The deliberation zone through the REST API on the demo city: bad input refused field by field, the
 * workflow's refusals as problem documents (a service issue is not voted on, only the Party secretary
 * vetoes, a veto needs its reasons), a service decision published, and what a resident may read.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeliberationRestIT {

    @ArquillianResource
    URL base;

    private HttpResponse<String> call(String user, String method, String path, String json) {
        return new ApiClient(base).call(user, method, path, json);
    }

    private static Set<String> fields(HttpResponse<String> r) {
        return ApiClient.object(r).getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field")).collect(Collectors.toSet());
    }

    private static String type(HttpResponse<String> r) {
        return ApiClient.object(r).getString("type");
    }

    @Test
    void issuesProposalsVetoesAndDecisions_throughTheApi() {
        HttpResponse<String> bad = call("cadre1", "POST", "communities/C001/issues", "{\"nature\":\"URGENT\"}");
        assertEquals(400, bad.statusCode(), bad.body());
        assertEquals(Set.of("title", "description", "nature", "source"), fields(bad));

        long tag = System.nanoTime() % 1_000_000;
        JsonObject service = ApiClient.object(new ApiClient(base).created("cadre1", "communities/C001/issues",
                "{\"title\":\"接口测试：垃圾分类点位调整" + tag + "\",\"description\":\"居民反映异味\",\"nature\":\"SERVICE\","
                        + "\"source\":\"RESIDENT\",\"raisedByName\":\"3 栋居民\"}"));
        long serviceId = service.getJsonNumber("id").longValue();
        assertEquals("OPEN", service.getString("stage"));
        HttpResponse<String> vote = call("secretary1", "POST", "issues/" + serviceId + "/votes", "{\"meetingId\":1}");
        assertEquals(409, vote.statusCode(), vote.body());
        assertEquals("urn:wushe:problem:vote.serviceIssue", type(vote));
        HttpResponse<String> decided = call("social1", "POST", "issues/" + serviceId + "/decision",
                "{\"decision\":\"点位移至 3 栋北侧\",\"reasons\":\"远离住户窗户，便于清运\"}");
        assertEquals(201, decided.statusCode(), decided.body());
        assertTrue(call("resident1", "GET", "communities/C001/decisions", null).body().contains("点位移至 3 栋北侧"));

        long allocation = ApiClient.object(new ApiClient(base).created("cadre1", "communities/C001/issues",
                "{\"title\":\"接口测试：公共收益分配" + tag + "\",\"description\":\"电梯广告收益\",\"nature\":\"RESOURCE_ALLOCATION\","
                        + "\"source\":\"CADRE\"}")).getJsonNumber("id").longValue();
        HttpResponse<String> noCost = call("social1", "POST", "issues/" + allocation + "/proposals",
                "{\"title\":\"全部发放给业主\",\"body\":\"按户均分\"}");
        assertEquals(400, noCost.statusCode());
        assertEquals(Set.of("cost"), fields(noCost));
        long proposal = ApiClient.object(new ApiClient(base).created("social1", "issues/" + allocation + "/proposals",
                "{\"title\":\"全部发放给业主\",\"body\":\"按户均分\",\"costFen\":0}")).getJsonNumber("id").longValue();

        HttpResponse<String> bySocial = call("social1", "POST", "proposals/" + proposal + "/vetoes",
                "{\"ground\":\"UNFAIR_DISTRIBUTION\",\"reason\":\"未考虑租户和困难家庭\"}");
        assertEquals(403, bySocial.statusCode(), bySocial.body());
        assertEquals("urn:wushe:problem:veto.secretaryOnly", type(bySocial));
        HttpResponse<String> byOther = call("secretary2", "POST", "proposals/" + proposal + "/vetoes",
                "{\"ground\":\"UNFAIR_DISTRIBUTION\",\"reason\":\"未考虑租户和困难家庭\"}");
        assertEquals(403, byOther.statusCode(), byOther.body());
        HttpResponse<String> noReason = call("secretary1", "POST", "proposals/" + proposal + "/vetoes", "{}");
        assertEquals(400, noReason.statusCode());
        assertEquals(Set.of("ground", "reason"), fields(noReason));
        HttpResponse<String> veto = call("secretary1", "POST", "proposals/" + proposal + "/vetoes",
                "{\"ground\":\"UNFAIR_DISTRIBUTION\",\"reason\":\"未考虑租户和困难家庭\"}");
        assertEquals(201, veto.statusCode(), veto.body());
        JsonObject issue = ApiClient.object(call("resident1", "GET", "issues/" + allocation, null));
        assertEquals("VETOED", issue.getJsonArray("proposals").getJsonObject(0).getString("status"));
        assertEquals("未考虑租户和困难家庭", issue.getJsonArray("proposals").getJsonObject(0).getJsonArray("vetoes")
                .getJsonObject(0).getString("reason"));
        HttpResponse<String> revised = call("social1", "POST", "proposals/" + proposal + "/revision",
                "{\"title\":\"收益进入社区微基金\",\"body\":\"用于适老化改造\",\"costFen\":0}");
        assertEquals(200, revised.statusCode(), revised.body());
        assertEquals(2, ApiClient.object(revised).getInt("revision"));

        assertEquals(403, call("resident1", "POST", "issues/" + allocation + "/votes", "{}").statusCode());
        assertEquals(200, call("resident1", "GET", "communities/C001/issues?nature=RESOURCE_ALLOCATION", null).statusCode());
        assertEquals(403, call("secretary2", "GET", "issues/" + allocation, null).statusCode());
        JsonObject rules = ApiClient.object(call("cadre1", "GET", "communities/C001/vote-rules", null));
        assertTrue(rules.containsKey("quorum") && rules.containsKey("majority"), rules.toString());
        assertTrue(call("street1", "GET", "communities/C001/reviews", null).body().contains("nextDue"));
    }
}
