package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.casework.application.ReferralService;
import org.wushe.casework.application.ReferralService.ReferralForm;
import org.wushe.casework.application.ReferralService.ReferralView;
import org.wushe.community.application.ResidentService;
import org.wushe.docking.application.ActivityService;
import org.wushe.docking.application.ActivityService.Attendee;
import org.wushe.docking.application.BoardFilter;
import org.wushe.docking.application.MatchForm;
import org.wushe.docking.application.Matching;
import org.wushe.docking.application.NeedBoard;
import org.wushe.docking.application.NeedForm;
import org.wushe.docking.application.NeedRow;
import org.wushe.docking.application.NeedWorkflow;
import org.wushe.docking.application.OpportunityApplications;
import org.wushe.docking.application.OpportunityApplications.Applicant;
import org.wushe.docking.application.OpportunityApplications.OutOfTurn;
import org.wushe.docking.application.OpportunityService;
import org.wushe.docking.application.OpportunityService.ItemForm;
import org.wushe.docking.application.ResourceForm;
import org.wushe.docking.application.ResourceService;
import org.wushe.docking.domain.Need;
import org.wushe.docking.domain.OpportunityApplication;
import org.wushe.docking.domain.OpportunityItem;
import org.wushe.docking.domain.Resource;
import org.wushe.it.support.Fixtures;
import org.wushe.it.support.Fixtures.Town;
import org.wushe.it.support.TestClock;
import org.wushe.points.application.PointsService;
import org.wushe.points.domain.AccountKind;
import org.wushe.security.application.AccountService;
import org.wushe.security.domain.Role;
import org.wushe.shared.NotInScopeException;
import org.wushe.shared.PageRequest;
import org.wushe.shared.ValidationException;
import org.wushe.training.application.LadderService;
import org.wushe.training.application.LadderService.Mover;
import org.wushe.volunteering.application.PartyService;
import org.wushe.volunteering.application.VolunteerService;
import org.wushe.volunteering.domain.PartyMember;
import org.wushe.volunteering.domain.WhistleCall;

/**
 * Grid scope (issue 19): a grid worker reaches the people of their own grid cells only, in every
 * list, picker and detail of people, even where the check is per community; community staff still
 * reach everyone of the community, and aggregate counts stay community-wide. The residents list
 * itself is covered by {@link ResidentScopeIT}.
 */
@ExtendWith(ArquillianExtension.class)
class GridScopeIT {

    @Inject
    Fixtures fixtures;

    @Inject
    Clock clock;

    @EJB
    ResidentService residents;

    @EJB
    LadderService ladder;

    @EJB
    ActivityService activities;

    @EJB
    NeedWorkflow needs;

    @EJB
    NeedBoard board;

    @EJB
    Matching matching;

    @EJB
    ResourceService resources;

    @EJB
    PartyService party;

    @EJB
    AccountService accounts;

    @EJB
    OpportunityService opportunities;

    @EJB
    OpportunityApplications applications;

    @EJB
    ReferralService referrals;

    @EJB
    VolunteerService volunteers;

    @EJB
    PointsService points;

    private Town town;
    private String cadre;
    private String secretary;
    private String grid;
    private Long mine;
    private Long other;

    @BeforeEach
    void communityWithTwoCells() {
        TestClock.reset();
        town = fixtures.town("A");
        cadre = fixtures.staff(town, "cadre", Role.COMMUNITY_CADRE, "A");
        secretary = fixtures.staff(town, "secretary", Role.PARTY_SECRETARY, "A");
        grid = fixtures.gridWorker(town, "grid1", Set.of(town.grid("A", 1)));
        mine = fixtures.resident(cadre, "本格居民", town.community("A"), town.grid("A", 1)).id();
        other = fixtures.resident(cadre, "邻格居民", town.community("A"), town.grid("A", 2)).id();
    }

    @AfterEach
    void clockBack() {
        TestClock.reset();
    }

    private void activity(String title, Long... attendees) {
        runAs(cadre, () -> activities.recordActivity(town.community("A"), title, LocalDate.now(clock), null, null,
                java.util.Arrays.stream(attendees).map(r -> new Attendee(r, null)).toList()));
    }

    private Need need(String as, String gridCode, Long resident, String title) {
        return runAs(as, () -> needs.register(new NeedForm(gridCode, resident, "HEALTH", "HIGH", "HOME_VISIT", title,
                "行动不便，需要陪同就医")));
    }

    private static void assertPersonRefused(String gridCode, Supplier<?> call) {
        NotInScopeException e = assertThrows(NotInScopeException.class, call::get);
        assertEquals("error.personNotInScope", e.key());
        assertEquals(gridCode, e.args().get(0));
    }

