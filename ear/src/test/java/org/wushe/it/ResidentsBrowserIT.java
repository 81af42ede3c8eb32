package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What a social worker and the administrator click and see: sign in, masked residents (ID number
 * first and last character, an age band), a reveal with a stated purpose, a search by the exact ID
 * number (from the first row, even after paging), and that reveal in the administrator's audit log; a bad form is refused
 * next to its field and keeps what was typed.
 */
class ResidentsBrowserIT extends BrowserTest {

    private static final String MASKED_ID = "\\d\\*{16}[\\dX]";

    @Test
    void socialWorker_revealsOneResident_andTheAdministratorSeesItInTheAuditLog() {
        signIn("social1");
        screenshot("home-social1");
        assertTrue(driver.findElement(By.id("home:communities")).getText().contains("C001"));

        driver.get(TestHttp.https(base) + "residents/list.xhtml?community=C001");
        List<WebElement> ids = wait.until(ExpectedConditions.presenceOfAllElementsLocatedBy(By.cssSelector(".id-number")));
        assertFalse(ids.isEmpty());
        for (WebElement id : ids) {
            assertTrue(id.getText().matches(MASKED_ID), "masked in the list: " + id.getText());
        }
        screenshot("residents-masked");

        driver.findElements(By.cssSelector(".open-resident")).get(0).click();
        WebElement idNumber = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("resident:idNumber")));
        assertTrue(idNumber.getText().matches(MASKED_ID), idNumber.getText());
        String url = driver.getCurrentUrl();
        String residentId = url.substring(url.indexOf("id=") + 3).replaceAll("[^0-9].*", "");

        driver.findElement(By.id("resident:reveal")).click();
        WebElement purpose = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("resident:purpose")));
        purpose.sendKeys("浏览器测试：电话回访前核对号码");
        driver.findElement(By.id("resident:confirmReveal")).click();
        wait.until(d -> d.findElement(By.id("resident:idNumber")).getText().matches("\\d{17}[\\dX]"));
        assertTrue(driver.findElement(By.id("resident:phone")).getText().matches("1\\d{10}"));
        String fullId = driver.findElement(By.id("resident:idNumber")).getText();
        screenshot("resident-revealed");

        driver.get(TestHttp.https(base) + "residents/view.xhtml?id=" + residentId);
        assertTrue(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("resident:idNumber")))
                .getText().matches(MASKED_ID), "a reveal lasts for that view only");
        assertTrue(driver.findElement(By.id("resident:ageBand")).getText().matches("\\d+–\\d+|100\\+"),
                "an age band, not the age");

        // the exact ID number finds the one resident (through its keyed hash), shown masked; the
        // search starts from the first row even when the list was paged to its last page before
        driver.get(TestHttp.https(base) + "residents/list.xhtml?community=C001");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#residents\\:table .ui-paginator-last"))).click();
        wait.until(d -> {
            try {
                return !d.findElement(By.cssSelector("#residents\\:table .ui-paginator-page.ui-state-active")).getText()
                        .equals("1");
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return false;
            }
        });
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("residents:idNumber"))).sendKeys(fullId);
        driver.findElement(By.id("residents:search")).click();
        wait.until(d -> d.findElements(By.cssSelector(".id-number")).size() == 1);
        assertTrue(driver.findElement(By.cssSelector(".id-number")).getText().matches(MASKED_ID));
        assertEquals(fullId.charAt(0) + "****************" + fullId.charAt(17),
                driver.findElement(By.cssSelector(".id-number")).getText());
        assertTrue(driver.findElement(By.cssSelector(".age-band")).getText().contains("–")
                || driver.findElement(By.cssSelector(".age-band")).getText().equals("100+"));
        screenshot("residents-by-id-number");

        signIn("auditor");
        driver.get(TestHttp.https(base) + "audit/log.xhtml");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit:entries")));
        // the log is newest first, and other tests write entries under a clock moved into the future:
        // look for social1's entries, today's
        type("audit:actor", "social1");
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        type("audit:from", today);
        type("audit:to", today);
        driver.findElement(By.id("audit:search")).click();
        wait.until(d -> d.findElement(By.id("audit:entries")).getText().contains("浏览器测试：电话回访前核对号码"));
        String text = driver.findElement(By.id("audit:entries")).getText();
        assertTrue(text.contains("social1"), text);
        screenshot("audit-log");
        assertTrue(driver.findElement(By.id("audit:entries")).isDisplayed());
    }

    @Test
    void wrongPassword_isRefused_withAClearMessage() {
        submitSignIn("cadre2", "not-the-password");
        WebElement messages = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ui-messages-error, .ui-message-error, .ui-growl-item")));
        assertFalse(messages.getText().isBlank());
        assertEquals(0, driver.findElements(By.id("who")).size(), "still not signed in");
    }

    @Test
    void residentForm_withWrongChecksum_showsTheMessageNextToTheField_andKeepsTheInput() {
        signIn("cadre1");
        driver.get(TestHttp.https(base) + "residents/edit.xhtml");
        WebElement id = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("edit:idNumber")));
        id.sendKeys("420106199001011230");
        driver.findElement(By.id("edit:name")).sendKeys("测试居民");
        driver.findElement(By.id("edit:birthDate")).sendKeys("1990-01-01");
        driver.findElement(By.id("edit:save")).click();
        wait.until(d -> !d.findElements(By.cssSelector(".ui-message-error")).isEmpty());
        screenshot("resident-form-refused");
        assertEquals("420106199001011230", driver.findElement(By.id("edit:idNumber")).getAttribute("value"),
                "what was typed is kept");
        assertEquals("测试居民", driver.findElement(By.id("edit:name")).getAttribute("value"));
        String messages = driver.findElements(By.cssSelector(".ui-message-error")).stream()
                .map(WebElement::getText).reduce("", String::concat);
        assertTrue(messages.contains("校验"), "the checksum message is shown: " + messages);
    }
}
