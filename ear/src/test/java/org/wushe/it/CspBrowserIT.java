package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every main page works under the Content Security Policy: for each role of the demo city the test
 * opens every entry of the menu (and a detail page of the needs, projects and issues), then the
 * public pages and the sign-in page, and reads the browser's console: no script, style or frame was
 * refused by the policy. A deliberately injected inline script shows that the policy is enforced and
 * that such a refusal would be seen. An ajax request on a page whose state is gone lands on the
 * expired-page message instead of doing nothing.
 */
class CspBrowserIT extends BrowserTest {

    private static final List<String> ROLES = List.of("social1", "secretary1", "cadre1", "grid1", "street1",
            "resident1", "admin", "security", "auditor", "operator");

    @Test
    void everyMainPage_runsUnderThePolicy_withoutAViolation() {
        String https = TestHttp.https(base).toString();
        List<String> violations = new ArrayList<>();
        Set<String> opened = new LinkedHashSet<>();
        for (String user : ROLES) {
            signIn(user);
            violations.addAll(violations(user + " home"));
            List<String> pages = driver.findElements(By.cssSelector("nav.wushe-nav a")).stream()
                    .map(a -> a.getAttribute("href")).filter(h -> h != null && h.startsWith(https))
                    .distinct().collect(Collectors.toList());
            assertFalse(pages.isEmpty(), user + " has a menu");
            for (String page : pages) {
                open(wait, page);
                opened.add(page.substring(https.length()).replaceAll("\\?.*", ""));
                violations.addAll(violations(user + " " + page));
            }
            if (user.equals("social1")) {
                for (String[] detail : new String[][] {{"docking/needs.xhtml", "need.xhtml?"},
                        {"fund/projects.xhtml", "project.xhtml?"}, {"deliberation/issues.xhtml", "issue.xhtml?"}}) {
                    open(wait, https + detail[0]);
                    List<WebElement> links = driver.findElements(By.cssSelector("a[href*='" + detail[1] + "']"));
                    assertFalse(links.isEmpty(), "a detail link on " + detail[0]);
                    String href = links.get(0).getAttribute("href");
                    open(wait, href);
                    opened.add(detail[1]);
                    violations.addAll(violations(user + " " + href));
                }
            }
        }
        driver.manage().deleteAllCookies();
        for (String open : List.of("public/opportunities.xhtml?community=C001", "public/fund.xhtml?community=C001",
                "public/decisions.xhtml?community=C001", "login.xhtml")) {
            this.open(wait, https + open);
            opened.add(open);
            violations.addAll(violations("anonymous " + open));
        }
        assertTrue(opened.size() >= 40, "the main pages were opened: " + opened);
        assertEquals(List.of(), violations, "pages opened: " + opened);

        // The control: an inline script without the page's nonce is refused, and the refusal is seen.
        ((JavascriptExecutor) driver).executeScript(
                "var s = document.createElement('script'); s.textContent = 'window.injected = 1;';"
                        + " document.body.appendChild(s);");
        assertEquals(null, ((JavascriptExecutor) driver).executeScript("return window.injected === undefined ? null : 1;"),
                "the injected inline script did not run");
        assertFalse(violations("control").isEmpty(), "the refused inline script shows in the console");
    }

    @Test
    void ajaxRequest_onAnExpiredView_showsTheExpiredPage() {
        signIn("social1");
        open(wait, TestHttp.https(base) + "residents/list.xhtml");
        // The server no longer knows the view (as after a long pause or a second sign-in).
        ((JavascriptExecutor) driver).executeScript(
                "document.querySelectorAll(\"input[name='jakarta.faces.ViewState']\").forEach(i => i.value = '-1:-1');");
        driver.findElement(By.id("residents:search")).click();
        wait.until(d -> d.getCurrentUrl().contains("/error/expired"));
        assertTrue(driver.findElement(By.tagName("h1")).getText().contains("页面已过期"), driver.getPageSource());
        screenshot("error-expired");
        driver.findElement(By.linkText("返回首页")).click();
        wait.until(d -> !d.findElements(By.id("who")).isEmpty());
    }

    /**
     * The session keeps the states of the last eight pages opened (web.xml): a residents list left
     * open in one tab while seven pages are opened in another still searches; one left while nine
     * pages are opened answers with the expired page.
     */
    @Test
    void sessionKeepsTheLastEightPages_anOlderOneAnswersExpired() {
        signIn("social1");
        String https = TestHttp.https(base).toString();
        List<String> others = List.of("index.xhtml", "docking/needs.xhtml", "casework/referrals.xhtml",
                "fund/overview.xhtml", "deliberation/issues.xhtml", "volunteering/queue.xhtml",
                "docking/resources.xhtml", "notifications.xhtml", "index.xhtml");
        String first = driver.getWindowHandle();
        open(wait, https + "residents/list.xhtml");
        String second = driver.switchTo().newWindow(WindowType.TAB).getWindowHandle();
        others.subList(0, 7).forEach(page -> open(wait, https + page));
        driver.switchTo().window(first);
        search();
        assertTrue(driver.getCurrentUrl().contains("residents/list.xhtml"), "seven pages later: " + driver.getCurrentUrl());

        driver.switchTo().window(second);
        others.forEach(page -> open(wait, https + page));
        driver.switchTo().window(first);
        search();
        assertTrue(driver.getCurrentUrl().contains("/error/expired"), "nine pages later: " + driver.getCurrentUrl());
        assertTrue(driver.findElement(By.tagName("h1")).getText().contains("页面已过期"), driver.getPageSource());
    }

    /** The residents search, followed until its answer replaced the table or the whole page. */
    private void search() {
        WebElement table = driver.findElement(By.id("residents:table"));
        driver.findElement(By.id("residents:search")).click();
        wait.until(ExpectedConditions.stalenessOf(table));
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private void open(WebDriverWait wait, String url) {
        driver.get(url);
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        // widgets are set up by scripts that run after the load event
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return !window.PrimeFaces || !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty();")));
    }

    /** The policy refusals the console holds since the last call, labelled with where they happened. */
    private List<String> violations(String where) {
        List<String> found = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            String message = entry.getMessage();
            if (message.contains("Content Security Policy") || message.contains("Refused to")) {
                found.add(where + ": " + message);
            }
        }
        return found;
    }
}
