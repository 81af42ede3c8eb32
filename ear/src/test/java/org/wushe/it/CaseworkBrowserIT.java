package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Social worker + grid worker in the browser, on the demo city: the grid worker logs a patrol and
 * refers a resident; the social worker accepts the referral, opens a case from it and flags it
 * stubborn; the Party secretary finds it on the stubborn-case board, convenes a joint meeting with
 * the papers, sees the masked agenda, and adopts a plan whose task then shows on the meeting.
 */
class CaseworkBrowserIT extends BrowserTest {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private void click(String id) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    private void says(String id, String text) {
        wait.until(d -> d.findElement(By.id(id)).getText().contains(text));
    }

    @Test
    void patrol_referral_accept_case_stubborn_jointMeetingPlan() {
        long tag = System.nanoTime() % 1_000_000;
        long resident = ApiClient.object(new ApiClient(base).call("grid1", "GET",
                        "residents?community=C001&grid=C001-G01&size=1&first=12", null))
                .getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        LocalDateTime end = LocalDateTime.now(Browser.SERVER_ZONE).minusMinutes(5);

        // The grid worker logs a patrol and refers what is beyond them.
        signIn("grid1");
        driver.get(TestHttp.https(base) + "casework/patrols.xhtml");
        type("patrol:gridCode", "C001-G01");
        type("patrol:startedAt", MINUTE.format(end.minusHours(2)));
        type("patrol:endedAt", MINUTE.format(end));
        type("patrol:householdsVisited", "11");
        type("patrol:findings", "浏览器巡查" + tag + "：独居老人多日未出门");
        click("patrol:log");
        says("patrol:msgs", "C001-G01");
        wait.until(d -> d.findElement(By.id("log:patrols")).getText().contains("浏览器巡查" + tag));

        driver.get(TestHttp.https(base) + "casework/referrals.xhtml");
        type("refer:residentId", String.valueOf(resident));
        new Select(driver.findElement(By.id("refer:socialWorker"))).selectByValue("social1");
        new Select(driver.findElement(By.id("refer:riskLevel"))).selectByValue("HIGH");
        type("refer:whatHappened", "巡查发现" + tag + "：老人摔伤未就医，拒绝家人照护");
        type("refer:evidence", "巡查记录、邻居证言");
        type("refer:alreadyTried", "劝说就医未果");
        click("refer:send");
        wait.until(d -> d.findElement(By.id("refer:msgs")).getText().contains("social1"));
        Matcher m = Pattern.compile("转介 (\\d+) 已发送").matcher(driver.findElement(By.id("refer:msgs")).getText());
        assertTrue(m.find(), driver.findElement(By.id("refer:msgs")).getText());
        String referral = m.group(1);

        // The social worker accepts it and opens a case from it.
        signIn("social1");
        driver.get(TestHttp.https(base) + "casework/referrals.xhtml");
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//tbody[@id='inbox:inboxTable_data']/tr[.//span[contains(@class,'referral-id') and normalize-space(.)='"
                        + referral + "']]")));
        assertTrue(row.getText().contains("待接收"), row.getText());
        row.findElement(By.cssSelector("button.open-referral")).click();
        click("selected:accept");
        says("selected:status", "已接收");
        String title = "摔伤老人照护" + tag;
        type("selected:title", title);
        click("selected:openCase");
        wait.until(ExpectedConditions.textToBe(By.id("file:title"), title));
        says("file:stage", "建立关系");

        type("stubborn:reason", "案主拒绝一切照护安排，干预无进展");
        click("stubborn:flag");
        says("file:stubborn", "拒绝一切照护");

        // The Party secretary takes it to a joint meeting and adopts a plan.
        signIn("secretary1");
        driver.get(TestHttp.https(base) + "casework/board.xhtml");
        WebElement stubbornRow = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//tbody[@id='board:stubborn_data']/tr[.//a[normalize-space(.)='" + title + "']]")));
        stubbornRow.findElement(By.cssSelector("a.convene")).click();
        type("convene:scheduledAt", MINUTE.format(LocalDateTime.now(Browser.SERVER_ZONE).plusDays(2).withHour(15).withMinute(0)));
        type("convene:place", "社区议事厅");
        type("convene:topic", "摔伤老人拒绝照护" + tag);
        driver.findElement(By.xpath("//input[@name='convene:departments' and @value='HEALTH']")).click();
        driver.findElement(By.xpath("//input[@name='convene:departments' and @value='CIVIL_AFFAIRS']")).click();
        driver.findElement(By.xpath("//input[@name='convene:sharedFields' and @value='AGE']")).click();
        type("convene:analysisReport", "分析：案主自尊心强，担心成为子女负担");
        type("convene:monitoringInfo", "监测：近一周每日独自外出买菜");
        click("convene:save");
        says("meeting:status", "已召集");
        says("meeting:topic", "摔伤老人拒绝照护" + tag);

        click("meeting:agenda");
        wait.until(d -> d.findElement(By.id("meeting:agendaName")).getText().endsWith("某"));

        click("plan:adopt");
        wait.until(d -> d.findElement(By.id("messages")).getText().contains("至少需要一项任务"));
        WebElement line = driver.findElement(By.cssSelector("#plan .plan-line"));
        new Select(line.findElement(By.cssSelector("select.plan-department"))).selectByValue("HEALTH");
        line.findElement(By.cssSelector("input.plan-description")).sendKeys("家庭医生上门处理伤口" + tag);
        line.findElement(By.cssSelector("input.plan-due")).sendKeys(LocalDate.now(Browser.SERVER_ZONE).plusDays(7).toString());
        click("plan:adopt");
        says("meeting:status", "方案执行中");
        says("meeting:tasks", "家庭医生上门处理伤口" + tag);
        screenshot("casework-joint-meeting");
    }

    private void opensWithoutError(String page) {
        driver.get(TestHttp.https(base) + "casework/" + page);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
        assertTrue(driver.findElements(By.cssSelector(".ui-messages-error")).isEmpty(),
                page + " opens without an error: " + driver.findElement(By.tagName("main")).getText());
    }

    @Test
    void theCaseworkPagesOpenForEachRole_andACaseRecordIsRefusedToOthers() {
        try {
            pagesOpenAndTheCaseIsRefused();
        } catch (AssertionError | RuntimeException e) {
            screenshot("casework-pages-failed");
            throw e;
        }
    }

    private void pagesOpenAndTheCaseIsRefused() {
        signIn("secretary1");
        driver.manage().timeouts().implicitlyWait(java.time.Duration.ZERO);
        for (String page : java.util.List.of("patrols.xhtml", "referrals.xhtml", "cases.xhtml", "board.xhtml",
                "indices.xhtml")) {
            opensWithoutError(page);
        }
        driver.get(TestHttp.https(base) + "casework/board.xhtml");
        WebElement first = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#board\\:stubborn a.stubborn-case")));
        String href = first.getAttribute("href");
        Matcher id = Pattern.compile("[?&]id=(\\d+)").matcher(href);
        assertTrue(id.find(), href);
        long caseId = Long.parseLong(id.group(1));
        assertTrue(driver.findElement(By.id("board:overdue")).getText().contains("卫生健康"), "the demo's overdue task");

        signIn("admin");
        for (String page : java.util.List.of("cases.xhtml?community=C001", "board.xhtml?community=C001",
                "indices.xhtml?community=C001")) {
            opensWithoutError(page);
        }
        assertTrue(driver.findElements(By.id("nav-patrols")).isEmpty(), "the patrol log is not the bureau's");
        driver.get(TestHttp.https(base) + "casework/case.xhtml?id=" + caseId);
        wait.until(d -> d.findElement(By.tagName("main")).getText().contains("仅限其社工、督导和社区党组织书记"));
        assertTrue(driver.findElements(By.id("file:title")).isEmpty(), "no case content for the bureau");

        signIn("grid1");
        for (String page : java.util.List.of("patrols.xhtml", "referrals.xhtml", "board.xhtml")) {
            opensWithoutError(page);
        }
        assertTrue(driver.findElements(By.id("nav-indices")).size() == 1, "grid workers see the indices");
    }
}
