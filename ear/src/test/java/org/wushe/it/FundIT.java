package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wushe.it.support.FundFixtures.PNG;
import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.fund.application.AllocationService;
import org.wushe.fund.application.CategoryShares;
import org.wushe.fund.application.DonationService;
import org.wushe.fund.application.ExpenditureService;
import org.wushe.fund.application.FundQueries;
import org.wushe.fund.application.FundReporting;
import org.wushe.fund.application.FundSettings;
import org.wushe.fund.application.FundViews;
import org.wushe.fund.application.FundViews.AllocationForm;
import org.wushe.fund.application.FundViews.Balance;
import org.wushe.fund.application.FundViews.DonationForm;
import org.wushe.fund.application.FundViews.DonationRow;
import org.wushe.fund.application.FundViews.ExpenditureForm;
import org.wushe.fund.application.FundViews.RefundForm;
import org.wushe.fund.application.FundViews.ShareRow;
import org.wushe.fund.application.FundViews.Upload;
import org.wushe.fund.application.ProjectQueries;
import org.wushe.fund.application.ProjectService;
import org.wushe.fund.application.ProjectViews.ProjectForm;
import org.wushe.fund.domain.Donation;
import org.wushe.fund.domain.Expenditure;
import org.wushe.fund.domain.Project;
import org.wushe.it.support.Fixtures;
import org.wushe.it.support.FundFixtures;
import org.wushe.it.support.LedgerTamper;
import org.wushe.it.support.Fixtures.Town;
import org.wushe.it.support.TestClock;
import org.wushe.security.domain.Role;
import org.wushe.shared.ConflictException;
import org.wushe.shared.NotInScopeException;
import org.wushe.shared.NotPermittedException;
import org.wushe.shared.PageRequest;
import org.wushe.shared.ValidationException;

/**
 * The micro-fund on the server: the ledger invariant (balance = donations − refunds − expenditures)
 * asserted after every operation, overspending, restrictions, allocation beyond the money, refunds
 * beyond the unspent part, the four-eyes rule, hard and soft category limits, scope, and entries
 * that cannot be changed.
 */
@ExtendWith(ArquillianExtension.class)
class FundIT {

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
    FundQueries fundQueries;

    @EJB
    CategoryShares categoryShares;

    @EJB
    FundSettings fundSettings;

    @EJB
    ProjectService projects;

    @EJB
    ProjectQueries projectQueries;

    @EJB
    FundReporting reporting;

    @EJB
    LedgerTamper tamper;

    private Town town;
    private String community;
    private String social;
    private String cadre;
    private String secretary;
    private String otherSocial;
    private int year;

    @BeforeEach
    void town() {
        TestClock.reset();
        town = fixtures.town("A", "B");
        community = town.community("A");
        social = fixtures.staff(town, "social", Role.SOCIAL_WORKER, "A");
        cadre = fixtures.staff(town, "cadre", Role.COMMUNITY_CADRE, "A");
        secretary = fixtures.staff(town, "secretary", Role.PARTY_SECRETARY, "A");
        otherSocial = fixtures.staff(town, "socialb", Role.SOCIAL_WORKER, "B");
        FundFixtures.yearsAhead(60);
        year = LocalDate.now(clock).getYear();
    }

    @AfterEach
    void clockBack() {
        TestClock.reset();
    }

    // ---------------------------------------------------------------- helpers

    private void assertInvariant() {
        Balance b = runAs(social, () -> fundQueries.balance(community));
        assertTrue(b.holds(), "ledger balance " + b.balanceFen() + " vs donations " + b.donationsFen() + " - refunds "
                + b.refundsFen() + " - expenditures " + b.expendituresFen() + ": " + b.accounts());
        assertEquals(b.donationsFen() - b.refundsFen() - b.expendituresFen(), b.balanceFen());
    }

    private Donation donate(long fen, String receipt, String restriction, Long projectId, String category) {
        Donation d = runAs(cadre, () -> donationService.recordDonation(new DonationForm(community, "ENTERPRISE", "江城建设集团",
                null, fen, null, receipt, restriction, projectId, category, true)));
        assertInvariant();
        return d;
    }

