package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.assessment.application.AssessmentRun;
import org.wushe.assessment.application.AssessmentService;
import org.wushe.assessment.application.FundShares;
import org.wushe.fund.application.AllocationService;
import org.wushe.fund.application.DonationService;
import org.wushe.fund.application.ExpenditureService;
import org.wushe.fund.application.FundSettings;
import org.wushe.fund.application.FundViews.AllocationForm;
import org.wushe.fund.application.FundViews.DonationForm;
import org.wushe.fund.application.FundViews.ExpenditureForm;
import org.wushe.fund.application.FundViews.Upload;
import org.wushe.fund.application.ProjectService;
import org.wushe.fund.application.ProjectViews.ProjectForm;
import org.wushe.fund.domain.Project;
import org.wushe.it.support.Fixtures;
import org.wushe.it.support.FundFixtures;
import org.wushe.it.support.Fixtures.Town;
import org.wushe.it.support.TestClock;
import org.wushe.jobs.application.ExecutionView;
import org.wushe.jobs.application.Jobs;
import org.wushe.reports.application.ReportFileView;
import org.wushe.reports.application.ReportFiles;
import org.wushe.reports.domain.ReportKind;
import org.wushe.security.domain.Role;
import org.wushe.shared.SequenceIds;

/**
 * The assessment's "fund spending by category against limits" on a worked example (docs/assessment.md):
 * a community allocates 6,000.00 to elder care and 3,000.00 to publicity and spends 2,000.00 and
 * 1,000.00, in a year whose limits are publicity at most 15% and elder-friendly renovation at least
 * 20% (both soft, justified). The month's snapshot holds elder care at 66.66% (no limit), publicity
 * at 33.33% breaking its ceiling, renovation at 0% breaking its floor; the dashboard and the monthly
 * community PDF/CSV and city CSV show them.
 */
@ExtendWith(ArquillianExtension.class)
class AssessmentFundSharesIT {

    @Inject
    Fixtures fixtures;

    @Inject
    FundFixtures fundFixtures;

    @Inject
    Clock clock;

    @EJB
    DonationService donationService;

    @EJB
    AllocationService allocationService;

    @EJB
    ExpenditureService expenditureService;

    @EJB
    FundSettings fundSettings;

    @EJB
    ProjectService projects;

    @EJB
    Jobs console;

    @EJB
    AssessmentService assessment;

    @EJB
    AssessmentRun snapshots;

    @EJB
    ReportFiles files;

    @Resource(lookup = "jdbc/wushe")
    DataSource db;

    private Integer year;

    @AfterEach
    void back() {
        if (year != null) {
            int y = year;
            runAs(Fixtures.ADMIN, () -> fundSettings.setLimit(y, "PUBLICITY", "MAX", null, null));
            runAs(Fixtures.ADMIN, () -> fundSettings.setLimit(y, "ELDER_RENOVATION", "MIN", null, null));
        }
        TestClock.reset();
    }

