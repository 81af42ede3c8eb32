package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A social worker takes one need round the whole docking loop in the browser: registers it on the
 * needs board, assesses it, sees a resource of the ledger ranked for it with the reasons, confirms
 * the match, starts and finishes the action, records the feedback and closes the need with the
 * resident's rating. Bad input is refused next to its field and what was typed stays.
 */
class DockingBrowserIT extends BrowserTest {

    private String post(String user, String path, String json) {
        return new ApiClient(base).created(user, path, json);
    }

    private void statusBecomes(String status) {
        wait.until(d -> d.findElement(By.id("needStatus")).getText().equals(status));
    }

    @Test
    void socialWorker_takesANeedRoundTheWholeLoop() throws Exception {
        long tag = System.nanoTime() % 1_000_000;
        String resource = "浏览器测试助老陪护" + tag;
        String title = "浏览器测试：独居老人需要陪同就医" + tag;
        LocalDate today = LocalDate.now(Browser.SERVER_ZONE);
        post("social1", "communities/C001/resources", "{\"gridCode\":\"C001-G01\",\"sphere\":\"VOLUNTEER\","
                + "\"type\":\"SERVICE\",\"categoryCode\":\"ELDERLY_CARE\",\"name\":\"" + resource + "\","
                + "\"providerName\":\"浏览器测试志愿队" + tag + "\",\"capacity\":2}");

        try {
            signIn("social1");
            driver.get(TestHttp.https(base) + "docking/needs.xhtml");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("register:title")));
            choose("register:gridCode", "C001-G01");
            choose("register:categoryCode", "ELDERLY_CARE");
            choose("register:source", "HOME_VISIT");
            type("register:title", title);
            type("register:description", "独居，行动不便，每月需陪同去医院复诊");
            driver.findElement(By.id("register:submit")).click();
            WebElement link = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//a[contains(@class,'open-need') and normalize-space(.)='" + title + "']")));
            screenshot("docking-board");
            link.click();

            statusBecomes("已登记");
            type("assess:findings", "独居高龄，需要每月一次陪同就医");
            choose("assess:priority", "2");
            driver.findElement(By.id("assess:save")).click();
            statusBecomes("已评估");

