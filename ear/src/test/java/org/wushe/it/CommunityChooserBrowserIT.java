package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.wushe.it.support.CrowdedCity;

/**
 * The bureau's community chooser in a city with more communities than a select menu holds
 * ({@link CrowdedCity}): the page offers a search field; part of a name past the 200th community
 * finds it, choosing it reloads the page with {@code ?community=} of it and its name in the title;
 * text that matches nothing says so. The field passes the accessibility rules with its suggestions open.
 */
class CommunityChooserBrowserIT extends BrowserTest {

    private static final By SEARCH = By.id("chooser:community_input");
    private static final By SUGGESTIONS = By.cssSelector("[id='chooser:community_panel'] li.ui-autocomplete-item");

    private ApiClient api() {
        return new ApiClient(base);
    }

    @BeforeEach
    void crowd() {
        api().created("admin", "test-crowd", null);
    }

    @AfterEach
    void uncrowd() {
        assertEquals(204, api().call("admin", "DELETE", "test-crowd", null).statusCode());
    }

    @Test
    void bureau_findsACommunityPastThe200th_byPartOfItsName_andLandsOnItsPage() {
        signIn("admin");
        open(page("deliberation/issues.xhtml?community=C001"));
        assertTrue(driver.findElements(By.cssSelector("select[id='chooser:community_input']")).isEmpty(),
                "a search field, not a select menu, for the city");
        WebElement search = wait.until(ExpectedConditions.visibilityOfElementLocated(SEARCH));
        assertTrue(search.getAttribute("value").startsWith("C001 "), "shows the community on the page: "
                + search.getAttribute("value"));
        String labelFor = driver.findElement(By.cssSelector("label[for='chooser:community_input']")).getText();
        assertTrue(!labelFor.isBlank(), "the field has its label");
        assertEquals(List.of(), Axe.serious(driver, "admin issues with the community search"));

        search.clear();
        search.sendKeys(CrowdedCity.FAR_PART);
        List<WebElement> items = wait.until(ExpectedConditions.visibilityOfAllElementsLocatedBy(SUGGESTIONS));
        assertEquals(1, items.size(), () -> "one suggestion: " + items.stream().map(WebElement::getText).toList());
        // The panel fades in: its colours are checked once it is opaque, not half-way.
        wait.until(d -> "1".equals(((JavascriptExecutor) d).executeScript("return getComputedStyle("
                + "document.getElementById('chooser:community_panel')).opacity")));
        assertEquals(List.of(), Axe.serious(driver, "admin issues with the suggestions open"));
        assertEquals(CrowdedCity.FAR + " " + CrowdedCity.FAR_NAME + " (拥挤街道)", items.get(0).getText().strip());
        screenshot("chooser-suggestion");
        items.get(0).click();

        wait.until(ExpectedConditions.urlContains("community=" + CrowdedCity.FAR));
        wait.until(d -> d.getTitle().contains(CrowdedCity.FAR_NAME));
        assertTrue(driver.findElement(By.tagName("h1")).getText().contains(CrowdedCity.FAR + " " + CrowdedCity.FAR_NAME),
                driver.findElement(By.tagName("h1")).getText());
        assertTrue(wait.until(ExpectedConditions.visibilityOfElementLocated(SEARCH)).getAttribute("value")
                .startsWith(CrowdedCity.FAR + " "), "the field shows the chosen community");
        screenshot("chooser-chosen");
    }

    @Test
    void textThatMatchesNothing_saysSo() {
        signIn("admin");
        open(page("deliberation/issues.xhtml"));
        WebElement search = wait.until(ExpectedConditions.visibilityOfElementLocated(SEARCH));
        search.sendKeys("无此社区XYZ");
        WebElement empty = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[id='chooser:community_panel'] .ui-autocomplete-empty-message")));
        assertTrue(empty.getText().contains("没有匹配的社区"), empty.getText());
        assertTrue(driver.findElements(SUGGESTIONS).isEmpty());
    }

    @Test
    void residentsList_searchFieldFillsTheGridCells_ofTheChosenCommunity() {
        signIn("admin");
        open(page("residents/list.xhtml"));
        WebElement search = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("residents:community_input")));
        search.sendKeys("C003");
        By suggestion = By.cssSelector("[id='residents:community_panel'] li.ui-autocomplete-item");
        List<WebElement> items = wait.until(ExpectedConditions.visibilityOfAllElementsLocatedBy(suggestion));
        assertEquals(1, items.size(), () -> "one suggestion: " + items.stream().map(WebElement::getText).toList());
        assertTrue(items.get(0).getText().startsWith("C003 "), items.get(0).getText());
        items.get(0).click();
        wait.until(d -> d.findElements(By.cssSelector("select[id='residents:grid_input'] option")).stream()
                .anyMatch(o -> "C003-G01".equals(o.getAttribute("value"))));
        assertTrue(driver.getCurrentUrl().contains("residents/list.xhtml"), "a filter: the page stays");

        // emptied, the field means all communities again, and the grid cells go with it
        driver.findElement(By.id("residents:community_input")).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        wait.until(d -> d.findElements(By.cssSelector("select[id='residents:grid_input'] option")).stream()
                .noneMatch(o -> "C003-G01".equals(o.getAttribute("value"))));
    }
}
