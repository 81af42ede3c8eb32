package org.wushe.it;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven through its own ChromeDriver; nothing is downloaded at test
 * time. Screenshots go to {@code target/screenshots} for a person to look at.
 */
final class Browser {

    /** The test server's time zone (config/server.sh prepare-test): typed times are read in it. */
    static final java.time.ZoneId SERVER_ZONE = java.time.ZoneId.of("Asia/Shanghai");

    private Browser() {
    }

    static ChromeDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("wushe.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1366,900", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("wushe.chromedriver", "/usr/bin/chromedriver")))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }

    /** A wait of 20 s that looks again when an ajax update replaces the element a condition looks at. */
    static org.openqa.selenium.support.ui.WebDriverWait waiting(ChromeDriver driver) {
        org.openqa.selenium.support.ui.WebDriverWait wait =
                new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(20));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    /** Fills and submits the sign-in form as a new session; the caller waits for what should follow. */
    static void submitSignIn(ChromeDriver driver, java.net.URL base, String user, String password) {
        driver.manage().deleteAllCookies();
        driver.get(base + "login.xhtml");
        driver.findElement(org.openqa.selenium.By.id("login:username")).sendKeys(user);
        driver.findElement(org.openqa.selenium.By.id("login:password")).sendKeys(password);
        driver.findElement(org.openqa.selenium.By.id("login:submit")).click();
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