            driver.findElement(By.id("toMatch")).click();
            WebElement suggested = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//tbody[@id='suggestions:table_data']/tr[.//*[contains(@class,'resource-name') and normalize-space(.)='"
                            + resource + "']]")));
            String row = suggested.getText();
            assertTrue(row.contains("100"), "same grid cell, same category, all free, an idle provider: " + row);
            assertTrue(row.contains("类别相符") && row.contains("同一网格") && row.contains("可用 2 / 2"),
                    "the reasons are shown in words: " + row);
            screenshot("docking-match");
            suggested.findElement(By.cssSelector(".choose")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm:dueOn")));
            choose("confirm:owner", "social1");
            type("confirm:participants", "志愿者张三，志愿者李四");
            type("confirm:dueOn", today.plusDays(3).toString());
            driver.findElement(By.id("confirm:submit")).click();

            statusBecomes("已对接");
            assertTrue(driver.findElement(By.id("actions:table")).getText().contains(resource));
            assertTrue(driver.findElement(By.id("actions:table")).getText().contains("同一网格"),
                    "the need page keeps the reasons of the match");
            driver.findElement(By.cssSelector("#actions\\:table .start-action")).click();
            statusBecomes("服务中");

            type("finish:outcome", "已陪同老人到医院复诊并送回家");
            driver.findElement(By.id("finish:done")).click();
            wait.until(d -> d.findElement(By.id("actions:table")).getText().contains("已完成"));

            type("feedback:feedback", "老人表示很满意，希望下月继续");
            driver.findElement(By.id("feedback:save")).click();
            statusBecomes("已反馈");

            choose("closure:satisfaction", "5");
            type("closure:ratedBy", "老人本人");
            driver.findElement(By.id("closure:close")).click();
            WebElement refusal = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//*[@id='closure:comment']/following-sibling::*[contains(@class,'ui-message-error')]")));
            assertTrue(refusal.getText().contains("必填"), "closing needs the rating's comment: " + refusal.getText());
            assertEquals("已反馈", driver.findElement(By.id("needStatus")).getText());
            assertEquals("老人本人", driver.findElement(By.id("closure:ratedBy")).getAttribute("value"),
                    "what was typed stays");

            type("closure:comment", "服务及时，态度很好");
            driver.findElement(By.id("closure:close")).click();
            statusBecomes("已办结");
            assertEquals("5 / 5", driver.findElement(By.id("needSatisfaction")).getText());
            assertTrue(driver.findElement(By.id("closureShown")).getText().contains("服务及时，态度很好"));
            assertTrue(driver.findElement(By.id("events")).getText().contains("已办结"), "the history shows the closure");
            screenshot("docking-closed");
        } catch (AssertionError | RuntimeException e) {
            screenshot(testName + "-failed");
            throw e;
        }
    }

    @Test
    void registeringWithoutATitle_isRefusedNextToTheField_andKeepsTheInput() {
        try {
            signIn("cadre1");
            driver.get(TestHttp.https(base) + "docking/needs.xhtml");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("register:title")));
            choose("register:gridCode", "C001-G01");
            choose("register:categoryCode", "ELDERLY_CARE");
            choose("register:source", "GRID_PATROL");
            type("register:description", "楼道灯坏了，老人夜里出行不便");
            driver.findElement(By.id("register:submit")).click();
            WebElement message = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//*[@id='register:title']/following-sibling::*[contains(@class,'ui-message-error')]")));
            screenshot("docking-register-refused");
            assertTrue(message.getText().contains("此项必填"), message.getText());
            assertEquals("楼道灯坏了，老人夜里出行不便",
                    driver.findElement(By.id("register:description")).getAttribute("value"), "what was typed stays");
            assertEquals("ELDERLY_CARE", ((JavascriptExecutor) driver).executeScript(
                    "return document.getElementById('register:categoryCode_input').value"));
            assertFalse(driver.findElement(By.id("register")).getText().contains("已登记"), "nothing was registered");
        } catch (AssertionError | RuntimeException e) {
            screenshot(testName + "-failed");
            throw e;
        }
    }

    @Test
    void theDockingPagesOpen_andTheOpportunityListIsPublicWithoutSignIn() {
        try {
            driver.get(TestHttp.https(base) + "public/opportunities.xhtml?community=C001&year=" + LocalDate.now(Browser.SERVER_ZONE).getYear());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
            assertTrue(driver.getCurrentUrl().contains("/public/opportunities.xhtml"), "no sign-in asked");
            assertTrue(driver.findElement(By.tagName("h1")).getText().contains("参与机会清单"));

            signIn("secretary1");
            // The pages are loaded once their menu link shows; looking for an absent error box must
            // not sit out the implicit wait on every page.
            driver.manage().timeouts().implicitlyWait(java.time.Duration.ZERO);
            for (String page : List.of("needs", "resources", "opportunities", "circle", "services", "inspections")) {
                driver.get(TestHttp.https(base) + "docking/" + page + ".xhtml");
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav-" + page)));
                assertTrue(driver.findElements(By.cssSelector(".ui-messages-error")).isEmpty(),
                        page + " opens without an error: " + driver.findElement(By.tagName("main")).getText());
            }
            screenshot("docking-inspections");

            driver.manage().deleteAllCookies();
            signIn("admin");
            driver.get(TestHttp.https(base) + "admin/categories.xhtml");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav-categories")));
            assertEquals("养老助老", driver.findElement(By.id("categories:table:0:nameZh")).getAttribute("value"),
                    "the bureau's categories are listed, first in their order");
        } catch (AssertionError | RuntimeException e) {
            screenshot(testName + "-failed");
            throw e;
        }
    }
}
