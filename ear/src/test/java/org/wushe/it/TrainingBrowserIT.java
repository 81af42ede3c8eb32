package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Capacity training in the browser: a resident enrols in a session from the catalogue, the social
 * worker takes attendance once it has started and records a passing score, and the resident finds
 * the course's certificate with the date it is valid until on their own training page. A course
 * without a title is refused next to the field and what was typed stays; the ladder page takes this
 * month's snapshot.
 */
class TrainingBrowserIT extends BrowserTest {

    /**
     * How far ahead the session starts when it is created: enrolment closes at the start and
     * attendance opens then, so the test enrols within this time and then waits for the rest of it.
     */
    private static final Duration LEAD = Duration.ofSeconds(30);

    private Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** The catalogue's row of a course, found by its title. */
    private static By courseRow(String title) {
        return By.xpath("//tbody[@id='catalogue:courses_data']/tr[.//span[contains(@class,'course-title') and normalize-space(.)='"
                + title + "']]");
    }

    /** Waits until the page's messages of a form say the text (an ajax update replaces them). */
    private void messageSays(String messagesId, String text) {
        wait.until(d -> d.findElement(By.id(messagesId)).getText().contains(text));
    }

    @Test
    void residentEnrols_isPresentAndPasses_andSeesTheCertificate() throws Exception {
        long tag = System.nanoTime() % 1_000_000;
        String title = "浏览器测试急救培训" + tag;
        String code = "FIRST_AID_" + tag;
        ApiClient api = new ApiClient(base);
        long courseId = ApiClient.object(api.created("social1", "communities/C001/courses", "{\"title\":\"" + title
                + "\",\"syllabus\":\"心肺复苏、止血包扎\",\"targetGroup\":\"RESIDENT\",\"requiredLevel\":1,\"passMark\":60,"
                + "\"certificationCode\":\"" + code + "\",\"certificationName\":\"急救员证书\",\"validityMonths\":24,"
                + "\"practiceKind\":\"ELDERLY_VISITING\"}")).getJsonNumber("id").longValue();

        try {
            signIn("resident1");
            driver.get(TestHttp.https(base) + "training/courses.xhtml");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("catalogue:courses")));

            // The session is created only now that the resident's catalogue is open, so that the
            // time before it starts goes to the enrolment and not to signing in.
            ZonedDateTime starts = ZonedDateTime.now(Browser.SERVER_ZONE).plus(LEAD).truncatedTo(ChronoUnit.SECONDS);
            long sessionId = ApiClient.object(api.created("social1", "courses/" + courseId + "/sessions", "{\"startsAt\":\""
                    + starts.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "\",\"endsAt\":\""
                    + starts.plusHours(2).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    + "\",\"place\":\"社区多功能活动室\",\"trainer\":\"王医生\",\"places\":10}"))
                    .getJsonNumber("id").longValue();
            Instant start = starts.toInstant();

