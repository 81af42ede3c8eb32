package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The operator starts {@code reports-monthly} on the console and sees the execution's files listed
 * with it; the bureau finds the city's files under the month on the assessment dashboard; the files
 * download through {@code /api/reports/{id}/content} for those who may read them and not for a
 * community's Party secretary.
 */
class ReportsBrowserIT extends BrowserTest {

    /** A month of the demo city without snapshots: the run writes the city's files only. */
    private static final String MONTH = "2017-01";

    @Test
    void theOperatorRunsTheReportsAndTheFilesAreListedAndDownloadable() throws Exception {
        signIn("operator");
        driver.get(TestHttp.https(base) + "operator/jobs.xhtml?job=reports-monthly");
        WebElement parameters = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("start:parameters")));
        parameters.sendKeys("month=" + MONTH + "\ncommunities=C001");
        String id = startOnJobsPage();
        String row = untilCompleted(id, Duration.ofMinutes(3));
        assertTrue(row.contains("city-" + MONTH + ".pdf"), () -> "the city's PDF is listed with its run: " + row);
        assertTrue(row.contains("city-" + MONTH + ".csv"), () -> "and its CSV: " + row);
        // the console refreshes its table by itself: find the row and count its links in one look
        int links = wait.until(d -> {
            try {
                return d.findElement(executionRow(id)).findElements(By.cssSelector("a.report-file")).size();
            } catch (org.openqa.selenium.StaleElementReferenceException refreshed) {
                return null;
            }
        });
        assertEquals(2, links, "each with its download link");
        screenshot("reports-console");

        ApiClient api = new ApiClient(base);
        JsonObject pdf = ApiClient.array(api.call("operator", "GET", "reports?period=" + MONTH, null)).stream()
                .map(v -> v.asJsonObject()).filter(f -> f.getString("fileName").equals("city-" + MONTH + ".pdf"))
                .findFirst().orElseThrow(() -> new AssertionError("the city's PDF is in the list"));
        assertEquals(Long.parseLong(id), pdf.getJsonNumber("executionId").longValue());
        HttpResponse<String> content = api.call("operator", "GET", "reports/" + pdf.getJsonNumber("id") + "/content", null);
        assertEquals(200, content.statusCode());
        assertTrue(content.body().startsWith("%PDF"), "a PDF");
        assertTrue(content.headers().firstValue("Content-Disposition").orElse("").contains("city-" + MONTH + ".pdf"));
        assertEquals(403, api.call("secretary1", "GET", "reports/" + pdf.getJsonNumber("id") + "/content", null).statusCode(),
                "the city's file is not for a community's Party secretary");
        assertEquals(400, api.call("admin", "GET", "reports?period=2017-1x", null).statusCode());

        driver.manage().deleteAllCookies();
        signIn("admin");
        driver.get(TestHttp.https(base) + "assessment/dashboard.xhtml?month=" + MONTH);
        WebElement files = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reports:files")));
        assertTrue(files.getText().contains("city-" + MONTH + ".pdf"), () -> "the bureau sees the city's files: " + files.getText());
        screenshot("reports-dashboard");
    }
}
