package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The pages a grid worker and a resident use, in a phone's window (390 x 844): none is wider than
 * the screen, the labels of a form stand above their inputs, and the menu's links are touch targets
 * of at least 44 px. Each page is photographed at 390 and at 1400 px into target/screenshots.
 */
class PhoneBrowserIT extends BrowserTest {

    private static final Map<String, List<String>> PAGES = Map.of(
            "grid1", List.of("index.xhtml", "casework/patrols.xhtml", "residents/list.xhtml",
                    "casework/referrals.xhtml", "docking/needs.xhtml"),
            "resident1", List.of("index.xhtml", "volunteering/my.xhtml", "volunteering/whistle.xhtml",
                    "training/my.xhtml", "docking/opportunities.xhtml", "docking/services.xhtml",
                    "deliberation/issues.xhtml"));

    /** Labels whose input is beside or above them instead of below; each named with its input. */
    private static final String LABELS_NOT_ABOVE = "var out = [];"
            + "document.querySelectorAll('main label[for]').forEach(function (l) {"
            + "  var t = document.getElementById(l.htmlFor); if (!t) { return; }"
            + "  var box = t.type === 'hidden' || t.offsetParent === null ? t.parentElement : t;"
            + "  if (l.offsetParent === null || box.offsetParent === null) { return; }"
            + "  var a = l.getBoundingClientRect(), b = box.getBoundingClientRect();"
            + "  if (a.height > 0 && b.height > 0 && a.bottom > b.top + 2) { out.push(l.htmlFor); } });"
            + "return out;";

    @Test
    void thePagesOfGridWorkersAndResidents_fitA390PxScreen_withLabelsAboveInputs() {
        List<String> problems = new ArrayList<>();
        try {
            windowOf(390, 844);
            open(page("login.xhtml"));
            check("login", problems);
            screenshot("phone-390-login");
            for (Map.Entry<String, List<String>> user : PAGES.entrySet()) {
                windowOf(390, 844);
                signIn(user.getKey());
                for (String path : user.getValue()) {
                    String name = user.getKey() + "-" + path.replace(".xhtml", "").replace('/', '-');
                    windowOf(390, 844);
                    open(page(path));
                    check(user.getKey() + " " + path, problems);
                    screenshot("phone-390-" + name);
                    windowOf(1400, 900);
                    open(page(path));
                    screenshot("desk-1400-" + name);
                }
            }
            problems.forEach(System.out::println);
            assertEquals(List.of(), problems);
        } catch (AssertionError | RuntimeException e) {
            screenshot(testName + "-failed");
            throw e;
        }
    }

    @Test
    void theSignInForm_atAPhonesWidth_hasItsLabelsAboveTheInputs_andLargeTouchTargets() {
        windowOf(390, 844);
        open(page("login.xhtml"));
        long labelBottom = ((Number) driver.executeScript(
                "return document.querySelector(\"label[for='login:username']\").getBoundingClientRect().bottom;")).longValue();
        long inputTop = ((Number) driver.executeScript(
                "return document.getElementById('login:username').getBoundingClientRect().top;")).longValue();
        assertTrue(labelBottom <= inputTop, "the label " + labelBottom + " is above the input " + inputTop);
        long button = ((Number) driver.executeScript(
                "return document.getElementById('login:submit').getBoundingClientRect().height;")).longValue();
        assertTrue(button >= 44, "the sign-in button is a touch target: " + button + " px");
    }

    private void check(String where, List<String> problems) {
        long scroll = ((Number) driver.executeScript("return document.documentElement.scrollWidth;")).longValue();
        long inner = ((Number) driver.executeScript("return window.innerWidth;")).longValue();
        if (scroll > inner) {
            problems.add(where + ": the page is " + scroll + " px wide on a screen of " + inner + " px: "
                    + driver.executeScript("var w = window.innerWidth, out = [];"
                            + "document.querySelectorAll('body *').forEach(function (e) {"
                            + " var r = e.getBoundingClientRect(); if (r.right > w + 1 && out.length < 5"
                            + " && e.children.length === 0) { out.push(e.tagName + '#' + e.id + '.' + e.className); } });"
                            + "return out.join(', ');"));
        }
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) driver.executeScript(LABELS_NOT_ABOVE);
        if (!labels.isEmpty()) {
            problems.add(where + ": labels not above their inputs: " + labels);
        }
        @SuppressWarnings("unchecked")
        List<String> small = (List<String>) driver.executeScript("var out = [];"
                + "document.querySelectorAll('nav.wushe-nav .wushe-menubar > ul > li > a').forEach(function (a) {"
                + " var r = a.getBoundingClientRect(); if (r.height > 0 && r.height < 44) { out.push(a.textContent.trim()); } });"
                + "return out;");
        if (!small.isEmpty()) {
            problems.add(where + ": menu entries smaller than 44 px: " + small);
        }
    }
}
