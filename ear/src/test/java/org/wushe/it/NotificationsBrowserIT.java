package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A referral created for a demo social worker shows up in that worker's header count and in the
 * notifications page, whose link opens the referral; the page fits a phone's 390 px.
 */
class NotificationsBrowserIT extends BrowserTest {

    private static final Pattern COUNT = Pattern.compile("消息 (\\d+)");

    private int headerCount() {
        String text = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notificationCount"))).getText();
        Matcher m = COUNT.matcher(text);
        assertTrue(m.find(), text);
        return Integer.parseInt(m.group(1));
    }

    @Test
    void aReferral_reachesItsSocialWorkersHeaderAndList_andTheLinkOpensIt() {
        ApiClient api = new ApiClient(base);
        long tag = System.nanoTime() % 1_000_000;
        long resident = ApiClient.object(api.call("grid1", "GET", "residents?community=C001&grid=C001-G01&size=1&first=15",
                null)).getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        signIn("social1");
        driver.get(page("notifications.xhtml"));
        int before = headerCount();

        long referral = ApiClient.object(api.created("grid1", "referrals", "{\"residentId\":" + resident
                + ",\"socialWorker\":\"social1\",\"riskLevel\":\"MEDIUM\",\"whatHappened\":\"消息浏览器测试" + tag
                + "：独居老人需要探访\"}")).getJsonNumber("id").longValue();

        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(page("index.xhtml"));
        int after = headerCount();
        assertTrue(after >= before + 1, "header count " + before + " -> " + after);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("notificationCount"))).click();

        String entry = "转介 " + referral + " 已交给您处理";
        WebElement link = wait.until(d -> d.findElements(By.cssSelector("#notifications\\:list_data a.notification-link"))
                .stream().filter(a -> a.getText().contains(entry)).findFirst().orElse(null));
        WebElement row = link.findElement(By.xpath("ancestor::tr[1]"));
        assertTrue(row.getText().contains("未读"), row.getText());
        screenshot("notifications-390");
        Object overflow = driver.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
        assertTrue(((Number) overflow).intValue() <= 0, "the list fits 390 px without scrolling sideways: " + overflow);

        link.click();
        wait.until(d -> d.getCurrentUrl().contains("casework/referrals.xhtml?id=" + referral));
        wait.until(d -> d.findElement(By.id("selected")).getText().contains("消息浏览器测试" + tag));
        assertTrue(driver.findElement(By.id("selected")).getText().contains(String.valueOf(referral)));
    }
}