            driver.get(TestHttp.https(base) + "training/courses.xhtml");
            WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(courseRow(title)));
            assertTrue(row.getText().contains("0 / 10"), "no place taken yet: " + row.getText());
            row.findElement(By.cssSelector("button.enrol")).click();
            messageSays("catalogue:msgs", "已报名“" + title + "”");
            wait.until(d -> d.findElement(courseRow(title)).findElements(By.cssSelector(".enrolled")).size() == 1);
            assertTrue(driver.findElement(courseRow(title)).getText().contains("1 / 10"), "one place taken");
            assertTrue(Instant.now().isBefore(start), "enrolled before the session started");
            HttpResponse<String> early = api.call("social1", "POST", "sessions/" + sessionId + "/attendance",
                    "{\"present\":{\"1\":true}}");
            assertEquals(409, early.statusCode(), early.body());
            assertEquals("training.attendance.early", ApiClient.object(early).getString("title"));
            screenshot("training-enrolled");

            signIn("social1");
            driver.get(TestHttp.https(base) + "training/courses.xhtml");
            wait.until(ExpectedConditions.presenceOfElementLocated(courseRow(title)))
                    .findElement(By.cssSelector("a.open-session")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("trainees:table:0:name")));
            assertEquals(title, driver.findElement(By.id("courseTitle")).getText());
            assertEquals(1, driver.findElements(By.cssSelector("#trainees\\:table_data .trainee-name")).size());
            assertEquals("待考核", driver.findElement(By.id("trainees:table:0:result")).getText());

            // Attendance opens when the session starts.
            long ms = Duration.between(Instant.now(), start.plusSeconds(1)).toMillis();
            if (ms > 0) {
                Thread.sleep(ms);
            }
            driver.findElement(By.cssSelector("[id='trainees:table:0:present'] .ui-chkbox-box")).click();
            wait.until(d -> Boolean.TRUE.equals(script(
                    "return document.getElementById('trainees:table:0:present_input').checked")));
            driver.findElement(By.id("trainees:saveAttendance")).click();
            messageSays("trainees:msgs", "出勤已保存");

            type("trainees:table:0:score", "85");
            driver.findElement(By.id("trainees:table:0:assess")).click();
            wait.until(d -> d.findElement(By.id("trainees:table:0:result")).getText().equals("通过"));
            assertTrue(driver.findElement(By.id("trainees:msgs")).getText().contains("考核通过（85 分），已获得课程证书"),
                    driver.findElement(By.id("trainees:msgs")).getText());
            assertTrue(driver.findElements(By.id("trainees:table:0:practice")).size() == 1,
                    "a passed resident's training can be linked to its practice");
            screenshot("training-assessed");
            HttpResponse<String> trainees = api.call("social1", "GET", "sessions/" + sessionId + "/trainees", null);
            assertEquals(200, trainees.statusCode(), trainees.body());
            JsonObject trainee = ApiClient.array(trainees).getJsonObject(0);
            assertTrue(trainee.getBoolean("attended") && trainee.getBoolean("passed") && trainee.getInt("score") == 85,
                    "the API reads what the page saved: " + trainee);

            signIn("resident1");
            menu("nav-myTrainings");
            WebElement certificate = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//tbody[@id='certificates_data']/tr[.//span[contains(@class,'cert-code') and normalize-space(.)='"
                            + code + "']]")));
            LocalDate validUntil = LocalDate.now(Browser.SERVER_ZONE).plusMonths(24);
            assertEquals(validUntil.toString(), certificate.findElement(By.cssSelector(".cert-expires")).getText());
            assertEquals("有效", certificate.findElement(By.cssSelector(".cert-status")).getText());
            assertEquals("未实践", certificate.findElement(By.cssSelector(".cert-practised")).getText());
            assertTrue(certificate.getText().contains(title), certificate.getText());
            WebElement training = driver.findElement(By.xpath("//tbody[@id='trainings:table_data']/tr[.//span[contains(@class,'training-title') and normalize-space(.)='"
                    + title + "']]"));
            assertTrue(training.getText().contains("85") && training.getText().contains("通过"), training.getText());
            screenshot("training-my");
            HttpResponse<String> mine = api.call("resident1", "GET", "my/trainings", null);
            assertEquals(200, mine.statusCode(), mine.body());
            assertTrue(mine.body().contains("\"certificateExpiresOn\":\"" + validUntil + "\"")
                    && mine.body().contains(code), mine.body());
        } catch (AssertionError | RuntimeException e) {
            screenshot(testName + "-failed");
            throw e;
        }
    }

    @Test
    void aCourseWithoutATitle_isRefusedNextToTheField_andKeepsTheInput() {
        try {
            signIn("cadre1");
            driver.get(TestHttp.https(base) + "training/courses.xhtml");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("course:title")));
            type("course:syllabus", "识别老人跌倒风险，掌握基本处置");
            type("course:passMark", "70");
            type("course:practiceKind", "ELDERLY_VISITING");
            driver.findElement(By.id("course:create")).click();
            WebElement message = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//*[@id='course:title']/following-sibling::*[contains(@class,'ui-message-error')]")));
            screenshot("training-course-refused");
            assertTrue(message.getText().contains("此项必填"), message.getText());
            assertEquals("识别老人跌倒风险，掌握基本处置", driver.findElement(By.id("course:syllabus")).getAttribute("value"),
                    "what was typed stays");
            assertEquals("70", driver.findElement(By.id("course:passMark")).getAttribute("value"));
            assertEquals("ELDERLY_VISITING", driver.findElement(By.id("course:practiceKind")).getAttribute("value"));
        } catch (AssertionError | RuntimeException e) {
            screenshot(testName + "-failed");
            throw e;
        }
    }

    @Test
    void theTrainingPagesOpen_andTheLadderTakesThisMonthsSnapshot() {
        try {
            signIn("secretary1");
            driver.manage().timeouts().implicitlyWait(Duration.ZERO);
            for (String page : List.of("courses", "ladder")) {
                driver.get(TestHttp.https(base) + "training/" + page + ".xhtml");
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav-" + page)));
                assertTrue(driver.findElements(By.cssSelector(".ui-messages-error")).isEmpty(),
                        page + " opens without an error: " + driver.findElement(By.tagName("main")).getText());
            }
            driver.findElement(By.id("ladder:snapshot")).click();
            String month = LocalDate.now(Browser.SERVER_ZONE).toString().substring(0, 7);
            messageSays("ladder:msgs", month + " 月快照已生成");
            assertTrue(driver.findElement(By.id("ladder:months")).getText().contains(month),
                    "this month is in the distribution: " + driver.findElement(By.id("ladder:months")).getText());
            screenshot("training-ladder");
            HttpResponse<String> ladder = new ApiClient(base).call("secretary1", "GET", "communities/C001/ladder", null);
            assertEquals(200, ladder.statusCode(), ladder.body());
            assertTrue(ApiClient.object(ladder).getJsonArray("months").toString().contains(month), ladder.body());

            driver.findElement(By.id("capacity:save")).click();
            WebElement message = wait.until(d -> d.findElement(
                    By.xpath("//*[@id='capacity:residentId']/following-sibling::*[contains(@class,'ui-message-error')]")));
            assertTrue(message.getText().contains("此项必填"), message.getText());

            driver.manage().deleteAllCookies();
            signIn("resident1");
            driver.get(TestHttp.https(base) + "training/my.xhtml");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav-myTrainings")));
            assertTrue(driver.findElements(By.cssSelector(".ui-messages-error")).isEmpty(),
                    "my trainings open without an error: " + driver.findElement(By.tagName("main")).getText());
            assertTrue(driver.findElements(By.id("nav-ladder")).isEmpty(), "the ladder is for staff");
        } catch (AssertionError | RuntimeException e) {
            screenshot(testName + "-failed");
            throw e;
        }
    }
}
