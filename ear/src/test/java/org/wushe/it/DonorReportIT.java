package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.sql.DataSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.fund.application.AllocationService;
import org.wushe.fund.application.DonationService;
import org.wushe.fund.application.DonorReport;
import org.wushe.fund.application.ExpenditureService;
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
import org.wushe.shared.NotFoundException;
import org.wushe.shared.NotInScopeException;
import org.wushe.shared.NotPermittedException;
import org.wushe.shared.ValidationException;

/**
 * The donor report: a donor's gift, its allocation and an expenditure in a fresh community; the
 * PDF's text (PDFBox) holds the Chinese project name and the right totals (given, attributed, spent
 * by category), embeds the WenQuanYi font, and every download is audited; another community's user
 * and a bad period are refused. The monthly run writes a DONOR_PDF for the donor of the month,
 * listed and downloadable as a community file.
 */
@ExtendWith(ArquillianExtension.class)
class DonorReportIT {

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
    ProjectService projects;

    @EJB
    DonorReport reports;

    @EJB
    Jobs console;

    @EJB
    ReportFiles files;

    @Resource(lookup = "jdbc/wushe")
    DataSource db;

    private Town town;
    private String community;
    private String social;
    private String cadre;
    private String secretary;
    private String cadreB;
    private LocalDate today;

    @BeforeEach
    void town() {
        TestClock.reset();
        town = fixtures.town("A", "B");
        community = town.community("A");
        social = fixtures.staff(town, "social", Role.SOCIAL_WORKER, "A");
        cadre = fixtures.staff(town, "cadre", Role.COMMUNITY_CADRE, "A");
        secretary = fixtures.staff(town, "secretary", Role.PARTY_SECRETARY, "A");
        cadreB = fixtures.staff(town, "cadreb", Role.COMMUNITY_CADRE, "B");
        FundFixtures.yearsAhead(60);
        today = LocalDate.now(clock);
    }

    @AfterEach
    void clockBack() {
        TestClock.reset();
    }

    static byte[] photo() throws Exception {
        BufferedImage img = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 120; x++) {
            for (int y = 0; y < 80; y++) {
                img.setRGB(x, y, (x * 2) << 16 | (y * 3) << 8 | 120);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private Project scenario(String title) throws Exception {
        Project p = fundFixtures.running(social, secretary, new ProjectForm(community, title, "为高龄独居老人每日送餐",
                30, "高龄独居老人", null, null, Map.of("ELDER_CARE", 400_000L, "CULTURE", 100_000L), List.of(), List.of()));
        runAs(cadre, () -> donationService.recordDonation(new DonationForm(community, "FOUNDATION", "江城慈善基金会", null, 500_000L,
                today, "DR-" + town.prefix() + "-1", "NONE", null, null, true)));
        runAs(cadre, () -> allocationService.allocate(new AllocationForm(p.getId(), "ELDER_CARE", 300_000L, "CASH", today, null)));
        runAs(cadre, () -> allocationService.allocate(new AllocationForm(p.getId(), "CULTURE", 100_000L, "CASH", today, null)));
        runAs(social, () -> expenditureService.requestExpenditure(new ExpenditureForm(p.getId(), "ELDER_CARE", 123_450L, "江城食堂",
                "送餐一月", today, new Upload("receipt.png", FundFixtures.PNG), null)));
        runAs(social, () -> expenditureService.requestExpenditure(new ExpenditureForm(p.getId(), "CULTURE", 20_000L, "江城文化站",
                "重阳联欢", today, new Upload("receipt.png", FundFixtures.PNG), null)));
        byte[] png = photo();
        runAs(social, () -> projects.reportProgress(p.getId(), "第一个月送餐六百份，老人满意。", List.of(new Upload("meal.png", png))));
        return p;
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
    }

    private static List<String> fonts(byte[] pdf) throws Exception {
        List<String> names = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDResources r = doc.getPage(0).getResources();
            for (var n : r.getFontNames()) {
                names.add(r.getFont(n).getName());
            }
        }
        return names;
    }

    private long count(String sql, Object... params) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void donorReport_holdsTheProjectAndTheTotals_embedsTheFont_andIsAudited() throws Exception {
        String title = "长者助餐点" + town.prefix();
        scenario(title);
        long before = count("SELECT COUNT(*) FROM audit_entry WHERE record_type = 'donor_report' AND actor = ?"
                + " AND audit_action = 'EXPORT'", cadre);
        byte[] pdf = runAs(cadre, () -> reports.pdf(community, "江城慈善基金会", today.withDayOfYear(1), today));
        String text = text(pdf);
        assertTrue(text.contains(title), () -> "the Chinese project name: " + text);
        assertTrue(text.contains("江城慈善基金会"), "the donor");
        assertTrue(text.contains("DR-" + town.prefix() + "-1"), "the receipt number");
        assertTrue(text.contains("捐赠合计：5,000.00元"), () -> "given: " + text);
        // the donor's gift is the only cash and this project the only one that received cash: the whole
        // gift is followed to it (docs/fund.md, "Following the money")
        assertTrue(text.contains("归属您的金额合计：5,000.00元"), () -> "attributed: " + text);
        assertTrue(text.contains("项目已拨款/已支出4,000.00/1,434.50"), "the project's allocation and spending");
        assertTrue(text.contains("助老助残1,234.50"), () -> "spent on elder care: " + text);
        assertTrue(text.contains("文体活动200.00"), () -> "spent on culture: " + text);
        assertTrue(text.contains("合计1,434.50"), () -> "spent in total: " + text);
        assertTrue(text.contains("第一个月送餐六百份"), "the progress text");
        List<String> fonts = fonts(pdf);
        assertTrue(fonts.stream().anyMatch(n -> n.matches("[A-Z]{6}\\+WenQuanYi.*")), () -> "WenQuanYi embedded: " + fonts);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int images = 0;
            for (var page : doc.getPages()) {
                for (var n : page.getResources().getXObjectNames()) {
                    images++;
                }
            }
            assertTrue(images >= 2, "the chart and the progress photo are embedded: " + images);
        }
        assertEquals(before + 1, count("SELECT COUNT(*) FROM audit_entry WHERE record_type = 'donor_report' AND actor = ?"
                + " AND audit_action = 'EXPORT'", cadre), "the download is recorded as an export");

        // another community's manager, and a role without MANAGE_FUND, are refused
        assertThrows(NotInScopeException.class,
                () -> runAs(cadreB, () -> reports.pdf(community, "江城慈善基金会", null, null)));
        String officer = fixtures.officer(town, "officer");
        assertThrows(NotPermittedException.class,
                () -> runAs(officer, () -> reports.pdf(community, "江城慈善基金会", null, null)));
        // a reversed period, and a donor without gifts in the period
        ValidationException bad = assertThrows(ValidationException.class,
                () -> runAs(cadre, () -> reports.pdf(community, "江城慈善基金会", today, today.minusDays(1))));
        assertEquals("to", bad.errors().get(0).field());
        assertEquals("fund.period.order", bad.errors().get(0).key());
        assertThrows(NotFoundException.class, () -> runAs(cadre, () -> reports.pdf(community, "无此捐赠人", null, null)));
        assertThrows(NotFoundException.class, () -> runAs(cadre, () -> reports.pdf(community, "江城慈善基金会",
                today.minusYears(2), today.minusYears(1))));
    }

