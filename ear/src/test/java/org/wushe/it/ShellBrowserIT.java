package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wushe.security.domain.Right.*;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.wushe.security.domain.Right;
import org.wushe.security.domain.Role;

/**
 * The shell's menu by zone: each demo role's menu holds exactly the pages its rights reached from the
 * shell before the menu was grouped (the rules below are the old links' conditions, page by page),
 * with at most ten top-level entries; the page shown is marked; the menu works from the keyboard;
 * a detail page shows its breadcrumbs.
 */
class ShellBrowserIT extends BrowserTest {

    /** Each page of the shell and who reached it: a role holding any of the rights (none: everyone). */
    private static final Map<String, Set<Right>> PAGES = new LinkedHashMap<>();

    static {
        reach("index.xhtml");
        reach("residents/list.xhtml", VIEW_RESIDENTS);
        reach("volunteering/my.xhtml", SELF_SERVICE);
        reach("volunteering/positions.xhtml", MANAGE_VOLUNTEERING);
        reach("volunteering/queue.xhtml", VERIFY_HOURS);
        reach("volunteering/whistle.xhtml", POST_WHISTLE, SELF_SERVICE);
        reach("docking/needs.xhtml", VIEW_DOCKING);
        reach("docking/resources.xhtml", VIEW_DOCKING);
        reach("docking/opportunities.xhtml", VIEW_DOCKING, SELF_SERVICE);
        reach("docking/circle.xhtml", VIEW_DOCKING);
        reach("docking/services.xhtml", VIEW_DOCKING, SELF_SERVICE);
        reach("docking/inspections.xhtml", VIEW_DOCKING);
        reach("training/courses.xhtml", VIEW_RESIDENTS, SELF_SERVICE);
        reach("training/my.xhtml", SELF_SERVICE);
        reach("training/ladder.xhtml", VIEW_RESIDENTS);
        reach("deliberation/issues.xhtml", VIEW_DELIBERATION, SELF_SERVICE);
        reach("deliberation/meetings.xhtml", VIEW_DELIBERATION);
        reach("deliberation/reviews.xhtml", VIEW_DELIBERATION);
        reach("casework/patrols.xhtml", VIEW_GRID_WORK);
        reach("casework/referrals.xhtml", VIEW_GRID_WORK);
        reach("casework/cases.xhtml", RUN_CASEWORK, VIEW_CASEWORK_FIGURES);
        reach("casework/board.xhtml", VIEW_CASEWORK_FIGURES);
        reach("casework/indices.xhtml", VIEW_CASEWORK_FIGURES);
        for (String fund : new String[] {"overview", "donations", "ledger", "projects", "shares"}) {
            reach("fund/" + fund + ".xhtml", VIEW_FUND);
        }
        reach("fund/config.xhtml", CONFIGURE_FUND);
        reach("organisations/list.xhtml", VIEW_ORGANISATIONS);
        reach("organisations/overview.xhtml", VIEW_ORGANISATIONS);
        reach("organisations/settings.xhtml", CONFIGURE_ORGANISATIONS);
        reach("admin/points.xhtml", MANAGE_POINT_RULES);
        reach("admin/categories.xhtml", CONFIGURE_NEED_CATEGORIES);
        reach("admin/geography.xhtml", ADMINISTER_GEOGRAPHY);
        reach("security/accounts.xhtml", ADMINISTER_ACCOUNTS);
        reach("audit/log.xhtml", VIEW_AUDIT_LOG);
        reach("assessment/dashboard.xhtml", VIEW_ASSESSMENT);
        reach("operator/jobs.xhtml", OPERATE_JOBS);
    }

    /** One demo account of every role. */
    private static final Map<String, Role> USERS = new LinkedHashMap<>();

