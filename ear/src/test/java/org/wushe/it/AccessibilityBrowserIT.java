package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * WCAG 2.1 A and AA by axe-core on every main page, as the roles that use it: every page of each
 * role's menu (opened once, by the first role that reaches it), the detail pages, the sign-in page
 * and the public pages. A violation of impact serious or critical fails the test and is printed.
 */
class AccessibilityBrowserIT extends BrowserTest {

    private static final List<String> ROLES = List.of("social1", "secretary1", "grid1", "resident1", "street1",
            "admin", "security", "auditor", "operator");

    @Test
    void everyMainPage_hasNoSeriousOrCriticalViolation() {
        String https = TestHttp.https(base).toString();
        List<String> violations = new ArrayList<>();
        Set<String> opened = new LinkedHashSet<>();
        open(https + "login.xhtml");
        violations.addAll(Axe.serious(driver, "anonymous login"));
        opened.add("login.xhtml");
        for (String user : ROLES) {
            signIn(user);
            List<String> pages = driver.findElements(By.cssSelector("nav.wushe-nav a[href]:not(.ui-submenu-link)")).stream()
                    .map(a -> a.getAttribute("href")).filter(h -> h.startsWith(https)).distinct()
                    .collect(Collectors.toList());
            for (String page : pages) {
                String path = page.substring(https.length()).replaceAll("[;?#].*$", "");
                if (opened.add(path)) {
                    open(page);
                    violations.addAll(Axe.serious(driver, user + " " + path));
                }
            }
            if (user.equals("social1")) {
                for (String[] detail : new String[][] {{"docking/needs.xhtml", "need.xhtml?"},
                        {"fund/projects.xhtml", "project.xhtml?"}, {"deliberation/issues.xhtml", "issue.xhtml?"},
                        {"residents/list.xhtml", "view.xhtml?"}, {"training/courses.xhtml", "session.xhtml?"},
                        {"organisations/list.xhtml", "organisation.xhtml?"}}) {
                    open(https + detail[0]);
                    List<WebElement> links = driver.findElements(By.cssSelector("main a[href*='" + detail[1] + "']"));
                    if (!links.isEmpty()) {
                        open(links.get(0).getAttribute("href"));
                        opened.add(detail[1]);
                        violations.addAll(Axe.serious(driver, user + " " + detail[1]));
                    }
                }
                open(https + "account/password.xhtml");
                opened.add("account/password.xhtml");
                violations.addAll(Axe.serious(driver, user + " account/password"));
            }
        }
        driver.manage().deleteAllCookies();
        for (String open : List.of("public/opportunities.xhtml?community=C001", "public/fund.xhtml?community=C001",
                "public/decisions.xhtml?community=C001")) {
            open(https + open);
            opened.add(open);
            violations.addAll(Axe.serious(driver, "anonymous " + open));
        }
        violations.forEach(System.out::println);
        assertTrue(opened.size() >= 40, "the main pages were opened: " + opened);
        assertEquals(List.of(), violations, "pages opened: " + opened);
    }

    @Test
    void thePagesLanguage_followsTheChosenLocale() {
        signIn("social1");
        assertEquals("zh-CN", driver.findElement(By.tagName("html")).getAttribute("lang"));
        driver.findElement(By.id("shell:lang-en")).click();
        wait.until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        driver.findElement(By.id("shell:lang-zh")).click();
        wait.until(d -> "zh-CN".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
    }
}
