package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Safe retry on the API (docs/api.md, "Safe retry"): a create sent twice with one
 * {@code Idempotency-Key}, one after the other or at the same moment, creates one record and
 * answers the same; the key with another body, a malformed key, and the same key of another account.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IdempotentApiIT {

    @ArquillianResource
    URL base;

    private HttpResponse<String> post(String user, String path, String json, String key) {
        return new ApiClient(base).callWith(user, "POST", path, json, key == null ? Map.of() : Map.of("Idempotency-Key", key));
    }

    private long needs() {
        HttpResponse<String> r = new ApiClient(base).call("social1", "GET", "communities/C001/needs?size=1", null);
        assertEquals(200, r.statusCode(), r.body());
        return ApiClient.object(r).getJsonNumber("total").longValue();
    }

    private static String need(String title) {
        return "{\"gridCode\":\"C001-G04\",\"categoryCode\":\"CULTURE\",\"urgency\":\"LOW\",\"source\":\"HOME_VISIT\","
                + "\"title\":\"" + title + "\"}";
    }

    private static long id(HttpResponse<String> r) {
        assertEquals(201, r.statusCode(), r.body());
        return ApiClient.object(r).getJsonNumber("id").longValue();
    }

    @Test
    void aCreateSentTwiceWithOneKey_createsOneNeed_andAnswersTheSameBothTimes() {
        long before = needs();
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = post("social1", "needs", need("重发测试一"), key);
        HttpResponse<String> again = post("social1", "needs", need("重发测试一"), key);
        assertEquals(id(first), id(again), "the same need");
        assertEquals(first.body(), again.body(), "the same answer");
        assertTrue(first.headers().firstValue("Idempotent-Replayed").isEmpty());
        assertEquals("true", again.headers().firstValue("Idempotent-Replayed").orElse(null));
        assertEquals(before + 1, needs(), "one need, not two");

        long other = id(post("social1", "needs", need("重发测试一"), UUID.randomUUID().toString()));
        assertNotEquals(id(first), other, "another key is another call");
        long without = id(post("social1", "needs", need("重发测试一"), null));
        assertNotEquals(other, without, "without a key every call creates");
        assertEquals(before + 3, needs());
    }

    @Test
    void aCreateSentFourTimesAtOnceWithOneKey_createsOneNeed() throws Exception {
        long before = needs();
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<HttpResponse<String>> call = () -> post("social1", "needs", need("并发重发"), key);
                sent.add(pool.submit(call));
            }
            Set<Long> ids = new HashSet<>();
            for (Future<HttpResponse<String>> f : sent) {
                ids.add(id(f.get()));
            }
            assertEquals(1, ids.size(), () -> "every answer names the one need: " + ids);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(before + 1, needs(), "one need, not four");
    }

    @Test
    void aRevealOfPersonalDataIsNeverKept_itsRetryIsAFreshRevealAuditedAgain() {
        HttpResponse<String> list = new ApiClient(base).call("social1", "GET", "residents?community=C001&size=1", null);
        long resident = ApiClient.object(list).getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> r = post("social1", "residents/" + resident + "/reveal", "{\"purpose\":\"电话回访\"}", key);
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(ApiClient.object(r).getBoolean("revealed"));
            assertTrue(r.headers().firstValue("Idempotent-Replayed").isEmpty(), "answered afresh, not from memory");
        }
    }

    @Test
    void theKeyWithAnotherBody_aMalformedKey_andAnotherAccountsKey() {
        String key = UUID.randomUUID().toString();
        long first = id(post("social1", "needs", need("键复用"), key));

        HttpResponse<String> otherBody = post("social1", "needs", need("键复用-改了标题"), key);
        assertEquals(422, otherBody.statusCode(), otherBody.body());
        JsonObject problem = ApiClient.object(otherBody);
        assertEquals("error.idempotencyKey.otherCall", problem.getString("title"));
        assertTrue(problem.getString("detail").contains("幂等键"), problem.getString("detail"));

        for (String bad : List.of("x".repeat(101), "", "a b")) {
            HttpResponse<String> refused = post("social1", "needs", need("坏键"), bad);
            assertEquals(400, refused.statusCode(), bad);
            assertEquals("error.idempotencyKey.format", ApiClient.object(refused).getString("title"));
        }

        // The key is social1's: the same key from the community's cadre is the cadre's own call.
        HttpResponse<String> theirs = post("cadre1", "needs", need("键复用"), key);
        assertNotEquals(first, id(theirs));
        assertNull(theirs.headers().firstValue("Idempotent-Replayed").orElse(null));
    }
}
