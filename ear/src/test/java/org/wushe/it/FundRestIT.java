package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.it.support.FundFixtures;

/**
 * The micro-fund and projects through the REST API on the demo city: the demo's shares against the
 * limits, a project's lifecycle, a donation, an allocation that needs a justification under the
 * demo's soft floor, an expenditure with a base64 receipt waiting for a second person, its approval,
 * the balance holding, the ledger, photos by scope, and problem documents per bad field.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FundRestIT {

    @ArquillianResource
    URL base;

    private HttpResponse<String> call(String user, String method, String path, String json) {
        return new ApiClient(base).call(user, method, path, json);
    }

    private static JsonObject json(HttpResponse<String> r) {
        return ApiClient.object(r);
    }

    private static List<String> fields(HttpResponse<String> r) {
        return json(r).getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field") + ":" + e.asJsonObject().getString("key")).toList();
    }

    private void holds() {
        HttpResponse<String> b = call("social1", "GET", "fund/C001/balance", null);
        assertEquals(200, b.statusCode(), b.body());
        JsonObject o = json(b);
        assertTrue(o.getBoolean("holds"), b.body());
        assertEquals(o.getJsonNumber("donationsFen").longValue() - o.getJsonNumber("refundsFen").longValue()
                - o.getJsonNumber("expendituresFen").longValue(), o.getJsonNumber("balanceFen").longValue());
    }

    @Test
    void demoShares_showRenovationLowAndPublicityHigh_againstTheLimits() {
        HttpResponse<String> r = call("admin", "GET", "fund/C001/shares", null);
        assertEquals(200, r.statusCode(), r.body());
        JsonObject renovation = json(r).getJsonArray("rows").stream().map(v -> v.asJsonObject())
                .filter(o -> o.getString("categoryCode").equals("ELDER_RENOVATION")).findFirst().orElseThrow();
        assertTrue(renovation.getJsonArray("limits").getJsonObject(0).getBoolean("allocatedBroken"), r.body());
        JsonObject publicity = json(r).getJsonArray("rows").stream().map(v -> v.asJsonObject())
                .filter(o -> o.getString("categoryCode").equals("PUBLICITY")).findFirst().orElseThrow();
        assertTrue(publicity.getJsonNumber("allocatedBp").longValue() > 1500, r.body());
        assertEquals(200, call("admin", "GET", "fund/shares", null).statusCode());
        holds();
        // The resident donor of the demo stays anonymous to the sub-district; named donors appear publicly.
        HttpResponse<String> donations = call("street1", "GET", "fund/C001/donations", null);
        assertEquals(200, donations.statusCode(), donations.body());
        assertTrue(json(donations).getJsonArray("items").stream().anyMatch(v -> v.asJsonObject().getBoolean("anonymous")),
                donations.body());
        HttpResponse<String> pub = call("social1", "GET", "fund/C001/public", null);
        assertTrue(pub.body().contains("江城建设集团"), pub.body());
        // The demo enterprise's statement: its whole gift, followed to the projects funded from cash.
        HttpResponse<String> statement = call("social1", "GET", "fund/C001/donors/"
                + java.net.URLEncoder.encode("江城建设集团", java.nio.charset.StandardCharsets.UTF_8)
                + "/statement?from=2000-01-01&to=2100-12-31", null);
        assertEquals(200, statement.statusCode(), statement.body());
        assertEquals(10_000_000, json(statement).getJsonNumber("givenFen").longValue());
        assertTrue(json(statement).getJsonArray("projects").stream()
                .allMatch(v -> v.asJsonObject().getString("rule").equals("PROPORTIONAL")), statement.body());
        assertEquals(400, call("social1", "GET", "fund/C001/donors/x/statement?from=2026-02-01&to=2026-01-01", null)
                .statusCode());
        assertEquals(403, call("social1", "GET", "fund/C003/balance", null).statusCode());
        assertEquals(403, call("resident1", "GET", "fund/C001/balance", null).statusCode());
    }

    @Test
    void projectDonationAllocationExpenditure_throughTheApi() {
        long tag = System.nanoTime() % 1_000_000;
        HttpResponse<String> created = call("social1", "POST", "projects", "{\"communityCode\":\"C001\",\"title\":\"接口测试助餐"
                + tag + "\",\"goal\":\"为高龄老人提供助餐\",\"beneficiariesPlanned\":15,\"budget\":{\"ELDER_CARE\":500000},"
                + "\"milestones\":[{\"title\":\"首月助餐\",\"dueOn\":\"2099-01-31\"}]}");
        assertEquals(201, created.statusCode(), created.body());
        long projectId = json(created).getJsonNumber("id").longValue();
        assertEquals(403, call("social1", "POST", "projects/" + projectId + "/steps", "{\"action\":\"approve\"}").statusCode());
        assertEquals(200, call("social1", "POST", "projects/" + projectId + "/steps", "{\"action\":\"submit\"}").statusCode());
        assertEquals(200, call("secretary1", "POST", "projects/" + projectId + "/steps", "{\"action\":\"approve\"}").statusCode());
        HttpResponse<String> started = call("social1", "POST", "projects/" + projectId + "/steps", "{\"action\":\"start\"}");
        assertEquals("RUNNING", json(started).getString("stage"), started.body());

        HttpResponse<String> gift = call("cadre1", "POST", "fund/C001/donations", "{\"donorKind\":\"MERCHANT\","
                + "\"donorName\":\"接口测试超市" + tag + "\",\"amountFen\":1000000,\"receiptNo\":\"API-" + tag + "\","
                + "\"namedPublicly\":true}");
        assertEquals(201, gift.statusCode(), gift.body());
        holds();

        // The demo city's renovation floor (soft) is broken: money elsewhere needs a written justification.
        HttpResponse<String> noReason = call("cadre1", "POST", "fund/allocations", "{\"projectId\":" + projectId
                + ",\"categoryCode\":\"ELDER_CARE\",\"amountFen\":800000,\"source\":\"CASH\"}");
        assertEquals(400, noReason.statusCode(), noReason.body());
        assertTrue(fields(noReason).contains("justification:fund.limit.justificationRequired"), noReason.body());
        HttpResponse<String> allocated = call("cadre1", "POST", "fund/allocations", "{\"projectId\":" + projectId
                + ",\"categoryCode\":\"ELDER_CARE\",\"amountFen\":800000,\"source\":\"CASH\","
                + "\"justification\":\"冬季助餐需求集中，先行拨付\"}");
        assertEquals(201, allocated.statusCode(), allocated.body());
        holds();

        String receipt = Base64.getEncoder().encodeToString(FundFixtures.PNG);
        HttpResponse<String> big = call("cadre1", "POST", "fund/expenditures", "{\"projectId\":" + projectId
                + ",\"categoryCode\":\"ELDER_CARE\",\"amountFen\":600000,\"payee\":\"江城老年食堂\",\"purpose\":\"十二月助餐\","
                + "\"receiptName\":\"invoice.png\",\"receiptBase64\":\"" + receipt + "\",\"justification\":\"助餐刚需\"}");
        assertEquals(201, big.statusCode(), big.body());
        assertEquals("PENDING", json(big).getString("status"));
        long expenditureId = json(big).getJsonNumber("id").longValue();
        holds();
        HttpResponse<String> self = call("cadre1", "POST", "fund/expenditures/" + expenditureId + "/approve", null);
        assertEquals(403, self.statusCode(), self.body());
        assertEquals("fund.fourEyes.self", json(self).getString("title"), self.body());
        HttpResponse<String> approved = call("secretary1", "POST", "fund/expenditures/" + expenditureId + "/approve", null);
        assertEquals(200, approved.statusCode(), approved.body());
        assertEquals("BOOKED", json(approved).getString("status"));
        holds();
        HttpResponse<String> over = call("cadre1", "POST", "fund/expenditures", "{\"projectId\":" + projectId
                + ",\"categoryCode\":\"ELDER_CARE\",\"amountFen\":200001,\"payee\":\"江城老年食堂\",\"purpose\":\"超支\","
                + "\"receiptBase64\":\"" + receipt + "\",\"justification\":\"助餐刚需\"}");
        assertEquals(409, over.statusCode(), over.body());
        assertEquals("fund.expenditure.beyondBudget", json(over).getString("title"));

        HttpResponse<String> project = call("secretary1", "GET", "projects/" + projectId, null);
        JsonObject line = json(project).getJsonArray("budget").getJsonObject(0);
        assertEquals(800000, line.getJsonNumber("allocatedFen").longValue());
        assertEquals(600000, line.getJsonNumber("spentFen").longValue());
        assertEquals(200000, line.getJsonNumber("availableFen").longValue());
        long receiptId = json(project).getJsonArray("expenditures").getJsonObject(0).getJsonNumber("receiptFileId")
                .longValue();
        HttpResponse<String> file = call("secretary1", "GET", "fund/receipts/" + receiptId, null);
        assertEquals(200, file.statusCode());
        assertEquals("image/png", file.headers().firstValue("Content-Type").orElse(""));
        HttpResponse<String> ledger = call("social1", "GET", "fund/C001/ledger?size=5", null);
        assertEquals(200, ledger.statusCode());
        assertFalse(json(ledger).getJsonArray("items").isEmpty());

        HttpResponse<String> progress = call("social1", "POST", "projects/" + projectId + "/progress", "{\"body\":\"首周助餐完成\","
                + "\"photos\":[{\"name\":\"meal.png\",\"base64\":\"" + receipt + "\"}]}");
        assertEquals(201, progress.statusCode(), progress.body());
        long photoId = json(call("social1", "GET", "projects/" + projectId, null)).getJsonArray("progress").getJsonObject(0)
                .getJsonArray("photoIds").getJsonNumber(0).longValue();
        assertEquals(200, call("street1", "GET", "projects/photos/" + photoId, null).statusCode());
        assertEquals(403, call("social3", "GET", "projects/photos/" + photoId, null).statusCode());
    }

    @Test
    void badInput_isRefusedPerField_withProblemDocuments() {
        HttpResponse<String> donation = call("cadre1", "POST", "fund/C001/donations", "{\"donorKind\":\"ALIEN\","
                + "\"amountFen\":-5,\"donatedOn\":\"not-a-date\"}");
        assertEquals(400, donation.statusCode(), donation.body());
        assertTrue(fields(donation).contains("donatedOn:error.dateFormat"), donation.body());
        HttpResponse<String> donation2 = call("cadre1", "POST", "fund/C001/donations", "{\"donorKind\":\"ALIEN\","
                + "\"amountFen\":-5,\"restriction\":\"SOMETIMES\"}");
        assertTrue(fields(donation2).containsAll(List.of("donorKind:error.choice", "donorName:error.required",
                "amountFen:fund.amount.positive", "receiptNo:error.required", "restriction:error.choice")), donation2.body());
        HttpResponse<String> allocation = call("cadre1", "POST", "fund/allocations", "{\"categoryCode\":\"NOPE\"}");
        assertTrue(fields(allocation).containsAll(List.of("projectId:error.required", "categoryCode:fund.category.unknown",
                "amountFen:error.required")), allocation.body());
        HttpResponse<String> expenditure = call("cadre1", "POST", "fund/expenditures", "{\"receiptBase64\":\"R0lGODlh\"}");
        assertTrue(fields(expenditure).containsAll(List.of("projectId:error.required", "payee:error.required",
                "purpose:error.required", "receipt:fund.file.type")), expenditure.body());
        HttpResponse<String> project = call("social1", "POST", "projects", "{\"communityCode\":\"C001\",\"budget\":{}}");
        assertTrue(fields(project).containsAll(List.of("title:error.required", "goal:error.required",
                "beneficiariesPlanned:error.required", "budget:error.required")), project.body());
        HttpResponse<String> limit = call("admin", "PUT", "fund/limits/2026/PUBLICITY/SIDEWAYS", "{\"shareBp\":20000}");
        assertTrue(fields(limit).containsAll(List.of("bound:error.choice", "shareBp:fund.limit.share")), limit.body());
        assertEquals(403, call("social1", "PUT", "fund/limits/2026/PUBLICITY/MAX", "{\"shareBp\":1000}").statusCode());
        assertEquals(400, call("social1", "GET", "projects?community=C001&stage=SOMEDAY", null).statusCode());
    }
}
