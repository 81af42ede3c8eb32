package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The demo city shows its content on first start: C001's Party secretary finds twelve months in the
 * dashboard's trend (read from the data table beside the chart, opened from its disclosure) and in
 * the ladder; the bureau finds last month's reports listed on the dashboard. The figures are the
 * demo's past year ({@code DemoHistoryIT} proves they are the computation's); the months are this
 * one and the eleven before it, as the demo was loaded this month.
 */
class DemoContentBrowserIT extends BrowserTest {

    /** The month the dashboard opens on: the month of yesterday, in the server's zone. */
    private static YearMonth shown() {
        return YearMonth.from(LocalDate.now(Browser.SERVER_ZONE).minusDays(1));
    }

    @Test
    void theDashboardsTrend_hasTwelveMonthsOfC001_inTheTableBesideItsChart() {
        signIn("secretary1");
        open(page("assessment/dashboard.xhtml"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#trendChart canvas")));
        assertTrue(driver.findElement(By.id("trendDataBox")).getAttribute("open") == null,
                "the table is behind its disclosure at first");
        driver.findElement(By.id("trendDataShow")).click();
        List<List<String>> rows = wait.until(d -> {
            List<WebElement> trs = d.findElements(By.cssSelector("#trendData tbody tr"));
            if (trs.size() != 12 || !trs.get(0).isDisplayed()) {
                return null;
            }
            return trs.stream().map(tr -> tr.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList())
                    .toList();
        });
        YearMonth last = shown();
        for (int i = 0; i < 12; i++) {
            List<String> row = rows.get(i);
            assertEquals(last.minusMonths(11 - i).toString(), row.get(0), "month by month, oldest first: " + rows);
            if (i < 11) { // the months before this one are the demo's past year
                assertTrue(Integer.parseInt(row.get(1)) > 0, "needs registered in " + row.get(0) + ": " + rows);
                assertTrue(Integer.parseInt(row.get(2)) > 0, "needs closed in " + row.get(0) + ": " + rows);
            }
        }
        assertEquals(driver.findElement(By.cssSelector("#trendData caption")).getText(),
                driver.findElement(By.xpath("//div[@id='trendChart']/preceding-sibling::h3[1]")).getText(),
                "the table is captioned as its chart");
        driver.findElement(By.id("closureDataShow")).click();
        String closure = wait.until(d -> {
            String t = d.findElement(By.cssSelector("#closureData tbody")).getText();
            return t.isBlank() ? null : t;
        });
        assertTrue(closure.startsWith("C001") && closure.contains("%"), "C001's closure rate: " + closure);
        List<String> violations = Axe.serious(driver, "secretary1 dashboard with its data tables open");
        assertEquals(List.of(), violations);
        screenshot("demo-dashboard-trend-table");
    }

    @Test
    void theLadderOfC001_hasTwelveMonths() {
        signIn("secretary1");
        open(page("training/ladder.xhtml?community=C001"));
        List<WebElement> months = wait.until(d -> {
            List<WebElement> trs = d.findElements(By.cssSelector("tbody[id='ladder:months_data'] tr"));
            return trs.size() == 12 ? trs : null;
        });
        assertEquals(YearMonth.now(Browser.SERVER_ZONE).minusMonths(11).toString(),
                months.get(0).findElement(By.tagName("td")).getText(), "the oldest of the twelve months");
        assertFalse(driver.findElements(By.cssSelector("#ladder\\:chart canvas")).isEmpty(), "its chart is drawn");
        screenshot("demo-ladder");
    }

    @Test
    void lastMonthsReports_areListedForTheBureauOnTheDashboard() {
        signIn("admin");
        String last = YearMonth.now(Browser.SERVER_ZONE).minusMonths(1).toString();
        // the demo writes them once its load has committed: the page is opened again until they are there
        String files = waiting(Duration.ofMinutes(5)).until(d -> {
            open(page("assessment/dashboard.xhtml"));
            String t = d.findElement(By.id("reports:files")).getText();
            return t.contains("city-" + last + ".pdf") ? t : null;
        });
        assertTrue(files.contains("city-" + last + ".csv"), files);
        assertEquals(last, driver.findElement(By.id("reportsMonth")).getText(), "the heading names the month listed");
        screenshot("demo-reports");
    }
}
