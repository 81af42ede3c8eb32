package org.wushe.it;

import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What every browser test shares: the deployed application as a client sees it ({@link #base}), a
 * fresh headless browser for each test ({@link #driver}, quit after it), the 20 s wait
 * ({@link #wait}), sign-in with the demo city's password, and typing and choosing through
 * {@link Browser}. A subclass declares its tests (the deployment is the suite's, {@link SuiteDeployment}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class BrowserTest {

    /** Every account of the demo city signs in with it. */
    static final String PASSWORD = ApiClient.DEMO_PASSWORD;

    @ArquillianResource
    URL base;

    /** This test's browser, started before it and quit after it. */
    ChromeDriver driver;

    /** The 20 s wait that looks again when an ajax update replaces the element it looks at. */
    WebDriverWait wait;

    /** The running test method's name, for screenshots of a failure. */
    String testName;

    @BeforeEach
    final void openBrowser(TestInfo info) {
        testName = info.getTestMethod().map(m -> m.getName()).orElse(getClass().getSimpleName());
        driver = Browser.start();
        wait = Browser.waiting(driver, Duration.ofSeconds(20));
    }

    @AfterEach
    final void closeBrowser() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    /** A wait longer than {@link #wait}, for a job or a run the page follows. */
    WebDriverWait waiting(Duration timeout) {
        return Browser.waiting(driver, timeout);
    }

    /** Signs in as a new session with the demo password and waits for the shell's user line. */
    void signIn(String user) {
        Browser.signIn(driver, wait, base, user, PASSWORD);
    }

    /** Fills and submits the sign-in form as a new session; the test waits for what should follow. */
    void submitSignIn(String user, String password) {
        Browser.submitSignIn(driver, base, user, password);
    }

    /** The address of a page of the application over HTTPS, e.g. {@code page("login.xhtml")}. */
    String page(String path) {
        return TestHttp.https(base) + path;
    }

    /** Replaces the text of an input once it is visible. */
    void type(String id, String text) {
        Browser.type(wait, id, text);
    }

    /** Picks a choice of a PrimeFaces select menu by its value. */
    void choose(String menuId, String value) {
        Browser.choose(driver, wait, menuId, value);
    }

    /**
     * Follows a link of the shell's menu by its id ({@code nav-needs}): opens its zone first when the
     * link sits in one, as a person would.
     */
    void menu(String id) {
        wait.until(d -> {
            org.openqa.selenium.WebElement link = d.findElement(By.id(id));
            if (!link.isDisplayed()) {
                d.findElement(By.xpath("//a[@id='" + id + "']/ancestor::li[contains(@class,'ui-menu-parent')]"
                        + "[last()]/a")).click();
                return false;
            }
            link.click();
            return true;
        });
    }

    /** Opens an address and waits until the page and its widgets' scripts have run. */
    void open(String url) {
        driver.get(url);
        wait.until(d -> "complete".equals(driver.executeScript("return document.readyState")));
        wait.until(d -> Boolean.TRUE.equals(driver.executeScript(
                "return !window.PrimeFaces || !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty();")));
    }

    /** Makes the browser window the size of a phone (390 x 844 CSS pixels) or of a desk (1400 x 900). */
    void windowOf(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    }

    /** A screenshot into {@code target/screenshots} for a person to look at. */
    void screenshot(String name) {
        Browser.screenshot(driver, name);
    }

    /** On the operator's jobs page: presses start and returns the execution id the message names. */
    String startOnJobsPage() {
        driver.findElement(By.id("start:go")).click();
        String started = wait.until(d -> {
            String text = d.findElement(By.id("start:msgs")).getText();
            return text.matches("(?s).*\\d+\\D*$") ? text : null;
        });
        return started.replaceAll("(?s)^.*?(\\d+)\\D*$", "$1");
    }

    /** The jobs page's row of an execution. */
    static By executionRow(String id) {
        return By.xpath("//tbody[@id='executions:list_data']/tr[td[1][normalize-space(.)='" + id + "']]");
    }

    /** Refreshes the jobs page's executions until the execution has completed; returns its row's text. */
    String untilCompleted(String id, Duration timeout) {
        By status = By.xpath("//tbody[@id='executions:list_data']/tr[td[1][normalize-space(.)='" + id
                + "']]//span[contains(@id,':status')]");
        return waiting(timeout).until(d -> {
            d.findElement(By.id("executions:refresh")).click();
            return "COMPLETED".equals(d.findElement(status).getAttribute("title"))
                    ? d.findElement(executionRow(id)).getText() : null;
        });
    }
}
