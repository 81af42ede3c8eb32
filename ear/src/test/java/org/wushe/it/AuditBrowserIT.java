package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The audit administrator's page on a phone (390 px wide): the verification answers "intact", the
 * outcome filter shows refused entries only, and an archive with the end before the start is
 * refused with a message beside the field.
 */
class AuditBrowserIT extends BrowserTest {

    @Test
    void theAuditor_verifiesTheChain_filtersRefusals_andIsToldOfABadArchivePeriod_onAPhone() {
        driver.manage().window().setSize(new Dimension(390, 844));
        // a refusal to find: the security administrator may not verify the audit log
        ApiClient api = new ApiClient(base);
        assertEquals(403, api.call("security", "GET", "audit/verification", null).statusCode());
        // the command's way: GET /api/audit/verification with an audit administrator's credentials
        var verified = api.call("auditor", "GET", "audit/verification", null);
        assertEquals(200, verified.statusCode(), verified.body());
        assertTrue(verified.body().contains("\"intact\":true"), verified.body());
        signIn("auditor");
        driver.get(page("audit/log.xhtml"));

        wait.until(ExpectedConditions.elementToBeClickable(By.id("audit:verify"))).click();
        String answer = wait.until(d -> {
            var found = d.findElements(By.cssSelector("#audit\\:answer .audit-intact, #audit\\:answer .audit-broken"));
            return found.isEmpty() ? null : found.get(0).getText();
        });
        assertTrue(answer.startsWith("完整"), answer);

        choose("audit:outcome", "REFUSED");
        driver.findElement(By.id("audit:search")).click();
        wait.until(d -> {
            String shown = d.findElement(By.id("audit:entries_data")).getText();
            return shown.contains("访问被拒绝") && !shown.contains("已执行");
        });
        String rows = driver.findElement(By.id("audit:entries_data")).getText();
        assertTrue(!rows.contains("已执行"), "refused entries only: " + rows);

        type("audit:archiveFrom", "2026-12-06");
        type("audit:archiveTo", "2026-12-01");
        driver.findElement(By.id("audit:download")).click();
        wait.until(d -> d.findElement(By.id("audit")).getText().contains("结束日期不能早于开始日期"));

        Object overflow = driver.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
        screenshot("audit-log-390");
        Object wide = driver.executeScript("var out = []; document.querySelectorAll('body *').forEach(function (e) {"
                + " var r = e.getBoundingClientRect(); if (r.right > window.innerWidth + 1 && out.length < 6)"
                + " out.push(e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(r.right)); }); return out.join(' | ');");
        assertTrue(((Number) overflow).intValue() <= 0, "the page fits 390 px without scrolling sideways: " + overflow
                + " wider: " + wide);
    }
}
