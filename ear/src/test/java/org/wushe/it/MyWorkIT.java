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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.casework.application.ReferralService;
import org.wushe.casework.application.ReferralService.ReferralForm;
import org.wushe.casework.application.ReferralService.ReferralView;
import org.wushe.docking.application.BoardFilter;
import org.wushe.docking.application.MatchForm;
import org.wushe.docking.application.Matching;
import org.wushe.docking.application.NeedBoard;
import org.wushe.docking.application.NeedForm;
import org.wushe.docking.application.NeedWorkflow;
import org.wushe.docking.application.ResourceForm;
import org.wushe.docking.application.ResourceService;
import org.wushe.docking.domain.DockingAction;
import org.wushe.docking.domain.Need;
import org.wushe.docking.domain.Resource;
import org.wushe.fund.application.AllocationService;
import org.wushe.fund.application.DonationService;
import org.wushe.fund.application.ExpenditureService;
import org.wushe.fund.application.FundSettings;
import org.wushe.fund.application.FundViews.AllocationForm;
import org.wushe.fund.application.FundViews.DonationForm;
import org.wushe.fund.application.FundViews.ExpenditureForm;
import org.wushe.fund.application.FundViews.Upload;
import org.wushe.fund.application.ProjectViews;
import org.wushe.fund.application.ProjectViews.ProjectForm;
import org.wushe.fund.domain.Expenditure;
import org.wushe.fund.domain.Project;
import org.wushe.home.application.MyWork;
import org.wushe.home.application.WorkLine;
import org.wushe.it.support.Fixtures;
import org.wushe.it.support.Fixtures.Town;
import org.wushe.it.support.FundFixtures;
import org.wushe.it.support.TestClock;
import org.wushe.security.domain.Role;
import org.wushe.shared.PageRequest;
import org.wushe.shared.ValidationException;
import org.wushe.volunteering.application.HoursService;
import org.wushe.volunteering.application.VolunteerService;
import org.wushe.volunteering.domain.ServiceHours;
import org.wushe.volunteering.domain.VolunteerPosition;

/**
 * "My work" against a hand-counted fixture: a fresh town with two communities, a known number of
 * items of each kind for each worker; every count and oldest time is asserted, the other
 * community's items are never counted, a grid worker's lines cover only their cells, and each count
 * equals the rows of the filtered list it leads to.
 */
@ExtendWith(ArquillianExtension.class)
class MyWorkIT {

    @Inject
    Fixtures fixtures;

    @Inject
    FundFixtures fundFixtures;

    @Inject
    Clock clock;

    @EJB
    MyWork myWork;

    @EJB
    ReferralService referrals;

    @EJB
    NeedWorkflow needWorkflow;

    @EJB
    NeedBoard needBoard;

    @EJB
    Matching matching;

    @EJB
    ResourceService resources;

    @EJB
    VolunteerService volunteers;

    @EJB
    HoursService hours;

    @EJB
    org.wushe.security.application.AccountService accounts;

    @EJB
    FundSettings fundSettings;

    @EJB
    DonationService donations;

    @EJB
    AllocationService allocations;

    @EJB
    ExpenditureService expenditures;

    @EJB
    org.wushe.fund.application.ProjectQueries projectQueries;

    private Town town;
    private String secretary;
    private String social;
    private String otherSocial;
    private String cadre;
    private String gridOne;
    private String gridTwo;
    private String socialB;
    private String gridB;
    private Long residentOne;
    private Long residentTwo;
    private Long residentB;