    private Project running(String title, Map<String, Long> budget) {
        return fundFixtures.running(social, secretary, new ProjectForm(community, title, "为独居老人安装扶手与防滑地面",
                20, "独居老人", null, null, budget, List.of(), List.of()));
    }

    private void allocate(Long projectId, String category, long fen, String source, String justification) {
        runAs(cadre, () -> allocationService.allocate(new AllocationForm(projectId, category, fen, source, null, justification)));
        assertInvariant();
    }

    private Expenditure spend(String as, Long projectId, String category, long fen, String justification) {
        Expenditure e = runAs(as, () -> expenditureService.requestExpenditure(new ExpenditureForm(projectId, category, fen,
                "江城五金店", "扶手与安装", null, new Upload("receipt.png", PNG), justification)));
        assertInvariant();
        return e;
    }

    private String conflict(Runnable r) {
        String key = assertThrows(ConflictException.class, r::run).key();
        assertInvariant();
        return key;
    }

    // ---------------------------------------------------------------- tests

    @Test
    void donationAllocationExpenditureRefund_keepTheInvariant_andTheLedgerBalanced() {
        assertInvariant();
        Donation d = donate(1_000_000, "R-" + town.prefix() + "-1", "NONE", null, null);
        Project p = running("适老化扶手安装", Map.of("ELDER_RENOVATION", 600_000L));
        allocate(p.getId(), "ELDER_RENOVATION", 600_000, "CASH", null);
        Expenditure e = spend(social, p.getId(), "ELDER_RENOVATION", 250_000, null);
        assertEquals("BOOKED", e.getStatus().name());
        runAs(cadre, () -> donationService.refund(d.getId(), new RefundForm(100_000L, null, "捐赠人要求退回部分")));
        assertInvariant();
        Balance b = runAs(social, () -> fundQueries.balance(community));
        assertEquals(1_000_000 - 100_000 - 250_000, b.balanceFen());
        assertEquals(300_000, b.cashFen());
        assertEquals(350_000, b.budgetsFen());
        // Every transaction's debits equal its credits.
        runAs(social, () -> fundQueries.ledger(community, PageRequest.of(0, 50))).items().forEach(t -> assertEquals(
                t.entries().stream().filter(x -> x.side().equals("D")).mapToLong(x -> x.amountFen()).sum(),
                t.entries().stream().filter(x -> x.side().equals("C")).mapToLong(x -> x.amountFen()).sum()));
        // A reversal of the expenditure points to it and brings the money back into the budget.
        runAs(cadre, () -> expenditureService.reverse(e.getTransactionId(), "发票作废，重新报销"));
        assertInvariant();
        assertEquals(600_000, runAs(social, () -> projectQueries.project(p.getId())).budget().get(0).availableFen());
        assertEquals("fund.reversal.twice", conflict(() -> runAs(cadre, () -> expenditureService.reverse(e.getTransactionId(), "再次"))));
    }

    @Test
    void overspendingTheAllocation_isRefused_perCategory() {
        donate(500_000, "R-" + town.prefix() + "-2", "NONE", null, null);
        Project p = running("助老餐桌", Map.of("ELDER_CARE", 300_000L, "CULTURE", 100_000L));
        allocate(p.getId(), "ELDER_CARE", 300_000, "CASH", null);
        spend(social, p.getId(), "ELDER_CARE", 200_000, null);
        assertEquals("fund.expenditure.beyondBudget", conflict(() -> spend(social, p.getId(), "ELDER_CARE", 100_001, null)));
        // Nothing was allocated to CULTURE: the ELDER_CARE money is not spendable there.
        assertEquals("fund.expenditure.beyondBudget", conflict(() -> spend(social, p.getId(), "CULTURE", 1, null)));
        spend(social, p.getId(), "ELDER_CARE", 100_000, null);
    }

