package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The assessment dashboard of a sub-district officer on the demo city: this month's snapshot row by
 * community with the total and both charts drawn; a month that does not exist is refused next to
 * its field and what was typed stays.
 */
class AssessmentBrowserIT extends BrowserTest {

    @Test
    void theOfficerSeesTheSnapshotOfTheirCommunitiesWithChartsAndABadMonthIsRefused() {
        signIn("street1");
        menu("nav-assessment");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rows")));
        // The demo city took this month's snapshot (dates in the server's zone; the month is the same here
        // except in the first hours of a month).
        String month = driver.findElement(By.id("filters:month")).getAttribute("value");
        assertTrue(month.equals(YearMonth.now().toString()) || month.equals(YearMonth.from(LocalDate.now().minusDays(1)).toString()));
        if (!month.equals(YearMonth.now().toString())) {
            driver.get(TestHttp.https(base) + "assessment/dashboard.xhtml?month=" + YearMonth.now());
        }
        List<WebElement> rows = wait.until(d -> {
            List<WebElement> r = d.findElements(By.cssSelector("tbody[id='rows_data'] tr"));
            return r.size() > 0 && !r.get(0).getText().isBlank() ? r : null;
        });
        assertTrue(rows.get(0).getText().startsWith("C00"), () -> "rows by community: " + rows.get(0).getText());
        assertFalse(driver.findElements(By.cssSelector("#closureChart canvas")).isEmpty(), "the closure chart is drawn");
        assertFalse(driver.findElements(By.cssSelector("#trendChart canvas")).isEmpty(), "the trend chart is drawn");
        assertTrue(driver.findElement(By.id("rows")).getText().contains("%"), "closure rates as percentages");
        screenshot("assessment-dashboard");

        WebElement input = driver.findElement(By.id("filters:month"));
        input.clear();
        input.sendKeys("2026-13");
        driver.findElement(By.id("filters:show")).click();
        wait.until(d -> d.findElement(By.id("filters")).getText().matches("(?s).*(yyyy-MM).*"));
        assertEquals("2026-13", driver.findElement(By.id("filters:month")).getAttribute("value"));
    }
}
