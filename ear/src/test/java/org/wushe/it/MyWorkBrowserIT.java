package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * "My work" on the home page of the demo city's social worker and grid worker: each line shows the
 * count the service gives (read through {@code GET /api/me/work}, not written here), and each link
 * opens its list filtered to as many rows.
 */
class MyWorkBrowserIT extends BrowserTest {

    /** The rows of each filtered list a line may open, by the kind of the line (the lists' table bodies). */
    private static final Map<String, String> LIST_ROWS = Map.of(
            "referralsAwaiting", "tbody[id$='inboxTable_data'] > tr",
            "referralsReturned", "tbody[id$='inboxTable_data'] > tr",
            "hoursToVerify", "tbody[id$='table_data'] > tr",
            "needsREGISTERED", "tbody[id$='needs_data'] > tr",
            "needsREOPENED", "tbody[id$='needs_data'] > tr",
            "needsASSESSED", "tbody[id$='needs_data'] > tr");

    /** The needs board shows 20 rows a page. */
    private static final int NEEDS_PAGE = 20;

    private Map<String, Long> expected(String user) {
        HttpResponse<String> r = new ApiClient(base).call(user, "GET", "me/work", null);
        assertEquals(200, r.statusCode(), r.body());
        JsonArray lines = ApiClient.array(r);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (JsonObject l : lines.getValuesAs(JsonObject.class)) {
            counts.put(l.getString("kind"), l.getJsonNumber("count").longValue());
        }
        return counts;
    }

    private void homeShowsTheLines_andEachLinkOpensItsList(String user, List<String> mustHave) {
        Map<String, Long> expected = expected(user);
        assertTrue(expected.keySet().containsAll(mustHave), user + " has " + expected);
        signIn(user);
        driver.get(TestHttp.https(base) + "index.xhtml");
        wait.until(d -> !d.findElements(By.id("myWorkTitle")).isEmpty());
        List<WebElement> links = driver.findElements(By.cssSelector("#myWork a.work-link"));
        assertEquals(expected.size(), links.size(), "lines on the page");
        Map<String, String> hrefs = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : expected.entrySet()) {
            WebElement link = driver.findElement(By.cssSelector("#myWork a.work-" + e.getKey()));
            assertEquals(String.valueOf(e.getValue()), link.findElement(By.cssSelector(".work-count")).getText(),
                    e.getKey());
            assertFalse(link.findElement(By.cssSelector(".work-kind")).getText().isBlank(), "a label for " + e.getKey());
            hrefs.put(e.getKey(), link.getAttribute("href"));
        }
        screenshot("my-work-" + user);
        for (Map.Entry<String, String> e : hrefs.entrySet()) {
            String rows = LIST_ROWS.get(e.getKey());
            if (rows == null) {
                continue;
            }
            long count = expected.get(e.getKey());
            long shown = e.getKey().startsWith("needs") ? Math.min(count, NEEDS_PAGE) : count;
            driver.get(e.getValue());
            String selector = rows + ":not(.ui-datatable-empty-message)";
            wait.until(d -> d.findElements(By.cssSelector(selector)).size() == shown
                    && d.findElements(By.cssSelector(rows + ".ui-datatable-empty-message")).isEmpty());
            screenshot("my-work-" + user + "-" + e.getKey());
        }
    }

    /**
     * The demo city's hours are all verified: two records of ten and nine days ago (before this
     * week, which the queue shows by default) wait for social1 while the test runs, and are verified
     * at its end.
     */
    @Test
    void socialWorker_homeShowsTheDemoCounts_andEachLinkOpensTheFilteredList() {
        ApiClient api = new ApiClient(base);
        String name = "我的待办测试岗位" + System.nanoTime() % 100000;
        long position = ApiClient.object(api.created("cadre1", "communities/C001/positions",
                "{\"name\":\"" + name + "\",\"type\":\"CANTEEN\",\"supervisorUsername\":\"social1\"}"))
                .getJsonNumber("id").longValue();
        long volunteer = ApiClient.object(api.call("resident1", "GET", "me", null)).getJsonNumber("residentId").longValue();
        List<Long> recorded = new java.util.ArrayList<>();
        try {
            for (int daysAgo : new int[] {10, 9}) {
                LocalDateTime start = LocalDateTime.now(Browser.SERVER_ZONE).minusDays(daysAgo).withHour(9)
                        .withMinute(0).withSecond(0).withNano(0);
                recorded.add(ApiClient.object(api.created("cadre1", "hours", "{\"positionId\":" + position
                        + ",\"residentId\":" + volunteer + ",\"startedAt\":\"" + start + "\",\"endedAt\":\""
                        + start.plusHours(2) + "\",\"description\":\"" + name + "\"}")).getJsonNumber("id").longValue());
            }
            assertTrue(expected("social1").get("hoursToVerify") >= 2);
            homeShowsTheLines_andEachLinkOpensItsList("social1", List.of("referralsAwaiting", "hoursToVerify"));
        } finally {
            for (Long id : recorded) {
                api.call("social1", "POST", "hours/" + id + "/verify", "{}");
            }
        }
    }

    @Test
    void gridWorker_homeShowsTheReturnedReferral_andTheNeedsOfTheirCells() {
        homeShowsTheLines_andEachLinkOpensItsList("grid1", List.of("referralsReturned"));
    }

    /** On a phone (390 px) the lines wrap within the screen and each link is a touch target of 44 px at least. */
    @Test
    void gridWorker_onAPhone_linesFitTheScreen() {
        signIn("grid1");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        driver.get(TestHttp.https(base) + "index.xhtml");
        wait.until(d -> !d.findElements(By.cssSelector("#myWork a.work-link")).isEmpty());
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) driver;
        long width = ((Number) js.executeScript("return window.innerWidth;")).longValue();
        long right = ((Number) js.executeScript("return Math.ceil(Math.max(...Array.from(document.querySelectorAll("
                + "'#myWork, #myWork *')).map(e => e.getBoundingClientRect().right)));")).longValue();
        assertTrue(right <= width, "my work ends at " + right + " px on a screen of " + width + " px");
        for (WebElement link : driver.findElements(By.cssSelector("#myWork a.work-link"))) {
            assertTrue(link.getSize().getHeight() >= 44, "touch target " + link.getSize());
        }
        screenshot("my-work-grid1-390");
    }

    @Test
    void inbox_withAnUnknownFilter_saysWhichChoiceIsWrong() {
        signIn("social1");
        driver.get(TestHttp.https(base) + "casework/referrals.xhtml?show=everything");
        wait.until(d -> d.findElement(By.id("inbox")).getText().contains("everything"));
        assertTrue(driver.findElements(By.id("inbox:inboxFilter")).isEmpty());
    }
}
