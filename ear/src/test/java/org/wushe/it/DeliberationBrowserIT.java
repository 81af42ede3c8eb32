package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The deliberation zone in the browser, in the demo community C001: the Party secretary opens the
 * representatives' vote on a resource-allocation issue's two proposals at a meeting, the ballots of
 * every present representative are recorded, the vote is closed and the passed proposal appears as
 * the issue's decision and on the public decisions page (no sign-in). And the Party secretary's veto
 * dialog: refused without ground and reason, then the vetoed proposal shows the veto and the social
 * worker revises and resubmits it.
 */
class DeliberationBrowserIT extends BrowserTest {

    private ApiClient api;

    @BeforeEach
    void open() {
        api = new ApiClient(base);
    }

    private long issue(String title) {
        return ApiClient.object(api.created("cadre1", "communities/C001/issues", "{\"title\":\"" + title
                + "\",\"description\":\"社区二楼活动室闲置，需商定使用分配\",\"nature\":\"RESOURCE_ALLOCATION\",\"source\":\"CADRE\"}"))
                .getJsonNumber("id").longValue();
    }

    private long proposal(long issue, String title, long costFen) {
        return ApiClient.object(api.created("social1", "issues/" + issue + "/proposals", "{\"title\":\"" + title
                + "\",\"body\":\"方案说明\",\"costFen\":" + costFen + "}")).getJsonNumber("id").longValue();
    }

