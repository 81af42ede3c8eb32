package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.community.domain.Actor;
import org.wushe.docking.application.CircleService;
import org.wushe.docking.application.InspectionService;
import org.wushe.docking.application.OpportunityService;
import org.wushe.docking.application.OpportunityApplications;
import org.wushe.docking.application.ActivityService;
import org.wushe.docking.application.OpportunityApplications.Applicant;
import org.wushe.docking.application.ActivityService.Attendee;
import org.wushe.docking.application.OpportunityService.ItemForm;
import org.wushe.docking.application.ServiceListService;
import org.wushe.docking.domain.OpportunityApplication;
import org.wushe.docking.domain.OpportunityItem;
import org.wushe.docking.domain.ServiceItem;
import org.wushe.it.support.Fixtures;
import org.wushe.it.support.Fixtures.Town;
import org.wushe.security.application.AccountService;
import org.wushe.security.domain.Role;
import org.wushe.shared.ConflictException;
import org.wushe.shared.NotInScopeException;
import org.wushe.shared.NotPermittedException;
import org.wushe.shared.ValidationException;

/**
 * The participation side of docking: the opportunity list and its rotation rule (order, reasons for
 * choosing out of turn, the report), the public list, the concentric circle fed by attendance, one
 * vote per resident on a listed service, and the inspection burden per community and sub-district.
 */
@ExtendWith(ArquillianExtension.class)
class OpportunityIT {

    @Inject
    Fixtures fixtures;

    @Inject
    Clock clock;

    @EJB
    OpportunityService opportunities;

    @EJB
    OpportunityApplications opportunityApplications;

    @EJB
    ActivityService activityService;

    @EJB
    CircleService circle;

    @EJB
    ServiceListService services;

    @EJB
    InspectionService inspections;

    @EJB
    AccountService accounts;

    private Town town;
    private String secretary;
    private String worker;
    private int year;

    @BeforeEach
    void town() {
        town = fixtures.town("A", "B");
        secretary = fixtures.staff(town, "secretary", Role.PARTY_SECRETARY, "A");
        worker = fixtures.staff(town, "worker", Role.SOCIAL_WORKER, "A");
        year = LocalDate.now(clock).getYear();
    }

    private Long resident(String name) {
        return fixtures.resident(worker, name, town.community("A"), town.grid("A", 1)).id();
    }

    private void activity(String title, int daysAgo, Long... residents) {
        runAs(worker, () -> activityService.recordActivity(town.community("A"), title,
                LocalDate.now(clock).minusDays(daysAgo), null, null,
                java.util.Arrays.stream(residents).map(r -> new Attendee(r, null)).toList()));
    }

    private OpportunityItem item(int places, Set<String> types) {
        return runAs(secretary, () -> opportunities.addItem(town.community("A"), year, new ItemForm("楼道微更新议事",
                "RULE_MAKING", types, places, LocalDate.now(clock), LocalDate.now(clock).plusMonths(2), "参与方案讨论")));
    }

    @Test
    void rotation_putsThoseWhoTookPartLessFirst_andOutOfTurnChoicesNeedAReason() {
        Long often = resident("常客甲");
        Long sometimes = resident("偶尔乙");
        Long never = resident("新人丙");
        runAs(secretary, () -> opportunityApplications.setRotation(town.community("A"), 5, 3));
        activity("议事会一", 9, often, sometimes);
        activity("议事会二", 8, often);
        activity("议事会三", 7, often);
        activity("很早的活动", 400, never, sometimes); // four activities, all inside the window of five
        OpportunityItem item = item(2, Set.of("RESIDENT_BACKBONE"));

        assertEquals("opportunity.notPublished", assertThrows(ConflictException.class,
                () -> runAs(worker, () -> opportunityApplications.apply(item.getId(), often, null))).key());
        runAs(secretary, () -> opportunities.publish(town.community("A"), year));
        OpportunityApplication aOften = runAs(worker, () -> opportunityApplications.apply(item.getId(), often, null));
        OpportunityApplication aSometimes = runAs(worker, () -> opportunityApplications.apply(item.getId(), sometimes, null));
        OpportunityApplication aNever = runAs(worker, () -> opportunityApplications.apply(item.getId(), never, null));
        assertEquals("opportunity.apply.twice", assertThrows(ConflictException.class,
                () -> runAs(worker, () -> opportunityApplications.apply(item.getId(), never, null))).key());

        List<Applicant> order = runAs(secretary, () -> opportunityApplications.applicants(item.getId()));
        assertEquals(List.of("新人丙", "偶尔乙", "常客甲"), order.stream().map(Applicant::name).toList());
        assertEquals(List.of(1, 2, 3), order.stream().map(Applicant::recent).toList());
        assertEquals(List.of(false, false, true), order.stream().map(Applicant::frequent).toList());

        ValidationException noReason = assertThrows(ValidationException.class,
                () -> runAs(secretary, () -> opportunityApplications.select(aOften.getId(), "  ")));
        assertEquals("rotation.override.reasonRequired", noReason.errors().get(0).key());
        assertEquals(List.of(3), noReason.errors().get(0).args());
        runAs(secretary, () -> opportunityApplications.select(aOften.getId(), "熟悉楼道加装电梯的前期情况"));
        runAs(secretary, () -> opportunityApplications.select(aNever.getId(), null));
        assertEquals("opportunity.full", assertThrows(ConflictException.class,
                () -> runAs(secretary, () -> opportunityApplications.select(aSometimes.getId(), "补位"))).key());

        List<OpportunityApplications.OutOfTurn> report = runAs(worker, () -> opportunityApplications.overrides(town.community("A"), year));
        assertEquals(1, report.size());
        assertEquals("常客甲", report.get(0).applicant());
        assertEquals(3, report.get(0).rotationPosition());
        assertEquals("熟悉楼道加装电梯的前期情况", report.get(0).reason());
        OpportunityService.ItemView listed = runAs(worker, () -> opportunities.list(town.community("A"), year)).items()
                .get(0);
        assertEquals(3, listed.applied());
        assertEquals(2, listed.selected());
        assertEquals(0, listed.open());
    }