    @Test
    void twoConcurrentExpenditures_cannotBothSpendTheLastMoney() throws Exception {
        donate(400_000, "R-" + town.prefix() + "-12", "NONE", null, null);
        Project p = running("并发支出", Map.of("ELDER_CARE", 400_000L));
        allocate(p.getId(), "ELDER_CARE", 400_000, "CASH", null);
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<String>> outcomes = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String as = i == 0 ? cadre : social;
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        return runAs(as, () -> expenditureService.requestExpenditure(new ExpenditureForm(p.getId(), "ELDER_CARE",
                                300_000L, "江城老年食堂", "助餐", null, new Upload("r.png", PNG), null))).getStatus().name();
                    } catch (ConflictException e) {
                        return e.key();
                    }
                }));
            }
            List<String> results = new java.util.ArrayList<>();
            for (var f : outcomes) {
                results.add(f.get(120, java.util.concurrent.TimeUnit.SECONDS));
            }
            java.util.Collections.sort(results);
            assertEquals(List.of("BOOKED", "fund.expenditure.beyondBudget"), results);
        } finally {
            pool.shutdownNow();
        }
        assertInvariant();
        assertEquals(100_000, runAs(social, () -> projectQueries.project(p.getId())).budget().get(0).availableFen());
    }

    @Test
    void restrictedMoney_goesOnlyToItsRestriction() {
        Project a = running("儿童托管", Map.of("CHILD_CARE", 300_000L));
        Project b = running("老年食堂", Map.of("ELDER_CARE", 300_000L));
        donate(200_000, "R-" + town.prefix() + "-3", "PROJECT", a.getId(), null);
        donate(100_000, "R-" + town.prefix() + "-4", "CATEGORY", null, "CHILD_CARE");
        // No unrestricted cash, and project A's fund is not project B's.
        assertEquals("fund.allocation.beyondAvailable", conflict(() -> allocate(b.getId(), "ELDER_CARE", 1, "CASH", null)));
        assertEquals("fund.allocation.beyondAvailable",
                conflict(() -> allocate(b.getId(), "ELDER_CARE", 1, "PROJECT_FUND", null)));
        // The CHILD_CARE category fund is not the ELDER_CARE one.
        assertEquals("fund.allocation.beyondAvailable",
                conflict(() -> allocate(b.getId(), "ELDER_CARE", 1, "CATEGORY_FUND", null)));
        allocate(a.getId(), "CHILD_CARE", 200_000, "PROJECT_FUND", null);
        allocate(b.getId(), "CHILD_CARE", 100_000, "CATEGORY_FUND", null);
        assertEquals("fund.allocation.beyondAvailable",
                conflict(() -> allocate(a.getId(), "CHILD_CARE", 1, "PROJECT_FUND", null)));
    }

    @Test
    void allocationBeyondTheMoney_andToAProjectNotApproved_areRefused() {
        donate(100_000, "R-" + town.prefix() + "-5", "NONE", null, null);
        Project p = running("社区助浴", Map.of("ELDER_CARE", 300_000L));
        assertEquals("fund.allocation.beyondAvailable", conflict(() -> allocate(p.getId(), "ELDER_CARE", 100_001, "CASH", null)));
        allocate(p.getId(), "ELDER_CARE", 100_000, "CASH", null);
        Project proposal = runAs(social, () -> projects.design(new ProjectForm(community, "未审项目", "目标", 5, null, null,
                null, Map.of("CULTURE", 1_000L), List.of(), List.of())));
        assertEquals("fund.allocation.stage", conflict(() -> allocate(proposal.getId(), "CULTURE", 1, "CASH", null)));
    }

    @Test
    void refunds_onlyFromTheUnspentPart() {
        Donation d = donate(300_000, "R-" + town.prefix() + "-6", "NONE", null, null);
        Project p = running("楼道照明", Map.of("ELDER_RENOVATION", 300_000L));
        allocate(p.getId(), "ELDER_RENOVATION", 250_000, "CASH", null);
        assertEquals("fund.refund.beyondUnspent", conflict(() -> runAs(cadre,
                () -> donationService.refund(d.getId(), new RefundForm(50_001L, null, "退回")))));
        runAs(cadre, () -> donationService.refund(d.getId(), new RefundForm(50_000L, null, "退回")));
        assertInvariant();
        assertEquals("fund.refund.beyondUnspent", conflict(() -> runAs(cadre,
                () -> donationService.refund(d.getId(), new RefundForm(1L, null, "退回")))));
    }

    @Test
    void fourEyes_aboveTheThreshold_waitsForASecondPerson_neverTheRequester() {
        runAs(Fixtures.ADMIN, () -> fundSettings.setApprovalThreshold(community, 100_000L));
        donate(1_000_000, "R-" + town.prefix() + "-7", "NONE", null, null);
        Project p = running("适老化改造一期", Map.of("ELDER_RENOVATION", 900_000L));
        allocate(p.getId(), "ELDER_RENOVATION", 900_000, "CASH", null);
        assertEquals("BOOKED", spend(cadre, p.getId(), "ELDER_RENOVATION", 100_000, null).getStatus().name());
        Expenditure big = spend(cadre, p.getId(), "ELDER_RENOVATION", 400_000, null);
        assertEquals("PENDING", big.getStatus().name());
        assertNull(big.getTransactionId());
        Balance pending = runAs(social, () -> fundQueries.balance(community));
        assertEquals(100_000, pending.expendituresFen());
        assertEquals(400_000, pending.pendingFen());
        // The requester holds the approval right but may not use it on their own request.
        NotPermittedException self = assertThrows(NotPermittedException.class,
                () -> runAs(cadre, () -> expenditureService.approve(big.getId())));
        assertEquals("fund.fourEyes.self", self.key());
        // A social worker has no approval right at all.
        assertThrows(NotPermittedException.class, () -> runAs(social, () -> expenditureService.approve(big.getId())));
        assertInvariant();
        runAs(secretary, () -> expenditureService.approve(big.getId()));
        assertInvariant();
        assertEquals(500_000, runAs(social, () -> fundQueries.balance(community)).expendituresFen());
        Expenditure rejected = spend(cadre, p.getId(), "ELDER_RENOVATION", 200_000, null);
        ValidationException noReason = assertThrows(ValidationException.class,
                () -> runAs(secretary, () -> expenditureService.reject(rejected.getId(), " ")));
        assertEquals("reason", noReason.errors().get(0).field());
        runAs(secretary, () -> expenditureService.reject(rejected.getId(), "发票抬头不符"));
        assertInvariant();
        assertEquals("fund.expenditure.notPending", conflict(() -> runAs(secretary, () -> expenditureService.approve(rejected.getId()))));
    }

    @Test
    void categoryLimits_hardRefuses_softNeedsAWrittenJustification() {
        int y = year;
        runAs(Fixtures.ADMIN, () -> fundSettings.setLimit(y, "PUBLICITY", "MAX", 1500, "HARD"));
        runAs(Fixtures.ADMIN, () -> fundSettings.setLimit(y, "ELDER_RENOVATION", "MIN", 2000, "SOFT"));
        try {
            donate(2_000_000, "R-" + town.prefix() + "-8", "NONE", null, null);
            Project p = running("社区形象与改造", Map.of("ELDER_RENOVATION", 1_000_000L, "PUBLICITY", 500_000L));
            // Money to culture before the floor of renovation is filled: soft, needs a justification.
            ValidationException soft = assertThrows(ValidationException.class,
                    () -> allocate(p.getId(), "CULTURE", 100_000, "CASH", null));
            // Publicity as the year's first money would be 100% of it: hard refusal.
            assertEquals("fund.limit.hard", conflict(() -> allocate(p.getId(), "PUBLICITY", 100_000, "CASH",
                    "宣传")));
            assertEquals("justification", soft.errors().get(0).field());
            assertEquals("fund.limit.justificationRequired", soft.errors().get(0).key());
            assertInvariant();
            allocate(p.getId(), "ELDER_RENOVATION", 200_000, "CASH", null);
            // 30,000 of 230,000 = 13.0% publicity: allowed; 10,000 more would be 16.7%: hard refusal.
            allocate(p.getId(), "PUBLICITY", 30_000, "CASH", null);
            assertEquals("fund.limit.hard", conflict(() -> allocate(p.getId(), "PUBLICITY", 10_000, "CASH", null)));
            // Culture 800,000 would bring renovation to 19.4%: only with a justification, which is kept.
            assertThrows(ValidationException.class, () -> allocate(p.getId(), "CULTURE", 800_000, "CASH", null));
            allocate(p.getId(), "CULTURE", 800_000, "CASH", "重阳节大型文体活动，街道统一安排");
            assertTrue(runAs(social, () -> fundQueries.allocations(community, p.getId())).stream()
                    .anyMatch(a -> "重阳节大型文体活动，街道统一安排".equals(a.justification())));
            ShareRow renovation = runAs(social, () -> categoryShares.shares(community, y)).rows().stream()
                    .filter(r -> r.categoryCode().equals("ELDER_RENOVATION")).findFirst().orElseThrow();
            assertEquals(1941, renovation.allocatedBp());
            assertTrue(renovation.limits().get(0).allocatedBroken(), renovation.toString());
            // Expenditures are checked against the year's expenditures the same way.
            assertEquals("fund.limit.hard", conflict(() -> spend(social, p.getId(), "PUBLICITY", 1_000, null)));
        } finally {
            runAs(Fixtures.ADMIN, () -> fundSettings.setLimit(y, "PUBLICITY", "MAX", null, null));
            runAs(Fixtures.ADMIN, () -> fundSettings.setLimit(y, "ELDER_RENOVATION", "MIN", null, null));
        }
    }

    @Test
    void anotherCommunity_isOutOfScope() {
        donate(100_000, "R-" + town.prefix() + "-9", "NONE", null, null);
        assertThrows(NotInScopeException.class, () -> runAs(otherSocial, () -> fundQueries.balance(community)));
        assertThrows(NotInScopeException.class, () -> runAs(otherSocial, () -> donationService.recordDonation(new DonationForm(
                community, "MERCHANT", "小卖部", null, 100L, null, "X-" + town.prefix(), null, null, null, false))));
        Project p = running("跨社区", Map.of("CULTURE", 10_000L));
        assertThrows(NotInScopeException.class, () -> runAs(otherSocial, () -> projectQueries.project(p.getId())));
    }

    @Test
    void ledgerEntries_cannotBeChanged_norDeleted() {
        donate(100_000, "R-" + town.prefix() + "-10", "NONE", null, null);
        Long txId = runAs(social, () -> fundQueries.ledger(community, PageRequest.of(0, 1))).items().get(0).id();
        assertEquals("fund.immutable", assertThrows(ConflictException.class, () -> tamper.deleteEntry(txId)).key());
        assertEquals("fund.immutable", assertThrows(ConflictException.class, () -> tamper.changeEntry(txId)).key());
        assertInvariant();
    }

    @Test
    void badDonationInput_isRefusedFieldByField_andResidentDonorsAreAnonymousToOthers() {
        ValidationException e = assertThrows(ValidationException.class, () -> runAs(cadre, () -> donationService.recordDonation(
                new DonationForm(community, "ALIEN", " ", null, 0L, LocalDate.now(clock).plusDays(3), "", "PROJECT", null,
                        null, false))));
        List<String> fields = e.errors().stream().map(x -> x.field() + ":" + x.key()).toList();
        assertTrue(fields.containsAll(List.of("donorKind:error.choice", "donorName:error.required",
                "amountFen:fund.amount.positive", "donatedOn:fund.date.future", "receiptNo:error.required",
                "restrictedProjectId:fund.project.unknown")), fields.toString());
        Long resident = fixtures.resident(social, "王阿姨", community, town.grid("A", 1)).id();
        runAs(cadre, () -> donationService.recordDonation(new DonationForm(community, "RESIDENT", null, resident, 20_000L, null,
                "D-" + town.prefix(), null, null, null, false)));
        ValidationException dup = assertThrows(ValidationException.class, () -> runAs(cadre, () -> donationService.recordDonation(
                new DonationForm(community, "MERCHANT", "小卖部", null, 100L, null, "D-" + town.prefix(), null, null,
                        null, false))));
        assertEquals("fund.receipt.duplicate", dup.errors().get(0).key());
        DonationRow forManager = runAs(cadre, () -> fundQueries.donations(community, PageRequest.of(0, 10))).items().get(0);
        assertEquals("王阿姨", forManager.donorName());
        String officer = fixtures.officer(town, "officer");
        DonationRow forOfficer = runAs(officer, () -> fundQueries.donations(community, PageRequest.of(0, 10))).items().get(0);
        assertNull(forOfficer.donorName());
        assertTrue(forOfficer.anonymous());
        assertTrue(runAs(social, () -> reporting.publicFund(community)).namedDonors().isEmpty());
        assertInvariant();
    }

    @Test
    void receiptOfAnotherTypeOrTooLarge_isRefusedWithAClearMessage() {
        donate(100_000, "R-" + town.prefix() + "-11", "NONE", null, null);
        Project p = running("收据检查", Map.of("CULTURE", 100_000L));
        allocate(p.getId(), "CULTURE", 100_000, "CASH", null);
        ValidationException gif = assertThrows(ValidationException.class, () -> runAs(social, () ->
                expenditureService.requestExpenditure(new ExpenditureForm(p.getId(), "CULTURE", 100L, "店", "用途", null,
                        new Upload("receipt.png", "GIF89a-not-a-png".getBytes()), null))));
        assertEquals("fund.file.type", gif.errors().get(0).key());
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        ValidationException large = assertThrows(ValidationException.class, () -> runAs(social, () ->
                expenditureService.requestExpenditure(new ExpenditureForm(p.getId(), "CULTURE", 100L, "店", "用途", null,
                        new Upload("big.png", big), null))));
        assertEquals("fund.file.tooLarge", large.errors().get(0).key());
        byte[] pdf = "%PDF-1.4 invoice".getBytes();
        Expenditure ok = runAs(social, () -> expenditureService.requestExpenditure(new ExpenditureForm(p.getId(), "CULTURE", 100L, "店",
                "用途", null, new Upload("invoice.pdf", pdf), null)));
        assertEquals("application/pdf", runAs(social, () -> fundQueries.receipt(ok.getReceiptFileId())).getContentType());
        assertInvariant();
    }

    @Test
    void reporting_totalsAgreeWithTheLedger() {
        Project p = running("儿童四点半课堂", Map.of("CHILD_CARE", 400_000L));
        Donation open = runAs(cadre, () -> donationService.recordDonation(new DonationForm(community, "FOUNDATION", "江城慈善基金会",
                null, 300_000L, null, "F-" + town.prefix() + "-1", null, null, null, true)));
        runAs(cadre, () -> donationService.recordDonation(new DonationForm(community, "MERCHANT", "街角面包店", null, 100_000L, null,
                "F-" + town.prefix() + "-2", "PROJECT", p.getId(), null, false)));
        allocate(p.getId(), "CHILD_CARE", 200_000, "CASH", null);
        allocate(p.getId(), "CHILD_CARE", 100_000, "PROJECT_FUND", null);
        spend(social, p.getId(), "CHILD_CARE", 120_000, null);
        FundReporting.PublicFund pub = runAs(social, () -> reporting.publicFund(community));
        Balance b = runAs(social, () -> fundQueries.balance(community));
        assertEquals(b.donationsFen(), pub.donationsFen());
        assertEquals(b.expendituresFen(), pub.spentFen());
        assertEquals(b.balanceFen(), pub.balanceFen());
        assertEquals(300_000, pub.allocatedFen());
        assertEquals(List.of("江城慈善基金会"), pub.namedDonors().stream().map(FundReporting.NamedDonor::name).toList());
        assertEquals(100_000, pub.anonymousFen());
        FundReporting.DonorStatement s = runAs(social, () -> reporting.donorStatement(community, "江城慈善基金会",
                LocalDate.now(clock).minusDays(1), LocalDate.now(clock)));
        assertEquals(300_000, s.givenFen());
        // The only cash allocation went to this project: the whole gift is followed there.
        assertEquals(300_000, s.projects().get(0).attributedFen());
        assertEquals("PROPORTIONAL", s.projects().get(0).rule());
        assertEquals(Map.of("CHILD_CARE", 120_000L), s.projects().get(0).project().spentByCategory());
        // The assessment's monthly reading: this month's spending by category and the year so far.
        FundViews.MonthlySpending child = categoryShares.monthlySpending(p.getCommunityId(), java.time.YearMonth.now(clock))
                .stream().filter(m -> m.categoryCode().equals("CHILD_CARE")).findFirst().orElseThrow();
        assertEquals(120_000, child.spentInMonthFen());
        assertEquals(10_000, child.yearToDateBp());
        assertTrue(open.getId() != null);
    }
}