    static {
        USERS.put("admin", Role.SYSTEM_ADMIN);
        USERS.put("security", Role.SECURITY_ADMIN);
        USERS.put("auditor", Role.AUDIT_ADMIN);
        USERS.put("operator", Role.IT_OPERATOR);
        USERS.put("street1", Role.SUB_DISTRICT_OFFICER);
        USERS.put("secretary1", Role.PARTY_SECRETARY);
        USERS.put("social1", Role.SOCIAL_WORKER);
        USERS.put("cadre1", Role.COMMUNITY_CADRE);
        USERS.put("grid1", Role.GRID_WORKER);
        USERS.put("resident1", Role.RESIDENT);
    }

    private static void reach(String path, Right... rights) {
        PAGES.put(path, Set.of(rights));
    }

    private static Set<String> expected(Role role) {
        Predicate<Set<Right>> reaches = rights -> rights.isEmpty() || rights.stream().anyMatch(role::has);
        return PAGES.entrySet().stream().filter(e -> reaches.test(e.getValue())).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void eachDemoRolesMenu_holdsExactlyThePagesItsRightsReach_inAtMostTenEntries() {
        String https = TestHttp.https(base).toString();
        try {
            for (Map.Entry<String, Role> user : USERS.entrySet()) {
                signIn(user.getKey());
                Set<String> menu = driver.findElements(By.cssSelector("nav.wushe-nav a[href]:not(.ui-submenu-link)")).stream()
                        .map(a -> a.getAttribute("href")).filter(h -> h.startsWith(https))
                        .map(h -> h.substring(https.length()).replaceAll("[;?#].*$", ""))
                        .collect(Collectors.toCollection(TreeSet::new));
                assertEquals(expected(user.getValue()), menu, user.getKey() + "'s menu");
                int top = driver.findElements(By.cssSelector("nav.wushe-nav .wushe-menubar > ul > li")).size();
                assertTrue(top >= 1 && top <= 10, user.getKey() + " has " + top + " top-level entries");
                screenshot("shell-menu-" + user.getKey());
            }
        } catch (AssertionError | RuntimeException e) {
            screenshot(testName + "-failed");
            throw e;
        }
    }

    @Test
    void thePageShown_isMarkedAsCurrent_andADetailPageShowsItsBreadcrumbs() {
        try {
            signIn("secretary1");
            menu("nav-needs");
            wait.until(d -> "page".equals(d.findElement(By.id("nav-needs")).getAttribute("aria-current")));
            assertEquals(null, driver.findElement(By.id("nav-resources")).getAttribute("aria-current"),
                    "only the page shown is marked");
            assertTrue(driver.findElements(By.cssSelector("nav.wushe-breadcrumbs")).isEmpty(), "a list has no breadcrumbs");

            WebElement detail = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("main a[href*='need.xhtml?']")));
            open(detail.getAttribute("href"));
            WebElement crumbs = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("nav.wushe-breadcrumbs")));
            String text = crumbs.getText();
            assertTrue(text.contains("我的待办") && text.contains("资源对接") && text.contains("需求看板"), text);
            assertEquals("true", driver.findElement(By.id("nav-needs")).getAttribute("aria-current"),
                    "the list the detail page came from is marked as the current section");
            screenshot("shell-breadcrumbs");
            crumbs.findElement(By.linkText("需求看板")).click();
            wait.until(d -> d.getCurrentUrl().contains("docking/needs.xhtml"));
        } catch (AssertionError | RuntimeException e) {
            screenshot(testName + "-failed");
            throw e;
        }
    }

    @Test
    void theMenu_isUsedFromTheKeyboard() {
        try {
            signIn("secretary1");
            driver.executeScript("document.getElementById('nav-home').focus();");
            driver.switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT);
            wait.until(d -> d.switchTo().activeElement().getText().contains("社区与居民"));
            driver.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
            wait.until(d -> "nav-residents".equals(d.switchTo().activeElement().getAttribute("id")));
            driver.switchTo().activeElement().sendKeys(Keys.ENTER);
            wait.until(d -> d.getCurrentUrl().contains("residents/list.xhtml"));
        } catch (AssertionError | RuntimeException e) {
            screenshot(testName + "-failed");
            throw e;
        }
    }
}