    @Test
    void theRuleIsPerCommunity_andBadSettingsAreRefused() {
        ValidationException bad = assertThrows(ValidationException.class,
                () -> runAs(secretary, () -> opportunityApplications.setRotation(town.community("A"), 3, 5)));
        assertEquals("threshold", bad.errors().get(0).field());
        assertThrows(NotPermittedException.class,
                () -> runAs(worker, () -> opportunityApplications.setRotation(town.community("A"), 10, 3)));
        assertThrows(NotInScopeException.class,
                () -> runAs(secretary, () -> opportunityApplications.setRotation(town.community("B"), 10, 3)));
        runAs(secretary, () -> opportunityApplications.setRotation(town.community("A"), 2, 1));
        Long a = resident("甲");
        Long b = resident("乙");
        activity("旧活动", 30, b, b);
        activity("活动二", 3, a);
        activity("活动三", 2, a);
        OpportunityItem item = item(1, Set.of("RESIDENT_BACKBONE"));
        runAs(secretary, () -> opportunities.publish(town.community("A"), year));
        runAs(worker, () -> opportunityApplications.apply(item.getId(), a, null));
        runAs(worker, () -> opportunityApplications.apply(item.getId(), b, null));
        assertEquals(List.of("乙", "甲"), runAs(secretary, () -> opportunityApplications.applicants(item.getId())).stream()
                .map(Applicant::name).toList(), "only the last two activities count; 乙's attendance is older");
    }

    @Test
    void publicList_showsPublishedItemsAndOpenPlaces_andTypesAreChecked() {
        OpportunityItem item = item(3, Set.of("SOCIAL_ORGANIZATION"));
        assertTrue(opportunities.publicList(town.community("A"), year).items().isEmpty(), "a draft is not public");
        runAs(secretary, () -> opportunities.publish(town.community("A"), year));
        OpportunityService.ListView pub = opportunities.publicList(town.community("A"), year);
        assertEquals("PUBLISHED", pub.status());
        assertEquals(3, pub.items().get(0).open());

        Long r = resident("居民丁");
        assertEquals("opportunity.apply.typeNotAdmitted", assertThrows(ConflictException.class,
                () -> runAs(worker, () -> opportunityApplications.apply(item.getId(), r, null))).key());
        Actor org = runAs(secretary, () -> circle.addActor(town.community("A"), "阳光社工服务中心", "SOCIAL_ORGANIZATION", "王老师"));
        runAs(worker, () -> opportunityApplications.apply(item.getId(), null, org.getId()));
        assertEquals(List.of("ACTOR"), runAs(secretary, () -> opportunityApplications.applicants(item.getId())).stream()
                .map(Applicant::kind).toList());
        ValidationException badItem = assertThrows(ValidationException.class, () -> runAs(secretary,
                () -> opportunities.addItem(town.community("A"), year, new ItemForm("", "GOSSIP", Set.of(), 0,
                        LocalDate.now(clock), LocalDate.now(clock).minusDays(1), null))));
        assertEquals(Set.of("affair", "nature", "actorTypes", "places", "periodUntil"),
                Set.copyOf(badItem.errors().stream().map(ValidationException.FieldError::field).toList()));
    }