    @Test
    void monthlyRun_writesADonorPdf_listedAsACommunityFile() throws Exception {
        String title = "月度助餐" + town.prefix();
        scenario(title);
        String operator = fixtures.operator(town, "operator");
        YearMonth month = YearMonth.from(today);
        TestClock.reset(); // the job runs on today's clock; the month is its parameter
        long id = runAs(operator, () -> console.start("reports-monthly", Map.of("month", month.toString(),
                "communities", community + "," + town.community("B"))));
        ExecutionView done = null;
        for (int i = 0; i < 1200 && (done == null || done.running()); i++) {
            Thread.sleep(100);
            done = runAs(operator, () -> console.execution(id));
        }
        assertEquals("COMPLETED", done.status(), () -> "reports-monthly: " + console);
        List<ReportFileView> own = runAs(operator, () -> files.ofExecutions(List.of(id)));
        List<ReportFileView> donors = own.stream().filter(f -> f.kind() == ReportKind.DONOR_PDF).toList();
        assertEquals(1, donors.size(), () -> "one donor gave in the month: " + own);
        ReportFileView f = donors.get(0);
        assertEquals(community, f.communityCode());
        assertEquals(DonorReport.fileName(community, "江城慈善基金会", month.toString()), f.fileName());
        String text = text(Files.readAllBytes(runAs(secretary, () -> files.open(f.id())).path()));
        assertTrue(text.contains(title), "the project in the monthly donor report");
        assertTrue(text.contains("助老助残1,234.50"), "its spending");
        assertTrue(runAs(secretary, () -> files.list(month.toString(), null)).stream()
                .anyMatch(x -> x.id() == f.id()), "listed for the community's secretary");
        String secretaryB = fixtures.staff(town, "secretaryb", Role.PARTY_SECRETARY, "B");
        assertFalse(runAs(secretaryB, () -> files.list(month.toString(), null)).stream().anyMatch(x -> x.id() == f.id()));
        assertThrows(NotInScopeException.class, () -> runAs(secretaryB, () -> files.open(f.id())),
                "another community's secretary cannot download it");
    }
}