    @BeforeEach
    void town() {
        TestClock.reset();
        town = fixtures.town("A", "B");
        secretary = fixtures.staff(town, "secretary", Role.PARTY_SECRETARY, "A");
        social = fixtures.staff(town, "social", Role.SOCIAL_WORKER, "A");
        otherSocial = fixtures.staff(town, "other", Role.SOCIAL_WORKER, "A");
        cadre = fixtures.staff(town, "cadre", Role.COMMUNITY_CADRE, "A");
        gridOne = fixtures.gridWorker(town, "gridone", Set.of(town.grid("A", 1)));
        gridTwo = fixtures.gridWorker(town, "gridtwo", Set.of(town.grid("A", 2)));
        socialB = fixtures.staff(town, "socialb", Role.SOCIAL_WORKER, "B");
        gridB = fixtures.gridWorker(town, "gridb", Set.of(town.grid("B", 1)));
        residentOne = fixtures.resident(social, "李独居", town.community("A"), town.grid("A", 1)).id();
        residentTwo = fixtures.resident(social, "王独居", town.community("A"), town.grid("A", 2)).id();
        residentB = fixtures.resident(socialB, "赵独居", town.community("B"), town.grid("B", 1)).id();
    }

    @AfterEach
    void clockBack() {
        TestClock.reset();
    }

    private Map<String, WorkLine> lines(String user) {
        List<WorkLine> found = runAs(user, () -> myWork.lines());
        Map<String, WorkLine> byKind = new java.util.LinkedHashMap<>();
        found.forEach(l -> byKind.put(l.kind(), l));
        assertEquals(found.size(), byKind.size(), "one line per kind: " + found);
        assertTrue(found.stream().allMatch(l -> l.count() > 0), "lines with nothing waiting are left out: " + found);
        return byKind;
    }

    private static long count(Map<String, WorkLine> lines, String kind) {
        return Optional.ofNullable(lines.get(kind)).map(WorkLine::count).orElse(0L);
    }

    /** The database keeps times to the microsecond (PostgreSQL) or finer; the service's times come from it. */
    private static void assertSameTime(Instant expected, Instant actual) {
        assertTrue(Duration.between(expected, actual).abs().toMillis() < 1, expected + " vs " + actual);
    }

    private ReferralView refer(String grid, Long resident, String to) {
        return runAs(grid, () -> referrals.refer(new ReferralForm(resident, to, "HIGH",
                "独居老人多日未出门，邻居反映情绪低落", "走访记录两次", "电话联系子女未果")));
    }

    private Need need(String as, String grid, String title) {
        return runAs(as, () -> needWorkflow.register(new NeedForm(grid, null, "ELDERLY_CARE", "HIGH", "HOME_VISIT",
                title, "独居，行动不便，需要每周助餐")));
    }

    @Test
    void referrals_countAwaitingAndReturned_perOwner_withTheNearestDeadline_andTheInboxShowsAsMany() {
        ReferralView first = refer(gridOne, residentOne, social);
        ReferralView second = refer(gridOne, residentOne, social);
        ReferralView third = refer(gridTwo, residentTwo, social);
        refer(gridOne, residentOne, otherSocial);
        refer(gridB, residentB, socialB);
        runAs(social, () -> referrals.giveBack(second.id(), "信息不全，请补充走访记录"));

        Map<String, WorkLine> mine = lines(social);
        assertEquals(2, count(mine, "referralsAwaiting"));
        WorkLine awaiting = mine.get("referralsAwaiting");
        assertSameTime(first.dueAt().isBefore(third.dueAt()) ? first.dueAt() : third.dueAt(), awaiting.due());
        assertNull(awaiting.since());
        assertEquals("/casework/referrals", awaiting.outcome());
        assertEquals(Map.of("show", "awaiting"), awaiting.params());
        assertEquals(2, runAs(social, () -> referrals.inbox("awaiting", PageRequest.of(0, 50))).total());
        assertEquals(1, count(lines(otherSocial), "referralsAwaiting"));
        assertEquals(1, count(lines(socialB), "referralsAwaiting"));

        Map<String, WorkLine> gridLines = lines(gridOne);
        assertEquals(1, count(gridLines, "referralsReturned"));
        ReferralView returned = runAs(gridOne, () -> referrals.find(second.id()));
        assertSameTime(returned.handledAt(), gridLines.get("referralsReturned").since());
        assertEquals(1, runAs(gridOne, () -> referrals.inbox("returned", PageRequest.of(0, 50))).total());
        assertEquals(0, count(lines(gridTwo), "referralsReturned"));
        assertEquals(0, count(lines(gridB), "referralsReturned"));
        assertEquals(0, count(lines(gridOne), "referralsAwaiting"), "a grid worker accepts no referral");

        // Past every deadline the pending ones are the Party secretary's, before and after the inbox escalates them.
        TestClock.advance(Duration.ofDays(30));
        assertEquals(0, count(lines(social), "referralsAwaiting"));
        assertEquals(3, count(lines(secretary), "referralsAwaiting"));
        assertEquals(3, runAs(secretary, () -> referrals.inbox("awaiting", PageRequest.of(0, 50))).total());
        assertEquals(3, count(lines(secretary), "referralsAwaiting"));
        assertEquals(0, runAs(social, () -> referrals.inbox("awaiting", PageRequest.of(0, 50))).total());
    }

