package org.wushe.it;

import java.net.URL;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The browser's part of {@link ExportBoundIT}: presses the residents' export and reads the refusal. */
final class ExportBoundClient {

    private ExportBoundClient() {
    }

    /** Signs in as the demo social worker, presses "导出 Excel" on C001's residents; the message beside it. */
    static String refusalShown(URL base) {
        ChromeDriver driver = Browser.start();
        try {
            WebDriverWait wait = Browser.waiting(driver, Duration.ofSeconds(20));
            Browser.signIn(driver, wait, base, "social1", ApiClient.DEMO_PASSWORD);
            driver.get(TestHttp.https(base) + "residents/list.xhtml?community=C001");
            wait.until(d -> d.findElement(By.id("residents:exportXlsx"))).click();
            String text = wait.until(d -> {
                String t = d.findElement(By.cssSelector(".wushe-export .ui-message-error")).getText();
                return t.isBlank() ? null : t;
            });
            Browser.screenshot(driver, "export-beyond-the-bound");
            return text;
        } finally {
            driver.quit();
        }
    }
}
