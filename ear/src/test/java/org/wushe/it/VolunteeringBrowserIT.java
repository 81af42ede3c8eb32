package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.StringReader;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A volunteer signs up for a shift and records hours; the supervising social worker verifies them
 * from the queue; the volunteer sees the verified record and redeems a reward with settled points
 * (the demo volunteer's earlier visits; today's hours are settled by the nightly job).
 */
class VolunteeringBrowserIT extends BrowserTest {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private String post(String user, String path, String json) {
        return new ApiClient(base).created(user, path, json);
    }

    @Test
    void volunteer_signsUp_recordsHours_supervisor_verifies() throws Exception {
        String name = "一号食堂帮厨" + System.nanoTime() % 100000;
        long positionId = Json.createReader(new StringReader(post("cadre1", "communities/C001/positions",
                "{\"name\":\"" + name + "\",\"type\":\"CANTEEN\",\"supervisorUsername\":\"social1\"}")))
                .readObject().getJsonNumber("id").longValue();
        LocalDateTime tomorrow = LocalDateTime.now(Browser.SERVER_ZONE).plusDays(1).withNano(0).withSecond(0);
        post("cadre1", "positions/" + positionId + "/shifts",
                "{\"startsAt\":\"" + tomorrow + "\",\"endsAt\":\"" + tomorrow.plusHours(2) + "\",\"places\":3}");

        signIn("resident1");
        driver.get(TestHttp.https(base) + "volunteering/my.xhtml");
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//tr[td[contains(., '" + name + "')]]")));
        row.findElement(By.cssSelector(".sign-up")).click();
        wait.until(d -> !d.findElements(By.xpath("//tr[td[contains(., '" + name + "')]]//*[contains(@class,'signed-up')]")).isEmpty());
        screenshot("volunteer-signed-up");

        driver.findElement(By.id("record:positionId")).click();
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//li[contains(@class,'ui-selectonemenu-item') and normalize-space(.)='" + name + "']"))).click();
        LocalDateTime served = LocalDateTime.now(Browser.SERVER_ZONE).minusHours(3).withSecond(0).withNano(0);
        driver.findElement(By.id("record:start")).sendKeys(served.format(MINUTE));
        driver.findElement(By.id("record:end")).sendKeys(served.plusHours(1).format(MINUTE));
        driver.findElement(By.id("record:description")).sendKeys("浏览器测试帮厨" + name);
        driver.findElement(By.id("record:save")).click();
        wait.until(d -> d.findElement(By.id("hours")).getText().contains("浏览器测试帮厨" + name));
        assertTrue(driver.findElement(By.xpath("//tr[td[contains(., '浏览器测试帮厨" + name + "')]]")).getText()
                .contains("待审核"));

        signIn("social1");
        driver.get(TestHttp.https(base) + "volunteering/queue.xhtml");
        // The queue shows one week, this week by default; three hours ago may be last week (early on a Monday).
        WebElement week = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("queue:week")));
        week.clear();
        week.sendKeys(served.toLocalDate().with(java.time.temporal.TemporalAdjusters.previousOrSame(
                java.time.DayOfWeek.MONDAY)).toString());
        driver.findElement(By.id("queue:load")).click();
        // The row may first be this week's, then the loaded week's: find and click it in one look,
        // again when the load's update replaced it in between.
        wait.until(d -> {
            d.findElement(By.xpath("//tr[td[contains(., '浏览器测试帮厨" + name + "')]]"))
                    .findElement(By.cssSelector(".verify")).click();
            return true;
        });
        wait.until(d -> d.findElements(By.xpath("//tr[td[contains(., '浏览器测试帮厨" + name + "')]]")).isEmpty());
        screenshot("queue-after-verify");

        signIn("resident1");
        driver.get(TestHttp.https(base) + "volunteering/my.xhtml");
        WebElement mine = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//tr[td[contains(., '浏览器测试帮厨" + name + "')]]")));
        assertTrue(mine.getText().contains("已通过"), mine.getText());
        screenshot("volunteer-verified");

        // The demo volunteer's settled visits pay for a reward.
        long before = balance();
        driver.findElement(By.xpath("//form[@id='rewards']//tr[td[contains(., '洗衣液一瓶')]]"))
                .findElement(By.cssSelector(".redeem")).click();
        wait.until(d -> balance() == before - 20);
        assertTrue(driver.findElement(By.id("statement")).getText().contains("兑换"));
        screenshot("volunteer-redeemed");
    }

    @Test
    void secretary_blowsTheWhistle_memberReportsAndAnswers_secretaryConfirms() {
        String what = "浏览器测试：清理楼道杂物" + System.nanoTime() % 100000;
        signIn("secretary1");
        driver.get(TestHttp.https(base) + "volunteering/whistle.xhtml");
        LocalDateTime start = LocalDateTime.now(Browser.SERVER_ZONE).plusHours(3).withSecond(0).withNano(0);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("post:title"))).sendKeys(what);
        driver.findElement(By.id("post:needed_input")).sendKeys("2");
        driver.findElement(By.id("post:start")).sendKeys(start.format(MINUTE));
        driver.findElement(By.id("post:endsAt")).sendKeys(start.plusHours(2).format(MINUTE));
        driver.findElement(By.id("post:submit")).click();
        wait.until(d -> d.findElement(By.id("board:calls")).getText().contains(what));

        signIn("resident1");
        driver.get(TestHttp.https(base) + "volunteering/whistle.xhtml");
        WebElement unit = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report:workUnit")));
        unit.clear();
        unit.sendKeys("江城市第一中学");
        WebElement contact = driver.findElement(By.id("report:contact"));
        contact.clear();
        contact.sendKeys("13900002222");
        WebElement commitments = driver.findElement(By.id("report:commitments"));
        commitments.clear();
        commitments.sendKeys("每月参加一次社区清洁");
        driver.findElement(By.id("report:save")).click();
        wait.until(d -> d.findElement(By.id("report")).getText().contains("已保存"));
        driver.findElement(By.xpath("//tr[td[contains(., '" + what + "')]]")).findElement(By.cssSelector(".answer")).click();
        try {
            wait.until(d -> d.findElement(By.xpath("//tr[td[contains(., '" + what + "')]]")).getText().contains("1 / 2"));
        } finally {
            screenshot("whistle-answered");
        }

        signIn("secretary1");
        driver.get(TestHttp.https(base) + "volunteering/whistle.xhtml");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//tr[td[contains(., '" + what + "')]]")))
                .findElement(By.cssSelector(".show-answers")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//*[@id='board:responses']//button[contains(., '到场')]")))
                .click();
        wait.until(d -> d.findElement(By.id("board:responses")).getText().contains("已到场"));
        screenshot("whistle-confirmed");
    }

    private long balance() {
        String text = driver.findElement(By.id("balance")).getText();
        return Long.parseLong(text.replaceAll("[^0-9-]", ""));
    }

    @Test
    void aRewardWithoutAName_isRefusedNextToItsField_andThePageStays() {
        signIn("cadre1");
        driver.get(TestHttp.https(base) + "volunteering/positions.xhtml?community=C001");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("reward:add"))).click();
        // The service's refusal names the field "name": shown beside the reward form's name field.
        WebElement message = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[id='reward:name'] ~ .ui-message-error, .ui-message-error[id^='reward:']")));
        assertTrue(message.getText().contains("请填写奖励名称"), message.getText());
        assertTrue(driver.findElement(By.id("reward:name")).getAttribute("class").contains("ui-state-error"),
                "the name field is marked invalid");
        assertTrue(driver.findElements(By.id("certification:issue")).size() == 1, "the page is still the positions page");
    }
}
