package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.wushe.it.support.FundFixtures;

/**
 * The micro-fund in the browser on the demo city: a cadre records a donation, allocates money to a
 * running project and records an expenditure with its receipt uploaded; the project page shows the
 * expenditure and what is left of the budget, and the fund overview's balance line holds; the
 * donations page's donor-report link answers the donor's PDF, which names the project.
 */
class FundBrowserIT extends BrowserTest {

    /** A running project of C001 made through the API: designed, approved by the secretary, started. */
    private long runningProject(String title) {
        ApiClient api = new ApiClient(base);
        long id = ApiClient.object(api.created("social1", "projects", "{\"communityCode\":\"C001\",\"title\":\"" + title
                + "\",\"goal\":\"为高龄老人家庭安装卫生间扶手\",\"beneficiariesPlanned\":6,"
                + "\"budget\":{\"ELDER_RENOVATION\":200000}}")).getJsonNumber("id").longValue();
        assertEquals(200, api.call("social1", "POST", "projects/" + id + "/steps", "{\"action\":\"submit\"}").statusCode());
        assertEquals(200, api.call("secretary1", "POST", "projects/" + id + "/steps", "{\"action\":\"approve\"}").statusCode());
        assertEquals(200, api.call("social1", "POST", "projects/" + id + "/steps", "{\"action\":\"start\"}").statusCode());
        return id;
    }

    @Test
    void donationAllocationExpenditureWithReceipt_showOnTheProject_andTheBalanceHolds() throws Exception {
        long tag = System.nanoTime() % 1_000_000;
        String title = "浏览器测试扶手" + tag;
        long projectId = runningProject(title);
        Path receipt = Files.createTempFile("receipt", ".png");
        Files.write(receipt, FundFixtures.PNG);

        signIn("cadre1");

        driver.get(TestHttp.https(base) + "fund/donations.xhtml");
        type("donation:donorName", "浏览器测试商户" + tag);
        choose("donation:donorKind", "MERCHANT");
        type("donation:amountFen", "1000");
        type("donation:receiptNo", "B-" + tag);
        driver.findElement(By.id("donation:record")).click();
        wait.until(d -> d.findElement(By.id("list:donations")).getText().contains("浏览器测试商户" + tag));
        assertTrue(driver.findElement(By.id("list:donations")).getText().contains("1,000.00"));

        driver.get(TestHttp.https(base) + "fund/project.xhtml?id=" + projectId);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("steps:title"), title));
        choose("allocation:categoryCode", "ELDER_RENOVATION");
        type("allocation:amountFen", "800");
        driver.findElement(By.id("allocation:allocate")).click();
        wait.until(d -> d.findElement(By.id("budget")).getText().contains("800.00"));

        choose("expenditure:categoryCode", "ELDER_RENOVATION");
        type("expenditure:amountFen", "300.50");
        type("expenditure:payee", "江城五金店");
        type("expenditure:purpose", "卫生间扶手两套");
        driver.findElement(By.id("expenditure:receipt")).sendKeys(receipt.toAbsolutePath().toString());
        driver.findElement(By.id("expenditure:spend")).click();
        wait.until(d -> d.findElement(By.id("expenditures:list")).getText().contains("300.50"));
        String budget = driver.findElement(By.id("budget")).getText();
        assertTrue(budget.contains("499.50"), budget);
        assertTrue(driver.findElement(By.id("expenditures:list")).getText().contains("江城五金店"));
        assertTrue(driver.findElements(By.cssSelector("a.receipt-link")).size() >= 1);

        driver.get(TestHttp.https(base) + "fund/overview.xhtml");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("overview:invariant")));
        assertTrue(driver.findElements(By.id("overview:holds")).size() == 1,
                driver.findElement(By.id("overview:invariant")).getText());
        // The demo city's shares: renovation below its floor, marked red.
        assertTrue(driver.findElement(By.id("overview:shares")).getText().contains("适老化改造"));

        // The donor report of the gift: its link on the donations page answers a PDF naming the project.
        driver.get(TestHttp.https(base) + "fund/donations.xhtml");
        WebElement link = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//tr[contains(., '浏览器测试商户" + tag + "')]//a[contains(@class,'donor-report')]")));
        String href = link.getAttribute("href");
        assertTrue(href.contains("/fund/donor-report?donation="), href);
        StringBuilder cookies = new StringBuilder();
        driver.manage().getCookies().forEach(c -> cookies.append(c.getName()).append('=').append(c.getValue()).append("; "));
        java.net.http.HttpResponse<byte[]> pdf = TestHttp.client().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(href)).header("Cookie", cookies.toString()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertTrue(text.contains(title), () -> "the donor report names the project: " + text);
            assertTrue(text.contains("浏览器测试商户" + tag), "and the donor");
        }
        Files.deleteIfExists(receipt);
    }

    @Test
    void theOtherFundPages_showTheDemoCity() {
        ApiClient api = new ApiClient(base);
        long evaluated = ApiClient.array(api.call("social1", "GET", "projects?community=C001&stage=EVALUATED", null))
                .getJsonObject(0).getJsonNumber("id").longValue();
        signIn("social1");
        menu("nav-fundProjects");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("projects:list")));
        assertTrue(driver.findElement(By.id("projects:list")).getText().contains("邻里中秋文化节"));
        assertTrue(driver.findElements(By.id("design:create")).size() == 1, "a social worker designs projects");

        driver.get(TestHttp.https(base) + "fund/project.xhtml?id=" + evaluated);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("evaluationLine")));
        String line = driver.findElement(By.id("evaluationLine")).getText();
        assertTrue(line.contains("4.2") && line.contains("36"), line);
        assertTrue(driver.findElements(By.cssSelector("img.progress-photo")).size() >= 1);

        driver.get(TestHttp.https(base) + "fund/ledger.xhtml");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ledger:transactions")));
        assertTrue(driver.findElement(By.id("ledger:transactions")).getText().contains("BUDGET:P"));
    }

    @Test
    void theBureau_seesTheCityShares_andConfiguresTheLimits() {
        signIn("admin");
        menu("nav-fundShares");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("scopeShares")));
        String city = driver.findElement(By.id("scopeShares")).getText();
        assertTrue(city.contains("适老化改造") && city.contains("宣传形象"), city);
        menu("nav-fundConfig");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("limit:limits")));
        assertTrue(driver.findElement(By.id("limit:limits")).getText().contains("20.0%"));
        assertTrue(driver.findElement(By.id("category:categories")).getText().contains("ELDER_RENOVATION"));
    }
}
