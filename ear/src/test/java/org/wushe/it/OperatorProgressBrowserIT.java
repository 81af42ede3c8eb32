package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/**
 * The operator follows a running import on the console: its run shows the line reached of the
 * file's lines with an accessible progress bar, refreshed by the page itself; stopped, the run waits
 * as STOPPED, the operator is notified and the notification's link marks the execution on the
 * console; restarted, it ends and the bar goes, again without a click. The file's lines are all
 * refused (three columns), so the demo city's data stays as it was.
 */
class OperatorProgressBrowserIT extends BrowserTest {

    /** The test server's inbox (the test domain sets no wushe.import.inbox): on this machine. */
    private static Path inbox() {
        return Path.of(System.getProperty("glassfish.home"), "glassfish", "domains", "wushe-test", "wushe-inbox");
    }

    private static By runRow(String fileName) {
        return By.xpath("//tbody[@id='imports:runs_data']/tr[contains(., '" + fileName + "')]");
    }

    @Test
    void aRunningImportShowsItsProgress_stopsNotifiesAndRestarts() throws Exception {
        String name = "residents-progress-" + System.nanoTime() + ".csv";
        StringBuilder csv = new StringBuilder("id_number,name,gender,birth_date,phone,address,community_code,grid_code,tags\r\n");
        // One line per chunk and enough lines that the run lasts well over a minute on any machine:
        // the page must see it move and the stop must find it running (20,000 lines in chunks of 5
        // ended in about ten seconds, sometimes before the page had refreshed once).
        int lines = 50_000;
        for (int i = 0; i < lines; i++) {
            csv.append("x").append(i).append(",不全,男\r\n");
        }
        Files.createDirectories(inbox().resolve("uploads"));
        Files.writeString(inbox().resolve("uploads").resolve(name), csv, StandardCharsets.UTF_8);

        signIn("operator");
        ApiClient api = new ApiClient(base);
        long id = ApiClient.object(api.created("operator", "jobs/residents-import/executions",
                "{\"file\":\"uploads/" + name + "\",\"chunkSize\":\"1\"}")).getJsonNumber("executionId").longValue();
        open(page("operator/jobs.xhtml"));

        // The page refreshes itself: the run appears with its bar, and the line reached grows.
        String[] first = waiting(Duration.ofMinutes(2)).until(d -> progressOf(name));
        assertEquals("100", first[1], "max");
        assertTrue(first[2].contains("共 50,001 行") || first[2].contains("共 50001 行"), () -> "of the file's lines: " + first[2]);
        assertTrue(first[3] != null && first[3].startsWith("进度"), () -> "the bar has an accessible name: " + first[3]);
        String[] later = waiting(Duration.ofMinutes(2)).until(d -> {
            String[] now = progressOf(name);
            return now != null && !now[2].equals(first[2]) ? now : null;
        });
        assertTrue(Integer.parseInt(later[0]) >= Integer.parseInt(first[0]), () -> "onwards: " + first[0] + " then " + later[0]);
        screenshot("operator-progress");

        assertEquals(204, api.call("operator", "POST", "jobs/executions/" + id + "/stop", "{}").statusCode());
        waiting(Duration.ofMinutes(2)).until(d -> "STOPPED".equals(ApiClient.object(api.call("operator", "GET",
                "jobs/executions/" + id, null)).getString("status")));
        List<JsonObject> told = ApiClient.object(api.call("operator", "GET", "notifications?unread=true", null))
                .getJsonArray("items").stream().map(v -> v.asJsonObject())
                .filter(n -> n.getString("kind").equals("JOB_FAILED") && n.getJsonNumber("recordId").longValue() == id)
                .toList();
        assertEquals(1, told.size(), () -> "the operator is told: " + told);
        assertEquals("/operator/jobs.xhtml?execution=" + id, told.get(0).getString("link"));
        assertTrue(told.get(0).getString("text").startsWith("作业 residents-import（执行 " + id + "）未正常结束，状态：STOPPED"),
                () -> "in Chinese: " + told.get(0).getString("text"));

        open(page("operator/jobs.xhtml?execution=" + id));
        String marked = wait.until(d -> {
            try {
                return d.findElement(executionRow(String.valueOf(id))).getAttribute("class");
            } catch (StaleElementReferenceException refreshed) {
                return null;
            }
        });
        assertTrue(marked.contains("wushe-highlight"), () -> "the execution the link names is marked: " + marked);
        String stoppedRun = wait.until(d -> text(d.findElement(runRow(name))));
        assertTrue(stoppedRun.contains("STOPPED"), () -> "the run waits for the restart: " + stoppedRun);

        long again = ApiClient.object(api.created("operator", "jobs/executions/" + id + "/restart", "{\"chunkSize\":\"1000\"}"))
                .getJsonNumber("executionId").longValue();
        open(page("operator/jobs.xhtml"));
        String done = waiting(Duration.ofMinutes(3)).until(d -> {
            String row = text(d.findElement(runRow(name)));
            return row != null && row.contains("COMPLETED") ? row : null;
        });
        assertTrue(done.contains(String.valueOf(lines)), () -> "every line read and refused once: " + done);
        open(page("operator/jobs.xhtml"));
        String ended = wait.until(d -> text(d.findElement(runRow(name))));
        assertTrue(ended.contains("COMPLETED"), () -> "ended: " + ended);
        assertEquals(0, driver.findElements(By.xpath("//tbody[@id='imports:runs_data']/tr[contains(., '" + name
                + "')]//progress")).size(), "the bar goes when the run has ended");
        assertTrue(again > id);
    }

    /** The bar of the run of the file: value, max, the text beside it, its accessible name; null while there is none. */
    private String[] progressOf(String fileName) {
        try {
            WebElement row = driver.findElement(runRow(fileName));
            List<WebElement> bars = row.findElements(By.tagName("progress"));
            if (bars.isEmpty()) {
                return null;
            }
            WebElement bar = bars.get(0);
            return new String[] {bar.getAttribute("value"), bar.getAttribute("max"),
                    row.findElement(By.cssSelector("[id$=':lines']")).getText(), bar.getAttribute("aria-label")};
        } catch (org.openqa.selenium.NoSuchElementException | StaleElementReferenceException notYet) {
            return null;
        }
    }

    private static String text(WebElement e) {
        try {
            return e.getText();
        } catch (StaleElementReferenceException refreshed) {
            return null;
        }
    }
}