    @Test
    void inbox_withAnUnknownFilter_isRefusedNamingTheField() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> runAs(social, () -> referrals.inbox("everything", PageRequest.of(0, 50))));
        assertEquals("show", e.errors().get(0).field());
        assertEquals("error.choice", e.errors().get(0).key());
    }

    @Test
    void needs_waitingForAssessmentOrMatching_perStatus_aGridWorkerCountsOnlyTheirCells() {
        Need oldest = need(social, town.grid("A", 1), "助餐上门");
        need(social, town.grid("A", 2), "楼道助老");
        Need assessed = need(social, town.grid("A", 1), "陪同就医");
        need(socialB, town.grid("B", 1), "另一社区的需求");
        runAs(social, () -> needWorkflow.assess(assessed.getId(), "需每周两次助餐上门", 2, "HIGH"));
        TestClock.advance(Duration.ofDays(3).plusHours(1));

        Map<String, WorkLine> mine = lines(social);
        assertEquals(2, count(mine, "needsREGISTERED"));
        assertEquals(1, count(mine, "needsASSESSED"));
        assertEquals(0, count(mine, "needsREOPENED"));
        WorkLine registered = mine.get("needsREGISTERED");
        assertSameTime(oldest.getRegisteredAt(), registered.since());
        assertEquals(3, Duration.between(registered.since(), registered.asOf()).toDays());
        assertEquals(Map.of("status", "REGISTERED"), registered.params());
        assertEquals(2, runAs(social, () -> needBoard.board(new BoardFilter(town.community("A"), "REGISTERED", null, null, false),
                PageRequest.of(0, 50))).total());
        assertEquals(1, runAs(social, () -> needBoard.board(new BoardFilter(town.community("A"), "ASSESSED", null, null, false),
                PageRequest.of(0, 50))).total());

        Map<String, WorkLine> one = lines(gridOne);
        assertEquals(1, count(one, "needsREGISTERED"));
        assertEquals(1, count(one, "needsASSESSED"));
        Map<String, WorkLine> two = lines(gridTwo);
        assertEquals(1, count(two, "needsREGISTERED"));
        assertEquals(0, count(two, "needsASSESSED"));
        assertEquals(1, runAs(gridTwo, () -> needBoard.board(new BoardFilter(town.community("A"), "REGISTERED", null, null, false),
                PageRequest.of(0, 50))).total());
        assertEquals(1, count(lines(socialB), "needsREGISTERED"));
    }

    @Test
    void overdueActions_areThoseTheCallerOwns_pastTheirDueDay() {
        Need n = need(social, town.grid("A", 1), "助餐上门");
        Need other = need(social, town.grid("A", 2), "楼道助老");
        runAs(social, () -> needWorkflow.assess(n.getId(), "需每周两次助餐上门", 2, "HIGH"));
        runAs(social, () -> needWorkflow.assess(other.getId(), "需每周两次助餐上门", 2, "HIGH"));
        Resource r = runAs(social, () -> resources.add(new ResourceForm(town.community("A"), town.grid("A", 1),
                "VOLUNTEER", "SERVICE", "ELDERLY_CARE", "助餐志愿队", null, null, null, "助餐志愿队", 4, "次", null, null)));
        LocalDate due = LocalDate.now(clock).plusDays(2);
        DockingAction mine = runAs(social, () -> matching.match(n.getId(),
                new MatchForm(r.getId(), 1, social, Set.of("志愿者乙"), due)));
        runAs(social, () -> matching.match(other.getId(), new MatchForm(r.getId(), 1, otherSocial, Set.of(), due.plusDays(1))));
        assertEquals(0, count(lines(social), "actionsOverdue"), "not yet due");

        TestClock.advance(Duration.ofDays(6));
        Map<String, WorkLine> lines = lines(social);
        assertEquals(1, count(lines, "actionsOverdue"));
        assertEquals(mine.getDueOn(), LocalDate.ofInstant(lines.get("actionsOverdue").due(), clock.getZone()));
        assertEquals(1, count(lines(otherSocial), "actionsOverdue"));
        assertEquals(0, count(lines(socialB), "actionsOverdue"));
    }

    @Test
    void hours_waitingForTheSupervisor_ofAnyWeek_andTheQueueShowsAsMany() {
        VolunteerPosition supervised = runAs(cadre, () -> volunteers.createPosition(town.community("A"), "探访独居老人",
                "ELDERLY_VISITING", social, Set.of(), "每周探访"));
        VolunteerPosition others = runAs(cadre, () -> volunteers.createPosition(town.community("A"), "楼道清洁",
                "ELDERLY_VISITING", otherSocial, Set.of(), "每周清洁"));
        VolunteerPosition inB = runAs(socialB, () -> volunteers.createPosition(town.community("B"), "探访独居老人",
                "ELDERLY_VISITING", socialB, Set.of(), "每周探访"));
        Instant start = clock.instant().minus(Duration.ofDays(10));
        ServiceHours oldest = runAs(cadre, () -> hours.record(supervised.getId(), null, residentOne, start,
                start.plus(Duration.ofHours(2)), "陪伴聊天"));
        Instant later = clock.instant().minus(Duration.ofHours(5));
        runAs(cadre, () -> hours.record(supervised.getId(), null, residentTwo, later, later.plus(Duration.ofHours(1)),
                "打扫卫生"));
        runAs(cadre, () -> hours.record(others.getId(), null, residentTwo, later, later.plus(Duration.ofHours(1)),
                "打扫卫生"));
        runAs(socialB, () -> hours.record(inB.getId(), null, residentB, later, later.plus(Duration.ofHours(1)),
                "打扫卫生"));

        Map<String, WorkLine> mine = lines(social);
        assertEquals(2, count(mine, "hoursToVerify"));
        assertSameTime(oldest.getStartedAt(), mine.get("hoursToVerify").since());
        assertEquals(10, Duration.between(mine.get("hoursToVerify").since(), mine.get("hoursToVerify").asOf()).toDays());
        assertEquals(Map.of("all", "true"), mine.get("hoursToVerify").params());
        assertEquals(2, runAs(social, () -> hours.waiting()).size());
        assertEquals(1, count(lines(otherSocial), "hoursToVerify"));
        assertEquals(1, count(lines(socialB), "hoursToVerify"));
        assertEquals(0, count(lines(gridOne), "hoursToVerify"), "a grid worker verifies no hours");
    }

    @Test
    void resident_shiftsToCome_countOnlyTheirOwnAndOnlyFutureOnes() {
        VolunteerPosition position = runAs(cadre, () -> volunteers.createPosition(town.community("A"), "探访独居老人",
                "ELDERLY_VISITING", social, Set.of(), "每周探访"));
        String volunteer = town.user("volunteer");
        String neighbour = town.user("neighbour");
        runAs(cadre, () -> accounts.createResidentAccount(volunteer, Fixtures.PASSWORD.toCharArray(), residentOne));
        runAs(cadre, () -> accounts.createResidentAccount(neighbour, Fixtures.PASSWORD.toCharArray(), residentTwo));
        Instant soon = clock.instant().plus(Duration.ofDays(2));
        Instant later = clock.instant().plus(Duration.ofDays(5));
        Long first = runAs(cadre, () -> volunteers.addShift(position.getId(), soon, soon.plus(Duration.ofHours(2)), 3)).getId();
        Long second = runAs(cadre, () -> volunteers.addShift(position.getId(), later, later.plus(Duration.ofHours(2)), 3)).getId();
        runAs(volunteer, () -> volunteers.signUp(first));
        runAs(volunteer, () -> volunteers.signUp(second));
        runAs(neighbour, () -> volunteers.signUp(second));

        Map<String, WorkLine> mine = lines(volunteer);
        assertEquals(2, count(mine, "myShifts"));
        assertSameTime(soon, mine.get("myShifts").due());
        assertEquals(1, count(lines(neighbour), "myShifts"));
        TestClock.advance(Duration.ofDays(3));
        assertEquals(1, count(lines(volunteer), "myShifts"), "a shift that has started is no longer to come");
        assertEquals(Set.of("myShifts"), lines(volunteer).keySet(), "a resident has no staff lines");
    }

    @Test
    void expenditures_waitingForApproval_neverTheCallersOwn() {
        FundFixtures.yearsAhead(80);
        String community = town.community("A");
        runAs(Fixtures.ADMIN, () -> fundSettings.setApprovalThreshold(community, 100_000L));
        runAs(cadre, () -> donations.recordDonation(new DonationForm(community, "ENTERPRISE", "江城建设集团", null,
                1_000_000L, null, "R-" + town.prefix() + "-1", "NONE", null, null, true)));
        Project p = fundFixtures.running(social, secretary, new ProjectForm(community, "适老化改造一期",
                "为独居老人安装扶手与防滑地面", 20, "独居老人", null, null, Map.of("ELDER_RENOVATION", 900_000L),
                List.of(), List.of()));
        runAs(cadre, () -> allocations.allocate(new AllocationForm(p.getId(), "ELDER_RENOVATION", 900_000L, "CASH",
                null, null)));
        Expenditure first = spend(p, 200_000L);
        spend(p, 300_000L);
        assertEquals("PENDING", first.getStatus().name());

        Map<String, WorkLine> approver = lines(secretary);
        assertEquals(2, count(approver, "expendituresToApprove"));
        assertSameTime(first.getRequestedAt(), approver.get("expendituresToApprove").since());
        assertEquals(0, count(lines(cadre), "expendituresToApprove"), "the requester's own are not theirs to approve");
        assertEquals(0, count(lines(social), "expendituresToApprove"), "a social worker approves no expenditure");
        assertEquals(Map.of("community", community, "awaiting", "true"), approver.get("expendituresToApprove").params());
        assertEquals(List.of(p.getId()), runAs(secretary, () -> projectQueries.projects(community, null, true))
                .stream().map(ProjectViews.ProjectRow::id).toList(), "the list it opens: the project holding them");
        assertEquals(List.of(), runAs(cadre, () -> projectQueries.projects(community, null, true)),
                "the requester has none waiting for them");
        runAs(secretary, () -> expenditures.approve(first.getId()));
        assertEquals(1, count(lines(secretary), "expendituresToApprove"));
    }

    private Expenditure spend(Project p, long fen) {
        return runAs(cadre, () -> expenditures.requestExpenditure(new ExpenditureForm(p.getId(), "ELDER_RENOVATION", fen,
                "江城五金店", "扶手与安装", null, new Upload("receipt.png", PNG), null)));
    }
}
