package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Community organisations in the browser: a social worker registers an organisation (a blank name is
 * refused next to the field, what was typed stays), opens it, adds a member and an activity, sees
 * its tier with what holds it back and the checklist of its tier, and ticks an item done.
 */
class OrganisationBrowserIT extends BrowserTest {

    private void textSays(By where, String text) {
        wait.until(d -> d.findElement(where).getText().contains(text));
    }

    @Test
    void socialWorker_registersAnOrganisation_addsAMemberAndAnActivity_andTicksTheChecklist() {
        long tag = System.nanoTime() % 1_000_000;
        String name = "浏览器测试广场舞队" + tag;
        LocalDate today = LocalDate.now(Browser.SERVER_ZONE);
        ApiClient api = new ApiClient(base);
        long leader = ApiClient.object(api.call("social1", "GET", "residents?community=C001&size=1&first=70", null))
                .getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        long member = ApiClient.object(api.call("social1", "GET", "residents?community=C001&size=1&first=71", null))
                .getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();

        try {
            signIn("social1");
            menu("nav-organisations");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("list:organisations")));
            textSays(By.id("list:organisations"), "阳光公益服务社");

            // A blank name is refused next to the field; the date typed stays.
            type("register:foundedOn", today.minusYears(2).toString());
            type("register:leaderResidentId", String.valueOf(leader));
            choose("register:type", "CULTURE_SPORTS");
            driver.findElement(By.id("register:create")).click();
            textSays(By.id("register"), "此项必填");
            assertEquals(today.minusYears(2).toString(), driver.findElement(By.id("register:foundedOn")).getAttribute("value"));

            type("register:name", name);
            driver.findElement(By.id("register:create")).click();
            textSays(By.id("list:msgs"), "已登记“" + name + "”");
            WebElement link = wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText(name)));
            WebElement row = link.findElement(By.xpath("./ancestor::tr"));
            assertTrue(row.getText().contains("初创期"), row.getText());
            assertTrue(row.getText().contains("差 6 次活动达到成长期"), row.getText());
            link.click();

            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tier:tierName")));
            assertEquals(name, driver.findElement(By.id("tier:name")).getText());
            assertEquals("初创期", driver.findElement(By.id("tier:tierName")).getText());
            assertTrue(driver.findElement(By.id("tier:leader")).getText().contains("*"), "the leader is masked");
            textSays(By.id("checklist:items"), "指定一名社工结对陪伴");

            type("member:residentId", String.valueOf(member));
            type("member:joinedOn", today.minusYears(1).toString());
            driver.findElement(By.id("member:add")).click();
            textSays(By.id("member:msgs"), "已加入成员");
            wait.until(d -> d.findElements(By.cssSelector("[id='member:members_data'] .member-name")).size() == 2);
            textSays(By.id("tier:holdingBack"), "差 8 名成员达到成长期");

            type("activity:heldOn", today.minusDays(1).toString());
            type("activity:title", "重阳节汇演");
            type("activity:participants", "40");
            type("activity:satisfaction", "4.6");
            type("activity:respondents", "25");
            driver.findElement(By.id("activity:add")).click();
            textSays(By.id("activity:msgs"), "已记录活动“重阳节汇演”");
            textSays(By.id("activity:activities"), "重阳节汇演");
            textSays(By.id("tier:holdingBack"), "差 5 次活动达到成长期");
            textSays(By.id("tier:inputs"), "满意度 4.6（25 人评价）");

            WebElement item = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                    "//tbody[@id='checklist:items_data']/tr[.//span[contains(@class,'item-title') and "
                            + "normalize-space(.)='指定一名社工结对陪伴']]")));
            item.findElement(By.cssSelector("button.tick")).click();
            textSays(By.id("checklist:msgs"), "已完成“指定一名社工结对陪伴”");
            textSays(By.id("checklist:items"), today + " 由 social1 完成");
        } catch (RuntimeException | AssertionError e) {
            screenshot("organisation");
            throw e;
        }
    }

    @Test
    void bureau_seesTheTierOverview_andAGrowingThresholdAboveTheMatureOneIsRefused() {
        try {
            signIn("admin");
            menu("nav-organisationTiers");
            WebElement c001 = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                    "//tbody[@id='overview:tiers_data']/tr[.//a[starts-with(normalize-space(.),'C001')]]")));
            for (String tier : List.of("NASCENT", "GROWING", "MATURE")) {
                assertTrue(Integer.parseInt(c001.findElement(By.cssSelector(".count-" + tier)).getText()) >= 1,
                        tier + " in C001: " + c001.getText());
            }

            menu("nav-organisationSettings");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("growing:minActivities")));
            textSays(By.id("items:list"), "承接政府购买服务或公益创投项目");
            type("growing:minActivities", "99");
            driver.findElement(By.id("growing:save")).click();
            textSays(By.id("growing"), "成长期阈值不能高于成熟期");
            assertEquals("99", driver.findElement(By.id("growing:minActivities")).getAttribute("value"));
        } catch (RuntimeException | AssertionError e) {
            screenshot("organisation-settings");
            throw e;
        }
    }
}