    private void openIssue(long id) {
        driver.get(TestHttp.https(base) + "deliberation/issue.xhtml?id=" + id);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("issueStage")));
    }

    private String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    @Test
    void aResourceAllocation_goesFromProposalsThroughTheVote_toThePublishedDecision() {
        long tag = System.nanoTime() % 1_000_000;
        String title = "浏览器测试活动室分配" + tag;
        long issue = issue(title);
        long a = proposal(issue, "整间出租" + tag, 0);
        long b = proposal(issue, "分时段公益使用" + tag, 1_200_000);
        String heldAt = ZonedDateTime.now(Browser.SERVER_ZONE).truncatedTo(ChronoUnit.MINUTES)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String meetingTitle = "浏览器测试代表会议" + tag;
        long meeting = ApiClient.object(api.created("cadre1", "communities/C001/meetings", "{\"title\":\"" + meetingTitle
                + "\",\"heldAt\":\"" + heldAt + "\",\"place\":\"议事厅\",\"agenda\":\"活动室分配\"}"))
                .getJsonNumber("id").longValue();
        JsonArray reps = ApiClient.array(api.call("cadre1", "GET", "communities/C001/representatives", null));
        assertTrue(reps.size() >= 3, "the demo community has representatives: " + reps);
        List<String> ids = reps.stream().map(r -> r.asJsonObject().getJsonNumber("id").toString()).toList();
        api.call("cadre1", "POST", "meetings/" + meeting + "/attendance", "{\"present\":[" + String.join(",", ids) + "]}");

        try {
            signIn("secretary1");
            openIssue(issue);
            assertEquals("方案征集", text("issueStage"));
            assertEquals(2, driver.findElements(By.cssSelector("#proposals\\:table_data .proposal-title")).size());
            new Select(driver.findElement(By.id("openVote:meetingId"))).selectByValue(String.valueOf(meeting));
            driver.findElement(By.id("openVote:open")).click();
            wait.until(d -> d.findElement(By.id("issueStage")).getText().equals("表决中"));
            int n = driver.findElements(By.cssSelector("#ballots\\:reps_data > tr")).size();
            assertEquals(reps.size(), n, "every current representative has a row");
            for (int k = 0; k < n; k++) {
                String row = "ballots:reps:" + k + ":";
                new Select(wait.until(ExpectedConditions.presenceOfElementLocated(By.id(row + "choice")))).selectByValue("FOR");
                new Select(driver.findElement(By.id(row + "option"))).selectByValue(String.valueOf(k == 0 ? a : b));
                driver.findElement(By.id(row + "record")).click();
                int done = k + 1;
                wait.until(d -> d.findElements(By.cssSelector("#ballots\\:reps_data .ballot-status")).size() == done);
            }
            assertTrue(text("ballots:msgs").contains("已登记"), text("ballots:msgs"));
            screenshot("deliberation-ballots");
            driver.findElement(By.id("ballots:close")).click();
            wait.until(d -> d.findElement(By.id("issueStage")).getText().equals("已决定"));
            assertTrue(text("decisionText").contains("分时段公益使用" + tag), text("decisionText"));
            assertTrue(driver.findElement(By.cssSelector("#votes .vote-status")).getText().contains("通过"));
            assertTrue(driver.findElements(By.cssSelector("#history .event-VOTE_PASSED")).size() == 1);
            screenshot("deliberation-decided");

            driver.manage().deleteAllCookies();
            driver.get(TestHttp.https(base) + "public/decisions.xhtml?community=C001");
            WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                    "//tbody[@id='decisions_data']/tr[.//span[contains(@class,'decision-title') and normalize-space(.)='"
                            + title + "']]")));
            assertTrue(row.getText().contains("分时段公益使用" + tag), row.getText());
            assertTrue(row.findElement(By.cssSelector(".decision-vote")).getText()
                    .startsWith((n - 1) + " 票赞成 / 到会 " + n + " 人"), row.getText());
            assertEquals("待落实", row.findElement(By.cssSelector(".decision-implementation")).getText());
            assertEquals(0, driver.findElements(By.id("who")).size(), "nobody is signed in");
            screenshot("deliberation-public");
        } catch (AssertionError | RuntimeException e) {
            screenshot(testName + "-failed");
            throw e;
        }
    }

    @Test
    void thePartySecretarysVeto_needsGroundAndReason_andTheVetoedProposalIsRevisedAndResubmitted() {
        long tag = System.nanoTime() % 1_000_000;
        long issue = issue("浏览器测试否决" + tag);
        String proposalTitle = "活动室长期租给培训机构" + tag;
        proposal(issue, proposalTitle, 0);
        try {
            signIn("secretary1");
            openIssue(issue);
            driver.findElement(By.cssSelector("#proposals\\:table_data .veto-button")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("veto:confirm")));
            assertEquals(proposalTitle, text("veto:vetoTitle"));
            driver.findElement(By.id("veto:confirm")).click();
            wait.until(d -> d.findElement(By.id("veto")).getText().contains("此项必填"));
            assertTrue(driver.findElement(By.id("vetoDialog")).isDisplayed(), "the dialog stays open");
            assertEquals("已提交", driver.findElement(By.cssSelector("#proposals\\:table_data .proposal-status")).getText());

            new Select(driver.findElement(By.id("veto:ground"))).selectByValue("AGAINST_PUBLIC_WELFARE");
            driver.findElement(By.id("veto:reason")).sendKeys("活动室属于社区公共空间，整体出租给营利机构偏离公益方向");
            driver.findElement(By.id("veto:confirm")).click();
            wait.until(d -> d.findElement(By.cssSelector("#proposals\\:table_data .proposal-status")).getText()
                    .equals("已否决，待复议"));
            String veto = driver.findElement(By.cssSelector("#proposals\\:table_data .proposal-veto")).getText();
            assertTrue(veto.contains("偏离公益方向") && veto.contains("整体出租给营利机构"), veto);
            assertEquals(1, driver.findElements(By.cssSelector("#history .event-VETOED")).size());
            screenshot("deliberation-vetoed");

            signIn("social1");
            openIssue(issue);
            driver.findElement(By.cssSelector("#proposals\\:table_data .revise-button")).click();
            WebElement revisedTitle = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("revise:title")));
            revisedTitle.clear();
            revisedTitle.sendKeys("活动室分时段公益使用" + tag);
            driver.findElement(By.id("revise:resubmit")).click();
            wait.until(d -> d.findElement(By.cssSelector("#proposals\\:table_data .proposal-status")).getText()
                    .equals("已提交"));
            WebElement proposal = driver.findElement(By.cssSelector("#proposals\\:table_data > tr"));
            assertTrue(proposal.getText().contains("活动室分时段公益使用" + tag), proposal.getText());
            assertTrue(proposal.getText().contains("第 1 稿被否决"), "the veto stays with the revised proposal: "
                    + proposal.getText());
            JsonObject detail = ApiClient.object(api.call("social1", "GET", "issues/" + issue, null));
            assertEquals(2, detail.getJsonArray("proposals").getJsonObject(0).getInt("revision"));
            screenshot("deliberation-resubmitted");
        } catch (AssertionError | RuntimeException e) {
            screenshot(testName + "-failed");
            throw e;
        }
    }

    @Test
    void theBoardTheMeetingsAndTheReviews_showAndKeepTheCommunitysDeliberation() {
        long tag = System.nanoTime() % 1_000_000;
        try {
            signIn("secretary1");
            menu("nav-deliberation");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("board:issues")));
            assertTrue(driver.findElement(By.id("board:issues")).getText().contains("闲置活动室使用分配"), "the demo issue");
            assertTrue(Integer.parseInt(driver.findElement(By.cssSelector(".count-RULE_MAKING-DISCUSSION")).getText()) >= 1);

            driver.findElement(By.id("raise:create")).click();
            wait.until(d -> d.findElement(By.id("raise")).getText().contains("此项必填"));
            String title = "浏览器测试居民公约" + tag;
            driver.findElement(By.id("raise:title")).sendKeys(title);
            driver.findElement(By.id("raise:description")).sendKeys("修订居民公约中的装修时间条款");
            new Select(driver.findElement(By.id("raise:nature"))).selectByValue("RULE_MAKING");
            new Select(driver.findElement(By.id("raise:source"))).selectByValue("CADRE");
            driver.findElement(By.id("raise:create")).click();
            wait.until(d -> d.findElement(By.id("board:issues")).getText().contains(title));
            new Select(driver.findElement(By.id("board:nature"))).selectByValue("RULE_MAKING");
            driver.findElement(By.id("board:filter")).click();
            wait.until(ExpectedConditions.urlContains("nature=RULE_MAKING"));
            List<WebElement> natures = driver.findElements(By.cssSelector("#board\\:issues_data .issue-nature"));
            assertTrue(!natures.isEmpty() && natures.stream().allMatch(n -> n.getText().equals("规则制定类")));
            screenshot("deliberation-board");

            menu("nav-meetings");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("representatives:table")));
            assertTrue(driver.findElements(By.cssSelector("#representatives\\:table_data .rep-current")).size() >= 6);
            String meeting = "浏览器测试议事会" + tag;
            driver.findElement(By.id("meeting:title")).sendKeys(meeting);
            driver.findElement(By.id("meeting:heldAt")).sendKeys(ZonedDateTime.now(Browser.SERVER_ZONE)
                    .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
            driver.findElement(By.id("meeting:place")).sendKeys("议事厅");
            driver.findElement(By.id("meeting:agenda")).sendKeys("居民公约修订");
            driver.findElement(By.id("meeting:create")).click();
            By row = By.xpath("//tbody[@id='meetings:table_data']/tr[.//span[contains(@class,'meeting-title') and normalize-space(.)='"
                    + meeting + "']]");
            wait.until(ExpectedConditions.presenceOfElementLocated(row)).findElement(By.cssSelector(".choose-meeting")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("record:present:0"))).click();
            driver.findElement(By.id("record:present:1")).click();
            driver.findElement(By.id("record:saveAttendance")).click();
            wait.until(d -> d.findElement(By.id("record")).getText().contains("出席情况已保存"));
            wait.until(d -> d.findElement(row).findElement(By.cssSelector(".meeting-present")).getText().equals("2"));
            screenshot("deliberation-meetings");

            menu("nav-reviews");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reviews:table")));
            assertTrue(driver.findElement(By.id("reviews:table")).getText().contains("协调效率偏低"), "the demo review");
            new Select(driver.findElement(By.id("action:reviewId"))).selectByIndex(1);
            String action = "浏览器测试整改" + tag;
            driver.findElement(By.id("action:description")).sendKeys(action);
            driver.findElement(By.id("action:owner")).sendKeys("社工 王");
            driver.findElement(By.id("action:dueOn")).sendKeys(java.time.LocalDate.now(Browser.SERVER_ZONE).plusDays(14).toString());
            driver.findElement(By.id("action:save")).click();
            By corrective = By.xpath("//div[contains(@class,'corrective') and .//span[contains(@class,'corrective-description') and normalize-space(.)='"
                    + action + "']]");
            wait.until(ExpectedConditions.presenceOfElementLocated(corrective)).findElement(By.cssSelector(".choose-action")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("close:closingNote"))).sendKeys("已建立周例会");
            driver.findElement(By.id("close:confirm")).click();
            wait.until(d -> d.findElement(corrective).getText().contains("已办结"));
            screenshot("deliberation-reviews");
        } catch (AssertionError | RuntimeException e) {
            screenshot(testName + "-failed");
            throw e;
        }
    }
}
