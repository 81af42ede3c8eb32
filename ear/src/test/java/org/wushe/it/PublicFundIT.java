package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.it.support.FundFixtures;

/**
 * The public fund page over HTTP without sign-in, on community C003 of the demo city: it shows the
 * totals (as the ledger's public figures say), the project with its progress photo and the donor who
 * agreed to be named; never the anonymous donor's name, an ID number or a receipt. The public photo
 * endpoint serves the progress photo and refuses a receipt's id and the photo asked for under
 * another community. An unknown community answers a page with a message. The donor report over REST
 * answers a PDF to the community's cadre and refuses another community's cadre and bad periods.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PublicFundIT {

    @ArquillianResource
    URL base;

    private final HttpClient http = TestHttp.client();

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(TestHttp.https(base) + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String yuan(long fen) {
        return String.format("%,d.%02d", fen / 100, fen % 100);
    }

    @Test
    void publicPage_showsTotalsAndNamedDonors_withoutPersonalDataOrReceipts() throws Exception {
        ApiClient api = new ApiClient(base);
        long tag = System.nanoTime() % 1_000_000;
        String title = "公开楼道扶手" + tag;
        String named = "江城公益企业" + tag;
        String hidden = "不具名商户" + tag;
        long project = ApiClient.object(api.created("social3", "projects", "{\"communityCode\":\"C003\",\"title\":\"" + title
                + "\",\"goal\":\"为老旧楼道安装扶手\",\"beneficiariesPlanned\":12,"
                + "\"budget\":{\"ELDER_RENOVATION\":300000}}")).getJsonNumber("id").longValue();
        assertEquals(200, api.call("social3", "POST", "projects/" + project + "/steps", "{\"action\":\"submit\"}").statusCode());
        assertEquals(200, api.call("secretary3", "POST", "projects/" + project + "/steps", "{\"action\":\"approve\"}").statusCode());
        assertEquals(200, api.call("social3", "POST", "projects/" + project + "/steps", "{\"action\":\"start\"}").statusCode());
        api.created("cadre3", "fund/C003/donations", "{\"donorKind\":\"ENTERPRISE\",\"donorName\":\""
                + named + "\",\"amountFen\":200000,\"receiptNo\":\"PUB-" + tag + "-1\",\"restriction\":\"NONE\",\"namedPublicly\":true}");
        api.created("cadre3", "fund/C003/donations", "{\"donorKind\":\"MERCHANT\",\"donorName\":\""
                + hidden + "\",\"amountFen\":100000,\"receiptNo\":\"PUB-" + tag + "-2\",\"restriction\":\"NONE\",\"namedPublicly\":false}");
        api.created("cadre3", "fund/allocations", "{\"projectId\":" + project
                + ",\"categoryCode\":\"ELDER_RENOVATION\",\"amountFen\":250000,\"source\":\"CASH\"}");
        String receipt = Base64.getEncoder().encodeToString(FundFixtures.PNG);
        api.created("cadre3", "fund/expenditures", "{\"projectId\":" + project + ",\"categoryCode\":\"ELDER_RENOVATION\","
                + "\"amountFen\":80000,\"payee\":\"江城五金店\",\"purpose\":\"扶手材料\",\"receiptName\":\"receipt.png\","
                + "\"receiptBase64\":\"" + receipt + "\"}");
        String photo = Base64.getEncoder().encodeToString(DonorReportIT.photo());
        api.created("social3", "projects/" + project + "/progress", "{\"body\":\"三栋楼道扶手已装好" + tag
                + "\",\"photos\":[{\"name\":\"rail.png\",\"base64\":\"" + photo + "\"}]}");
        JsonArray spent = ApiClient.array(api.call("cadre3", "GET", "fund/C003/expenditures?project=" + project, null));
        long receiptId = spent.getJsonObject(0).getJsonNumber("receiptFileId").longValue();
        JsonObject view = ApiClient.object(api.call("social3", "GET", "projects/" + project, null));
        long photoId = view.getJsonArray("progress").getJsonObject(0).getJsonArray("photoIds").getJsonNumber(0).longValue();
        JsonObject figures = ApiClient.object(api.call("cadre3", "GET", "fund/C003/public", null));

        HttpResponse<byte[]> page = get("public/fund.xhtml?community=C003");
        assertEquals(200, page.statusCode());
        String html = new String(page.body(), StandardCharsets.UTF_8);
        assertFalse(html.contains("j_username") || html.contains("id=\"login"), "no sign-in asked");
        assertTrue(html.contains(title), "the project");
        assertTrue(html.contains("三栋楼道扶手已装好" + tag), "its progress");
        assertTrue(html.contains("public/fund/photo?community=C003&amp;id=" + photoId), "its photo");
        assertTrue(html.contains(named), "the donor who agreed to be named");
        assertFalse(html.contains(hidden), "never the anonymous donor's name");
        assertFalse(html.contains("PUB-" + tag), "no receipt numbers");
        assertFalse(html.contains("fund/file"), "no receipt or invoice files");
        // (the view state's random numbers aside)
        assertFalse(html.replaceAll("<input[^>]*ViewState[^>]*>", "").matches("(?s).*\\b\\d{17}[0-9X]\\b.*"),
                "no ID numbers");
        for (String total : new String[] {"donationsFen", "allocatedFen", "spentFen", "balanceFen", "anonymousFen"}) {
            String shown = yuan(figures.getJsonNumber(total).longValue());
            assertTrue(html.contains(shown), () -> total + " shown as " + shown);
        }

        HttpResponse<byte[]> image = get("public/fund/photo?community=C003&id=" + photoId);
        assertEquals(200, image.statusCode());
        assertEquals("image/png", image.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals(404, get("public/fund/photo?community=C003&id=" + receiptId).statusCode(), "a receipt is never served");
        assertEquals(404, get("public/fund/photo?community=C001&id=" + photoId).statusCode(),
                "another community's photo is not served under this community");
        assertEquals(400, get("public/fund/photo?community=C003&id=x").statusCode());

        // The donor report over REST: a PDF for the community's cadre, refused elsewhere and on bad input.
        String key = java.net.URLEncoder.encode(named, StandardCharsets.UTF_8).replace("+", "%20");
        HttpResponse<String> report = api.call("cadre3", "GET", "fund/C003/donors/" + key + "/report", null);
        assertEquals(200, report.statusCode(), report::body);
        assertEquals("application/pdf", report.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(report.body().startsWith("%PDF"));
        assertEquals(403, api.call("cadre1", "GET", "fund/C003/donors/" + key + "/report", null).statusCode(),
                "another community's cadre");
        HttpResponse<String> badDate = api.call("cadre3", "GET", "fund/C003/donors/" + key + "/report?from=2026-13-01", null);
        assertEquals(400, badDate.statusCode());
        assertTrue(badDate.body().contains("from"), badDate::body);
        assertEquals(400, api.call("cadre3", "GET", "fund/C003/donors/" + key + "/report?from=2030-02-01&to=2030-01-01",
                null).statusCode(), "from after to");
        assertEquals(404, api.call("cadre3", "GET", "fund/C003/donors/nobody" + tag + "/report", null).statusCode());

        HttpResponse<byte[]> unknown = get("public/fund.xhtml?community=C999Z");
        assertEquals(200, unknown.statusCode(), "a clear message, not an error page");
        String text = new String(unknown.body(), StandardCharsets.UTF_8);
        assertTrue(text.contains("C999Z"), "the message names the community asked for");
    }
}