    private ExecutionView run(String operator, String job, Map<String, String> params) throws InterruptedException {
        long id = runAs(operator, () -> console.start(job, params));
        for (int i = 0; i < 1200; i++) {
            ExecutionView e = runAs(operator, () -> console.execution(id));
            if (!e.running()) {
                return e;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(job + " did not end");
    }

    private static String text(java.nio.file.Path pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
    }

    @Test
    void fundShares_inTheSnapshot_onTheDashboard_andInTheMonthlyReports() throws Exception {
        TestClock.reset();
        Town town = fixtures.town("A", "B");
        String community = town.community("A");
        String social = fixtures.staff(town, "social", Role.SOCIAL_WORKER, "A");
        String cadre = fixtures.staff(town, "cadre", Role.COMMUNITY_CADRE, "A");
        String secretary = fixtures.staff(town, "secretary", Role.PARTY_SECRETARY, "A");
        String operator = fixtures.operator(town, "operator");
        FundFixtures.yearsAhead(70);
        LocalDate today = LocalDate.now(clock);
        YearMonth month = YearMonth.from(today);
        year = today.getYear();
        int y = year;
        runAs(Fixtures.ADMIN, () -> fundSettings.setLimit(y, "PUBLICITY", "MAX", 1500, "SOFT"));
        runAs(Fixtures.ADMIN, () -> fundSettings.setLimit(y, "ELDER_RENOVATION", "MIN", 2000, "SOFT"));

        Project p = fundFixtures.running(social, secretary, new ProjectForm(community, "长者关爱与宣传" + town.prefix(),
                "助老服务及宣传", 40, "高龄老人", null, null, Map.of("ELDER_CARE", 600_000L, "PUBLICITY", 300_000L),
                List.of(), List.of()));
        runAs(cadre, () -> donationService.recordDonation(new DonationForm(community, "ENTERPRISE", "江城建设集团", null, 1_000_000L,
                today, "AS-" + town.prefix(), "NONE", null, null, true)));
        String why = "本季度重点为助老服务";
        runAs(cadre, () -> allocationService.allocate(new AllocationForm(p.getId(), "ELDER_CARE", 600_000L, "CASH", today, why)));
        runAs(cadre, () -> allocationService.allocate(new AllocationForm(p.getId(), "PUBLICITY", 300_000L, "CASH", today, why)));
        runAs(social, () -> expenditureService.requestExpenditure(new ExpenditureForm(p.getId(), "ELDER_CARE", 200_000L, "江城食堂", "助餐",
                today, new Upload("r.png", FundFixtures.PNG), why)));
        runAs(social, () -> expenditureService.requestExpenditure(new ExpenditureForm(p.getId(), "PUBLICITY", 100_000L, "江城印务", "展板",
                today, new Upload("r.png", FundFixtures.PNG), why)));
        // one inspection, so the community has the month's other figures too (and a row in the city file)
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO inspection (id,"
                + " community_id, inspected_on, inspecting_body, purpose, staff_hours, material_count, recorded_by, recorded_at)"
                + " VALUES (?, (SELECT id FROM community WHERE code = ?), ?, '区民政局', '检查', 1.5, 0, 'test', ?)")) {
            ps.setLong(1, new SequenceIds(c, "inspection_seq").next());
            ps.setString(2, community);
            ps.setDate(3, java.sql.Date.valueOf(today));
            ps.setTimestamp(4, Timestamp.from(clock.instant()));
            ps.executeUpdate();
        }

        // The snapshot step of assessment-run, alone: the job's casework duties would act on the demo
        // city's referrals, which other tests read as they were loaded. The reports run on today's clock.
        TestClock.reset();
        snapshots.snapshot(month);

        AssessmentService.Dashboard d = runAs(secretary, () -> assessment.dashboard(null, month));
        assertEquals(1, d.fundShares().size(), () -> "one table, the secretary's community: " + d.fundShares());
        FundShares.Table t = d.fundShares().get(0);
        assertEquals(community, t.communityCode());
        Map<String, FundShares.Row> rows = new HashMap<>();
        t.rows().forEach(r -> rows.put(r.categoryCode(), r));
        assertEquals(List.of("ELDER_CARE", "ELDER_RENOVATION", "PUBLICITY"), t.rows().stream().map(FundShares.Row::categoryCode).toList());
        assertEquals(600_000, rows.get("ELDER_CARE").allocatedFen());
        assertEquals(6666, rows.get("ELDER_CARE").allocatedBp());
        assertEquals(200_000, rows.get("ELDER_CARE").spentMonthFen());
        assertEquals(6666, rows.get("ELDER_CARE").spentBp());
        assertTrue(!rows.get("ELDER_CARE").breaking());
        assertEquals(3333, rows.get("PUBLICITY").spentBp());
        assertEquals(1500, rows.get("PUBLICITY").maxBp());
        assertTrue(rows.get("PUBLICITY").allocatedBroken() && rows.get("PUBLICITY").spentBroken(), "over its ceiling");
        assertEquals(0, rows.get("ELDER_RENOVATION").spentBp());
        assertEquals(2000, rows.get("ELDER_RENOVATION").minBp());
        assertTrue(rows.get("ELDER_RENOVATION").spentBroken(), "under its floor");

        ExecutionView reports = run(operator, "reports-monthly", Map.of("month", month.toString(), "communities", community));
        assertEquals("COMPLETED", reports.status());
        List<ReportFileView> own = runAs(operator, () -> files.ofExecutions(List.of(reports.id())));
        ReportFileView pdf = own.stream().filter(f -> f.kind() == ReportKind.COMMUNITY_MONTHLY_PDF).findFirst().orElseThrow();
        String pdfText = text(runAs(operator, () -> files.open(pdf.id())).path());
        assertTrue(pdfText.contains("基金按类别支出与比例限制"), "the fund section");
        assertTrue(pdfText.contains("宣传形象"), "the publicity row");
        assertTrue(pdfText.contains("33.3%超限"), () -> "publicity's share marked as breaking: " + pdfText);
        ReportFileView csv = own.stream().filter(f -> f.kind() == ReportKind.COMMUNITY_MONTHLY_CSV).findFirst().orElseThrow();
        byte[] bytes = Files.readAllBytes(runAs(operator, () -> files.open(csv.id())).path());
        Map<String, CSVRecord> byCode = new HashMap<>();
        try (Reader in = new java.io.StringReader(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            parser.forEach(r -> byCode.put(r.get("指标代码"), r));
        }
        assertEquals("33.33", byCode.get("FUND_SPENT_SHARE.PUBLICITY").get("数值"));
        assertTrue(byCode.get("FUND_SPENT_SHARE.PUBLICITY").get("指标名称").contains("超出限制"));
        assertEquals("66.66", byCode.get("FUND_ALLOCATED_SHARE.ELDER_CARE").get("数值"));
        assertEquals("2", byCode.get("FUND_BREAKING_CATEGORIES").get("数值"));
        ReportFileView city = own.stream().filter(f -> f.kind() == ReportKind.CITY_MONTHLY_CSV).findFirst().orElseThrow();
        try (Reader in = Files.newBufferedReader(runAs(operator, () -> files.open(city.id())).path(), StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            CSVRecord rowA = parser.getRecords().stream().filter(r -> r.get(0).endsWith(community)).findFirst().orElseThrow();
            assertEquals("ELDER_CARE=66.66;ELDER_RENOVATION=0.00;PUBLICITY=33.33", rowA.get("各类别基金支出占比（%）"));
            assertEquals("ELDER_RENOVATION;PUBLICITY", rowA.get("超出比例限制的类别"));
        }
    }
}
