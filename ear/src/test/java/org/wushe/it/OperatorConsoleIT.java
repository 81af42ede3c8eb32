package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The operator console as an operator uses it: through REST (start, follow to the end, refusals as
 * problem documents) and in the browser (a line that is not name=value refused next to the field,
 * then a start that is followed on the page until it completes, with its step counts).
 */
class OperatorConsoleIT extends BrowserTest {

    @Test
    void theApiStartsAJobFollowsItAndRefusesWhatItCannotDo() throws Exception {
        ApiClient api = new ApiClient(base);
        long id = ApiClient.object(api.created("operator", "jobs/points-settle/executions", "{\"chunkSize\":\"100\"}"))
                .getJsonNumber("executionId").longValue();
        JsonObject execution = null;
        Instant give = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(give)) {
            execution = ApiClient.object(api.call("operator", "GET", "jobs/executions/" + id, null));
            String status = execution.getString("status");
            if (!status.startsWith("START") && !status.equals("STOPPING")) {
                break;
            }
            Thread.sleep(200);
        }
        JsonObject ended = execution;
        assertEquals("COMPLETED", ended.getString("status"), () -> "ended as " + ended);
        assertEquals("100", execution.getJsonObject("parameters").getString("chunkSize"));
        assertEquals("settle", execution.getJsonArray("steps").getJsonObject(0).getString("name"));

        HttpResponse<String> unknown = api.call("operator", "POST", "jobs/no-such-job/executions", "{}");
        assertEquals(400, unknown.statusCode());
        assertEquals("job.unknown", ApiClient.object(unknown).getJsonArray("errors").getJsonObject(0).getString("key"));
        HttpResponse<String> finished = api.call("operator", "POST", "jobs/executions/" + id + "/stop", null);
        assertEquals(409, finished.statusCode(), "a completed execution cannot be stopped");
        assertEquals(404, api.call("operator", "GET", "jobs/executions/987654321", null).statusCode());
        assertEquals(403, api.call("cadre1", "GET", "jobs/executions", null).statusCode(), "only operators run jobs");
        assertTrue(ApiClient.array(api.call("operator", "GET", "jobs/executions?max=5", null)).stream()
                .anyMatch(v -> v.asJsonObject().getJsonNumber("id").longValue() == id), "the run is listed");
    }

    @Test
    void theOperatorStartsTheSettlementOnTheConsoleAndSeesItComplete() {
        signIn("operator");
        menu("nav-jobs");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("start:parameters")));
        driver.get(TestHttp.https(base) + "operator/jobs.xhtml?job=points-settle");
        WebElement parameters = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("start:parameters")));

        parameters.sendKeys("chunkSize");
        driver.findElement(By.id("start:go")).click();
        wait.until(d -> d.findElement(By.id("start")).getText().matches("(?s).*(第 1 行|Line 1).*"));
        assertEquals("chunkSize", driver.findElement(By.id("start:parameters")).getAttribute("value"),
                "what was typed stays");

        WebElement again = driver.findElement(By.id("start:parameters"));
        again.clear();
        again.sendKeys("chunkSize=200");
        String id = startOnJobsPage();
        String steps = untilCompleted(id, Duration.ofMinutes(2));
        assertTrue(steps.contains("settle"), () -> "the row shows the step: " + steps);
        assertTrue(steps.contains("chunkSize=200"), () -> "and the parameters: " + steps);
        screenshot("operator-console");
    }

    @Test
    void theOperatorUploadsAResidentsFileAndSeesTheRunWithItsRefusedLine() throws Exception {
        long n = System.nanoTime() % 400;
        // A community of its own (the demo city's are counted by other tests).
        ApiClient api = new ApiClient(base);
        String tag = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
        String sd = "USD" + tag;
        String community = "UC" + tag;
        api.created("admin", "sub-districts", "{\"code\":\"" + sd + "\",\"name\":\"上传测试街道" + tag + "\"}");
        api.created("admin", "communities", "{\"code\":\"" + community + "\",\"name\":\"上传测试社区" + tag
                + "\",\"subDistrictCode\":\"" + sd + "\"}");
        api.created("admin", "communities/" + community + "/grid-cells", "{\"code\":\"" + community
                + "-G01\",\"name\":\"一网格\"}");
        java.time.LocalDate birth = java.time.LocalDate.of(1950, 1, 1).plusDays(System.nanoTime() % 9000);
        String id = org.wushe.community.domain.IdNumber.compose("420106", birth, (int) n,
                org.wushe.community.domain.Gender.FEMALE);
        java.nio.file.Path csv = java.nio.file.Files.createTempFile("residents-", ".csv");
        java.nio.file.Files.writeString(csv, "id_number,name,gender,birth_date,phone,address,community_code,grid_code,tags\r\n"
                + id + ",上传测试居民,女," + birth + ",13912345678,江城市东湖区幸福路1号," + community + "," + community + "-G01,\r\n"
                + "123,坏行,女,1950-01-01,139,地址," + community + "," + community + "-G01,\r\n", java.nio.charset.StandardCharsets.UTF_8);
        signIn("operator");
        driver.get(TestHttp.https(base) + "operator/jobs.xhtml");

        driver.findElement(By.id("upload:importGo")).click();
        wait.until(d -> d.findElement(By.id("upload")).getText().matches("(?s).*(请选择要上传|Choose a CSV).*"));

        driver.findElement(By.id("upload:file")).sendKeys(csv.toString());
        driver.findElement(By.id("upload:importGo")).click();
        String name = csv.getFileName().toString();
        By row = By.xpath("//tbody[@id='imports:runs_data']/tr[.//td[contains(., '" + name + "')]]");
        // The row's text is read inside the wait: the page's poll replaces the table while jobs run.
        String counts = waiting(Duration.ofMinutes(2))
                .until(d -> {
                    d.findElement(By.id("executions:refresh")).click();
                    java.util.List<WebElement> rows = d.findElements(row);
                    String text = rows.isEmpty() ? "" : rows.get(0).getText();
                    return text.contains("COMPLETED") ? text : null;
                });
        assertTrue(counts.matches("(?s).*(新增|new) 1.*(拒收|refused) 1.*"), () -> "one stored, one refused: " + counts);
        screenshot("operator-import");
        java.nio.file.Files.deleteIfExists(csv);
    }
}
