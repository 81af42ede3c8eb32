package org.wushe.it;

import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through its own ChromeDriver; nothing is downloaded at test
 * time. Screenshots go to {@code target/screenshots} for a person to look at. The browser tests use
 * it through {@link BrowserTest}, which owns the driver, the wait and the sign-in.
 */
final class Browser {

    /** The test server's time zone (config/server.sh prepare-test): typed times are read in it. */
    static final ZoneId SERVER_ZONE = ZoneId.of("Asia/Shanghai");

    private Browser() {
    }

    static ChromeDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("wushe.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1366,900", "--lang=zh-CN");
        // The test domain's certificate is self-signed (config/server.sh prepare-test).
        options.setAcceptInsecureCerts(true);
        // The console (CSP violations among others) is read by the tests.
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("wushe.chromedriver", "/usr/bin/chromedriver")))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }

    /**
     * A wait that looks again when an ajax update replaces the element a condition looks at: the
     * driver reports that as a stale element, or, when the node went away between finding it and
     * reading it, as an inspector error naming a node that "does not belong to the document".
     */
    static WebDriverWait waiting(ChromeDriver driver, Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout) {
            @Override
            public <V> V until(Function<? super WebDriver, ? extends V> isTrue) {
                return super.until((Function<WebDriver, V>) d -> {
                    try {
                        return isTrue.apply(d);
                    } catch (WebDriverException e) {
                        if (replacedNode(e)) {
                            return null;
                        }
                        throw e;
                    }
                });
            }
        };
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** The driver's report of a node that an ajax update took out of the page while it was read. */
    static boolean replacedNode(WebDriverException e) {
        String message = e.getMessage();
        return !(e instanceof StaleElementReferenceException) && message != null
                && message.contains("does not belong to the document");
    }

    /** Fills and submits the sign-in form as a new session; the caller waits for what should follow. */
    static void submitSignIn(ChromeDriver driver, URL base, String user, String password) {
        driver.manage().deleteAllCookies();
        driver.get(TestHttp.https(base) + "login.xhtml");
        driver.findElement(By.id("login:username")).sendKeys(user);
        driver.findElement(By.id("login:password")).sendKeys(password);
        driver.findElement(By.id("login:submit")).click();
    }

    /**
     * Signs in as a new session and waits for the shell's user line ("who"); a demo administrator
     * gives the demo second factor's code in the second step.
     */
    static void signIn(ChromeDriver driver, WebDriverWait wait, URL base,
            String user, String password) {
        submitSignIn(driver, base, user, password);
        if (DemoTotp.isAdministrator(user)) {
            submitCode(wait, DemoTotp.forSignIn(user));
        }
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.id("who")));
    }

    /** Types a code into the sign-in page's second step and submits it. */
    static void submitCode(WebDriverWait wait, String code) {
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("code:code")));
        input.clear();
        input.sendKeys(code);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("code:submit"))).click();
    }

    /** Replaces the text of an input once it is visible. */
    static void type(WebDriverWait wait, String id, String text) {
        WebElement input = wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.id(id)));
        input.clear();
        input.sendKeys(text);
    }

    /**
     * Picks a choice of a PrimeFaces select menu by its value: open it, click the item (retried while
     * the panel fades in) until the hidden select holds the value.
     *
     * @throws IllegalArgumentException when the value is not a choice of the menu
     */
    static void choose(ChromeDriver driver, WebDriverWait wait, String menuId, String value) {
        List<WebElement> options = driver.findElements(
                By.cssSelector("select[id='" + menuId + "_input'] option"));
        int index = -1;
        for (int i = 0; i < options.size(); i++) {
            if (value.equals(options.get(i).getAttribute("value"))) {
                index = i;
            }
        }
        if (index < 0) {
            throw new IllegalArgumentException(value + " is not a choice of " + menuId);
        }
        By item = By.xpath("(//div[@id='" + menuId
                + "_panel']//li[contains(@class,'ui-selectonemenu-item')])[" + (index + 1) + "]");
        for (int attempt = 1; ; attempt++) {
            if (!driver.findElement(By.id(menuId + "_panel")).isDisplayed()) {
                driver.findElement(By.id(menuId)).click();
            }
            wait.until(ExpectedConditions.elementToBeClickable(item)).click();
            try {
                new WebDriverWait(driver, Duration.ofSeconds(3)).until(d -> value.equals(
                        ((JavascriptExecutor) d).executeScript(
                                "return document.getElementById(arguments[0]).value", menuId + "_input")));
                return;
            } catch (TimeoutException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    static void screenshot(ChromeDriver driver, String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (Exception e) {
            // a missing screenshot must not fail the test it illustrates
        }
    }
}