    @Test
    void circle_showsRingsAndWhatEachActorTookPartIn() {
        Actor party = runAs(secretary, () -> circle.addActor(town.community("A"), "社区党委", "PARTY_ORGANIZATION", null));
        Actor agency = runAs(secretary, () -> circle.addActor(town.community("A"), "益心社工站", "SOCIAL_WORK_AGENCY", null));
        Actor team = runAs(secretary, () -> circle.addActor(town.community("A"), "银发志愿队", "VOLUNTEER_TEAM", null));
        runAs(worker, () -> activityService.recordActivity(town.community("A"), "重阳节敬老活动", LocalDate.now(clock),
                null, null, List.of(new Attendee(null, party.getId()), new Attendee(null, team.getId()))));
        CircleService.Circle c = runAs(worker, () -> circle.circle(town.community("A"), year));
        assertEquals(List.of(0, 1, 2), c.rings().stream().map(CircleService.Ring::ring).toList());
        CircleService.Member centre = c.rings().get(0).members().stream()
                .filter(m -> m.actorId().equals(party.getId())).findFirst().orElseThrow();
        assertEquals(List.of("重阳节敬老活动"), centre.activities());
        assertEquals(0, c.rings().get(1).members().stream().filter(m -> m.actorId().equals(agency.getId()))
                .findFirst().orElseThrow().participations());
        assertTrue(c.rings().get(2).members().stream().anyMatch(m -> m.actorId().equals(team.getId())
                && m.participations() == 1));
        ValidationException future = assertThrows(ValidationException.class, () -> runAs(worker,
                () -> activityService.recordActivity(town.community("A"), "明天的活动", LocalDate.now(clock).plusDays(1),
                        null, null, List.of())));
        assertEquals("activity.future", future.errors().get(0).key());
    }

    @Test
    void aResidentVotesOncePerService() {
        Long r = resident("投票居民");
        String self = town.user("voter");
        runAs(worker, () -> accounts.createResidentAccount(self, Fixtures.PASSWORD.toCharArray(), r));
        ServiceItem s = runAs(worker, () -> services.add(town.community("A"), year, "老年助餐", "每日午餐", null));
        assertEquals("service.vote.notStarted", assertThrows(ConflictException.class,
                () -> runAs(self, () -> services.vote(s.getId(), 5, null))).key());
        runAs(worker, () -> services.setStatus(s.getId(), "COMPLETED", "全年供餐 240 天"));
        assertEquals("service.vote.range", assertThrows(ValidationException.class,
                () -> runAs(self, () -> services.vote(s.getId(), 7, null))).errors().get(0).key());
        runAs(self, () -> services.vote(s.getId(), 4, "菜品可再丰富"));
        ConflictException twice = assertThrows(ConflictException.class,
                () -> runAs(self, () -> services.vote(s.getId(), 5, null)));
        assertEquals("service.vote.twice", twice.key());
        ServiceListService.ServiceView v = runAs(self, () -> services.services(town.community("A"), year)).get(0);
        assertEquals(1, v.votes());
        assertEquals(4.0, v.averageScore());
        assertEquals(4, v.myScore());
        assertEquals("COMPLETED", v.status());
        assertThrows(NotPermittedException.class, () -> runAs(worker, () -> services.vote(s.getId(), 3, null)));
    }

    @Test
    void inspections_countAndStaffHours_perCommunityAndSubDistrict() {
        String workerB = fixtures.staff(town, "workerb", Role.COMMUNITY_CADRE, "B");
        String officer = fixtures.officer(town, "officer");
        LocalDate day = LocalDate.now(clock).withDayOfMonth(1);
        runAs(worker, () -> inspections.log(town.community("A"), day, "区民政局", "养老服务检查",
                new BigDecimal("6.5"), "台账、照片", 12));
        runAs(worker, () -> inspections.log(town.community("A"), day, "街道办", "安全生产检查",
                new BigDecimal("3"), null, 4));
        runAs(workerB, () -> inspections.log(town.community("B"), day, "区文明办", "文明创建测评",
                new BigDecimal("20"), "迎检材料", 40));
        InspectionService.Burden a = runAs(worker, () -> inspections.burden(town.community("A"), year));
        assertEquals(2, a.inspections());
        assertEquals(0, new BigDecimal("9.5").compareTo(a.staffHours()));
        assertEquals(16, a.materials());
        List<InspectionService.Burden> sd = runAs(officer, () -> inspections.subDistrictBurden(town.subDistrict(), year));
        assertEquals(List.of(town.community("B"), town.community("A")),
                sd.stream().map(InspectionService.Burden::communityCode).toList(), "most staff hours first");
        assertEquals(List.of(town.community("A")), runAs(worker,
                () -> inspections.subDistrictBurden(town.subDistrict(), year)).stream()
                .map(InspectionService.Burden::communityCode).toList(), "a community worker sees their own only");
        ValidationException bad = assertThrows(ValidationException.class, () -> runAs(worker,
                () -> inspections.log(town.community("A"), LocalDate.now(clock).plusDays(2), "", "x",
                        new BigDecimal("-1"), null, null)));
        assertEquals(Set.of("inspectedOn", "inspectingBody", "staffHours"),
                Set.copyOf(bad.errors().stream().map(ValidationException.FieldError::field).toList()));
        assertThrows(NotPermittedException.class, () -> runAs(officer, () -> inspections.log(town.community("A"),
                day, "x", "y", BigDecimal.ONE, null, null)));
    }
}