    @Test
    void ladder_namesOnlyMoversOfOwnCells_countsStayCommunityWide() {
        activity("议事会一", mine, other);
        activity("议事会二", mine, other);
        assertEquals(2, runAs(cadre, () -> ladder.snapshot(town.community("A"), LocalDate.now(clock))));

        LadderService.LadderView all = runAs(cadre, () -> ladder.ladder(town.community("A")));
        assertEquals(Set.of(mine, other), Set.copyOf(all.movedUp().stream().map(Mover::residentId).toList()));
        LadderService.LadderView own = runAs(grid, () -> ladder.ladder(town.community("A")));
        assertEquals(List.of("本格居民"), own.movedUp().stream().map(Mover::name).toList());
        assertEquals(all.residents(), own.residents(), "the community's total stays");
        assertEquals(all.months(), own.months(), "the distribution stays community-wide");
    }

    @Test
    void registeringANeed_forAResidentOfAnotherCell_isRefused_communityStaffMay() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> need(grid, town.grid("A", 1), other, "陪同就医"));
        assertEquals("residentId", e.errors().get(0).field());
        assertEquals("person.notInYourCells", e.errors().get(0).key());
        assertEquals(mine, need(grid, town.grid("A", 1), mine, "陪同就医").getResidentId());
        assertEquals(other, need(cadre, town.grid("A", 1), other, "代邻居登记").getResidentId(),
                "a cadre reaches every resident of the community");
    }

    @Test
    void needsBoard_namesAndOverdueActions_onlyOfOwnCells() {
        Need forOther = need(cadre, town.grid("A", 1), other, "邻格居民在本格的需求");
        Need forMine = need(cadre, town.grid("A", 1), mine, "本格居民的需求");
        Need elsewhere = need(cadre, town.grid("A", 2), other, "邻格的需求");
        List<NeedRow> rows = runAs(grid, () -> board.board(new BoardFilter(town.community("A"), null, null, null, false),
                PageRequest.of(0, 50))).items();
        assertEquals(Set.of(forOther.getId(), forMine.getId()), Set.copyOf(rows.stream().map(NeedRow::id).toList()));
        assertNull(rows.stream().filter(r -> r.id().equals(forOther.getId())).findFirst().orElseThrow().residentName(),
                "the resident of another cell stays unnamed");
        assertEquals("本格居民", rows.stream().filter(r -> r.id().equals(forMine.getId())).findFirst().orElseThrow()
                .residentName());
        assertNull(runAs(grid, () -> board.need(forOther.getId())).residentName());
        assertEquals("邻格居民", runAs(cadre, () -> board.need(forOther.getId())).residentName());

        Resource help = runAs(cadre, () -> resources.add(new ResourceForm(town.community("A"), null, "VOLUNTEER",
                "SERVICE", "HEALTH", "家庭医生团队", null, null, null, "社区卫生服务站", 5, "次", null, null)));
        for (Need n : List.of(forMine, elsewhere)) {
            runAs(cadre, () -> needs.assess(n.getId(), "需陪同", 2, "HIGH"));
            runAs(cadre, () -> matching.match(n.getId(), new MatchForm(help.getId(), 1, cadre, Set.of(),
                    LocalDate.now(clock).plusDays(1))));
        }
        TestClock.advance(Duration.ofDays(3));
        assertEquals(2, runAs(cadre, () -> board.overdueActions(town.community("A"))).size());
        assertEquals(List.of(forMine.getId()), runAs(grid, () -> board.overdueActions(town.community("A"))).stream()
                .map(a -> a.needId()).toList());
    }

    @Test
    void partyMembers_andWhistleAnswers_onlyOfOwnCells() {
        String mineUser = town.user("mine");
        String otherUser = town.user("other");
        runAs(Fixtures.SECURITY, () -> accounts.createResidentAccount(mineUser, Fixtures.PASSWORD.toCharArray(), mine));
        runAs(Fixtures.SECURITY, () -> accounts.createResidentAccount(otherUser, Fixtures.PASSWORD.toCharArray(), other));
        runAs(mineUser, () -> party.report("江城市第一人民医院", "13900001111", "每月义诊"));
        runAs(otherUser, () -> party.report("江城市第二中学", "13900002222", "周末辅导"));
        assertEquals(2, runAs(secretary, () -> party.members(town.community("A"))).size());
        assertEquals(List.of(mine), runAs(grid, () -> party.members(town.community("A"))).stream()
                .map(PartyMember::getResidentId).toList());

        Instant start = clock.instant().plus(Duration.ofHours(2));
        WhistleCall call = runAs(secretary, () -> party.post(town.community("A"), "防汛沙袋搬运", 5, start,
                start.plus(Duration.ofHours(3)), null));
        runAs(mineUser, () -> party.answer(call.getId()));
        runAs(otherUser, () -> party.answer(call.getId()));
        assertEquals(2, runAs(secretary, () -> party.responses(call.getId())).size());
        assertEquals(1, runAs(grid, () -> party.responses(call.getId())).size());
    }

    @Test
    void opportunityApplicants_andOutOfTurnChoices_onlyOfOwnCells() {
        Long newcomer = fixtures.resident(cadre, "新人丙", town.community("A"), town.grid("A", 2)).id();
        activity("议事会一", mine, other);
        activity("议事会二", mine, other);
        activity("议事会三", mine, other);
        int year = LocalDate.now(clock).getYear();
        ItemForm form = new ItemForm("楼道微更新议事", "RULE_MAKING", Set.of("RESIDENT_BACKBONE"), 1,
                LocalDate.now(clock), LocalDate.now(clock), "参与方案讨论");
        OpportunityItem first = runAs(secretary, () -> opportunities.addItem(town.community("A"), year, form));
        OpportunityItem second = runAs(secretary, () -> opportunities.addItem(town.community("A"), year, form));
        runAs(secretary, () -> opportunities.publish(town.community("A"), year));
        runAs(cadre, () -> applications.apply(first.getId(), newcomer, null));
        OpportunityApplication otherApp = runAs(cadre, () -> applications.apply(first.getId(), other, null));
        runAs(cadre, () -> applications.apply(second.getId(), newcomer, null));
        OpportunityApplication mineApp = runAs(cadre, () -> applications.apply(second.getId(), mine, null));

        assertEquals(List.of("新人丙", "邻格居民"), runAs(secretary, () -> applications.applicants(first.getId()))
                .stream().map(Applicant::name).toList());
        assertEquals(List.of(), runAs(grid, () -> applications.applicants(first.getId())));
        List<Applicant> own = runAs(grid, () -> applications.applicants(second.getId()));
        assertEquals(List.of("本格居民"), own.stream().map(Applicant::name).toList());
        assertEquals(2, own.get(0).position(), "the position in the whole order");

        runAs(secretary, () -> applications.select(otherApp.getId(), "熟悉楼道情况"));
        runAs(secretary, () -> applications.select(mineApp.getId(), "有装修经验"));
        assertEquals(List.of("邻格居民", "本格居民"), runAs(secretary, () -> applications.overrides(town.community("A"), year))
                .stream().map(OutOfTurn::applicant).toList());
        assertEquals(List.of("本格居民"), runAs(grid, () -> applications.overrides(town.community("A"), year))
                .stream().map(OutOfTurn::applicant).toList());
    }

    @Test
    void referrals_listAndDetail_onlyOfOwnCells() {
        String social = fixtures.staff(town, "social", Role.SOCIAL_WORKER, "A");
        String grid2 = fixtures.gridWorker(town, "grid2", Set.of(town.grid("A", 2)));
        ReferralView own = runAs(grid, () -> referrals.refer(new ReferralForm(mine, social, "MEDIUM", "多日未出门", null, null)));
        ReferralView theirs = runAs(grid2, () -> referrals.refer(new ReferralForm(other, social, "LOW", "邻里纠纷", null, null)));
        ValidationException e = assertThrows(ValidationException.class, () -> runAs(grid,
                () -> referrals.refer(new ReferralForm(other, social, "LOW", "邻里纠纷", null, null))));
        assertEquals("casework.resident.notInGrid", e.errors().get(0).key());

        assertEquals(Set.of(own.id(), theirs.id()), Set.copyOf(runAs(secretary,
                () -> referrals.list(town.community("A"), null, PageRequest.of(0, 50))).items().stream()
                .map(ReferralView::id).toList()));
        assertEquals(List.of(own.id()), runAs(grid, () -> referrals.list(town.community("A"), null,
                PageRequest.of(0, 50))).items().stream().map(ReferralView::id).toList());
        assertPersonRefused(town.grid("A", 2), () -> runAs(grid, () -> referrals.find(theirs.id())));
        assertEquals("邻格居民", runAs(secretary, () -> referrals.find(theirs.id())).residentName());
    }

    @Test
    void residentDetails_ofAnotherCell_areRefusedWithThePersonMessage() {
        assertPersonRefused(town.grid("A", 2), () -> runAs(grid, () -> residents.view(other)));
        assertPersonRefused(town.grid("A", 2), () -> runAs(grid, () -> residents.reveal(other, "入户核对信息")));
        assertPersonRefused(town.grid("A", 2), () -> runAs(grid, () -> volunteers.certifications(other)));
        assertPersonRefused(town.grid("A", 2), () -> runAs(grid,
                () -> points.statementOf(other, AccountKind.VOLUNTEER, PageRequest.of(0, 10))));
        assertEquals("本格居民", runAs(grid, () -> residents.view(mine)).name());
        assertEquals(List.of(), runAs(grid, () -> volunteers.certifications(mine)));
        assertEquals("邻格居民", runAs(cadre, () -> residents.view(other)).name());
        assertEquals(List.of(), runAs(cadre, () -> volunteers.certifications(other)));
    }
}
