package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The security administrator's accounts page on the demo city: security creates a social worker
 * and finds it in the list; security requests a system administrator, which waits; security2
 * confirms it on the same page, and the new administrator is in the list.
 */
class AccountsBrowserIT extends BrowserTest {

    private void click(String id) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    private void select(String id, String value) {
        wait.until(d -> {
            new Select(d.findElement(By.id(id))).selectByValue(value);
            return true;
        });
    }

    private void says(String id, String text) {
        wait.until(d -> d.findElement(By.id(id)).getText().contains(text));
    }

    private void openAccounts() {
        driver.get(page("security/accounts.xhtml"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("search:accounts")));
    }

    private String findInList(String username) {
        type("search:text", username);
        click("search:go");
        By row = By.xpath("//tbody[@id='search:accounts_data']/tr[.//span[contains(@class,'account-username') and "
                + "normalize-space(.)='" + username + "']]");
        // read in one look, again when the search's update replaces the row in between
        return wait.until(d -> d.findElement(row).getText());
    }

    @Test
    void security_createsASocialWorker_andRequestsASystemAdministrator_thatSecurity2Confirms() {
        long tag = System.nanoTime() % 1_000_000;
        String worker = "browser.social" + tag;
        String sys = "browser.sys" + tag;

        signIn("security");
        driver.findElement(By.linkText("账户管理")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("search:accounts")));

        // a social worker of C001: created at once
        type("account:username", worker);
        type("account:displayName", "浏览器 社工" + tag);
        select("account:role", "SOCIAL_WORKER");
        select("account:communityCode", "C001");
        type("account:password", "Browser-pass-2026");
        click("account:create");
        says("account:msgs", worker);
        String row = findInList(worker);
        assertTrue(row.contains("社会工作者") && row.contains("C001"), row);
        screenshot("accounts-created");

        // the new worker's password reset: a one-time password shown once, here
        click("account:resetPassword");
        String once = wait.until(d -> d.findElement(By.id("account:oneTimePassword")).getText().strip());
        assertEquals(16, once.length(), "a one-time password of 16 characters: " + once);
        says("account:msgs", "已重置 " + worker);

        // a system administrator: only a request, until a second security administrator confirms
        click("search:new");
        type("account:username", sys);
        type("account:displayName", "浏览器 系统管理员" + tag);
        select("account:role", "SYSTEM_ADMIN");
        type("account:password", "Browser-pass-2026");
        click("account:create");
        says("account:msgs", "另一名安全管理员确认");
        WebElement pending = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//tbody[@id='changes:pending_data']/tr[contains(., '" + sys + "')]")));
        assertTrue(pending.getText().contains("security"), pending.getText());
        type("search:text", sys);
        click("search:go");
        wait.until(d -> d.findElement(By.id("search:accounts")).getText().contains("共 0 条"));

        signIn("security2");
        openAccounts();
        WebElement request = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//tbody[@id='changes:pending_data']/tr[contains(., '" + sys + "')]")));
        request.findElement(By.cssSelector("button.confirm-change")).click();
        says("changes:msgs", "已确认");
        row = findInList(sys);
        assertTrue(row.contains("系统管理员"), row);
        screenshot("accounts-confirmed");

        // on a phone's width the form stays on the screen, every input with its label
        driver.manage().window().setSize(new Dimension(390, 844));
        openAccounts();
        long width = (Long) ((JavascriptExecutor) driver).executeScript("return window.innerWidth;");
        for (String id : new String[] {"account:username", "account:displayName", "account:role", "account:password"}) {
            WebElement input = driver.findElement(By.id(id));
            assertTrue(input.getRect().getX() + input.getRect().getWidth() <= width, id + " within " + width);
            assertFalse(driver.findElements(By.cssSelector("label[for='" + id + "']")).isEmpty(), id + " has a label");
        }
        screenshot("accounts-390");
        assertEquals(List.of(), policyRefusals(), "no script or style refused by the Content Security Policy");
    }

    /** What the browser's console says the Content Security Policy refused so far. */
    private List<String> policyRefusals() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to")).toList();
    }
}
