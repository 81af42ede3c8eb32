package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.audit.application.AuditLog;
import org.wushe.audit.application.AuditQuery;
import org.wushe.audit.domain.AuditAction;
import org.wushe.audit.domain.AuditEntry;
import org.wushe.docking.application.CircleService;
import org.wushe.it.support.Fixtures;
import org.wushe.it.support.Fixtures.Town;
import org.wushe.organisation.application.OrganisationRecordService;
import org.wushe.organisation.application.OrganisationRecordService.ActivityForm;
import org.wushe.organisation.application.OrganisationService;
import org.wushe.organisation.application.OrganisationService.RegistrationForm;
import org.wushe.organisation.application.OrganisationSettingsService;
import org.wushe.organisation.application.OrganisationSettingsService.ThresholdForm;
import org.wushe.organisation.application.OrganisationTierService;
import org.wushe.organisation.application.OrganisationViews.ChecklistEntry;
import org.wushe.organisation.application.OrganisationViews.CommunityTiers;
import org.wushe.organisation.application.OrganisationViews.OrganisationDetail;
import org.wushe.organisation.application.OrganisationViews.OrganisationRow;
import org.wushe.organisation.domain.Criterion;
import org.wushe.organisation.domain.MaturityTier;
import org.wushe.organisation.domain.Shortfall;
import org.wushe.organisation.domain.TierRule;
import org.wushe.security.domain.Role;
import org.wushe.shared.ConflictException;
import org.wushe.shared.NotInScopeException;
import org.wushe.shared.NotPermittedException;
import org.wushe.shared.PageRequest;
import org.wushe.shared.ValidationException;

/**
 * Community organisations on the server: registration with its actor in the circle, the tier of the
 * worked example of docs/organisations.md computed from the data, a threshold change moving the
 * tier, the checklist of the current tier, scope, bad input per field, and the masked leader with
 * an audited full view.
 */
@ExtendWith(ArquillianExtension.class)
class OrganisationIT {

    @Inject
    Fixtures fixtures;

    @Inject
    Clock clock;

    @EJB
    OrganisationService organisations;

    @EJB
    OrganisationRecordService records;

    @EJB
    OrganisationTierService tiers;

    @EJB
    OrganisationSettingsService settings;

    @EJB
    CircleService circle;

    @EJB
    AuditLog audit;

    private Town town;
    private String worker;
    private String otherSecretary;
    private Long leader;
    private LocalDate today;

    @BeforeEach
    void community() {
        town = fixtures.town("A", "B");
        worker = fixtures.staff(town, "worker", Role.SOCIAL_WORKER, "A");
        otherSecretary = fixtures.staff(town, "secretaryB", Role.PARTY_SECRETARY, "B");
        leader = fixtures.resident(worker, "欧阳明华", town.community("A"), town.grid("A", 1)).id();
        today = LocalDate.now(clock);
    }

    private OrganisationDetail register(String name, LocalDate founded) {
        return runAs(worker, () -> organisations.register(town.community("A"),
                new RegistrationForm(name, "LIFE_SERVICE", founded, leader, "VOLUNTEER_TEAM")));
    }

    private Long resident(String name) {
        return fixtures.resident(worker, name, town.community("A"), town.grid("A", 2)).id();
    }

    /** The worked example: 8 activities (3 rated), 14 members (one more left), 20 % self-raised, 2 years. */
    private OrganisationDetail workedExample() {
        OrganisationDetail o = register("幸福邻里互助队", today.minusYears(2).minusMonths(3));
        for (int i = 0; i < 13; i++) {
            Long r = resident("成员" + i);
            runAs(worker, () -> organisations.addMember(o.id(), r, today.minusYears(1)));
        }
        Long leaving = resident("退出成员");
        Long member = runAs(worker, () -> organisations.addMember(o.id(), leaving, today.minusYears(1))).id();
        runAs(worker, () -> organisations.memberLeaves(member, today.minusMonths(1)));
        int[][] rated = {{46, 20}, {42, 15}, {38, 15}};
        for (int i = 0; i < 8; i++) {
            int[] r = i < 3 ? rated[i] : null;
            int n = i;
            runAs(worker, () -> records.addActivity(o.id(), new ActivityForm(today.minusDays(10 + 40L * n),
                    "活动" + n, 30, r == null ? null : BigDecimal.valueOf(r[0], 1), r == null ? null : r[1])));
        }
        // An activity older than 12 months does not count.
        runAs(worker, () -> records.addActivity(o.id(), new ActivityForm(today.minusMonths(13), "去年的活动", 30,
                BigDecimal.ONE, 30)));
        runAs(worker, () -> records.setFunding(o.id(), today.getYear() - 1, 300_000L, 1_200_000L));
        return runAs(worker, () -> organisations.detail(o.id()));
    }

    @Test
    void register_createsItsActorInTheCircle_andTheLeaderIsTheFirstMember() {
        OrganisationDetail o = register("银发志愿队", today.minusMonths(2));
        assertEquals("VOLUNTEER_TEAM", o.actorType());
        assertEquals(2, o.ring());
        CircleService.Circle c = runAs(worker, () -> circle.circle(town.community("A"), today.getYear()));
        assertTrue(c.rings().get(2).members().stream().anyMatch(m -> m.actorId().equals(o.actorId())
                && m.name().equals("银发志愿队")), "the organisation stands in the outer ring");
        assertEquals(1, o.members().size());
        assertEquals(leader, o.members().get(0).residentId());
        assertEquals(MaturityTier.NASCENT, o.tier().tier());
        assertTrue(o.checklist().stream().map(ChecklistEntry::itemId).collect(Collectors.toSet())
                .containsAll(Set.of(1L, 2L, 3L, 4L)), "the nascent tier's seeded checklist");
    }

    @Test
    void workedExample_isGrowing_heldBackFromMature() {
        OrganisationDetail o = workedExample();
        assertEquals(MaturityTier.GROWING, o.tier().tier());
        assertEquals(8, o.tier().activities());
        assertEquals(14, o.tier().members());
        assertEquals(20, o.tier().selfSharePercent());
        assertEquals("4.2", o.tier().satisfaction());
        assertEquals(50, o.tier().respondents());
        assertEquals(2, o.tier().years());
        assertEquals(List.of(new Shortfall(MaturityTier.MATURE, Criterion.ACTIVITIES, 4),
                new Shortfall(MaturityTier.MATURE, Criterion.MEMBERS, 16),
                new Shortfall(MaturityTier.MATURE, Criterion.SELF_SHARE, 10),
                new Shortfall(MaturityTier.MATURE, Criterion.YEARS, 1)), o.tier().holdingBack());

        // The list computes the same tier for every row at once.
        OrganisationDetail nascent = register("新成立的组织", today.minusMonths(1));
        List<OrganisationRow> rows = runAs(worker, () -> organisations.list(town.community("A")));
        assertEquals(List.of("幸福邻里互助队", "新成立的组织"), rows.stream().map(OrganisationRow::name).sorted().toList());
        assertEquals(MaturityTier.GROWING, rows.stream().filter(r -> r.id().equals(o.id())).findFirst().orElseThrow()
                .tier().tier());
        assertEquals(MaturityTier.NASCENT, rows.stream().filter(r -> r.id().equals(nascent.id())).findFirst()
                .orElseThrow().tier().tier());

        String officer = fixtures.officer(town, "officer");
        List<CommunityTiers> overview = runAs(officer, () -> tiers.overview(town.subDistrict()));
        assertEquals(1, overview.size());
        assertEquals(new CommunityTiers(town.community("A"), "测试社区" + town.community("A"), town.subDistrict(), 1, 1, 0),
                overview.get(0));
    }

    @Test
    void raisingTheGrowingThreshold_movesTheOrganisationDown_andLoweringTheMatureOneMovesItUp() {
        OrganisationDetail o = workedExample();
        List<TierRule> before = runAs(Fixtures.ADMIN, () -> settings.thresholds());
        try {
            runAs(Fixtures.ADMIN, () -> settings.setThresholds("GROWING", new ThresholdForm(9, 10, 10,
                    new BigDecimal("3.5"), 1)));
            OrganisationDetail down = runAs(worker, () -> organisations.detail(o.id()));
            assertEquals(MaturityTier.NASCENT, down.tier().tier());
            assertEquals(List.of(new Shortfall(MaturityTier.GROWING, Criterion.ACTIVITIES, 1)), down.tier().holdingBack());
            restore(before);

            runAs(Fixtures.ADMIN, () -> settings.setThresholds("MATURE", new ThresholdForm(8, 14, 20,
                    new BigDecimal("4.2"), 2)));
            assertEquals(MaturityTier.MATURE, runAs(worker, () -> organisations.detail(o.id())).tier().tier());
        } finally {
            restore(before);
        }
        assertEquals(MaturityTier.GROWING, runAs(worker, () -> organisations.detail(o.id())).tier().tier());
    }

    private void restore(List<TierRule> rules) {
        for (TierRule r : rules) {
            runAs(Fixtures.ADMIN, () -> settings.setThresholds(r.tier().name(), new ThresholdForm(r.minActivities(),
                    r.minMembers(), r.minSelfSharePercent(), BigDecimal.valueOf(r.minSatisfactionTenths(), 1),
                    r.minYears())));
        }
    }

    @Test
    void thresholds_onlyTheBureauSetsThem_andGrowingMayNotExceedMature() {
        assertThrows(NotPermittedException.class, () -> runAs(worker, () -> settings.setThresholds("GROWING",
                new ThresholdForm(6, 10, 10, new BigDecimal("3.5"), 1))));
        ValidationException order = assertThrows(ValidationException.class, () -> runAs(Fixtures.ADMIN,
                () -> settings.setThresholds("GROWING", new ThresholdForm(13, 10, 10, new BigDecimal("3.5"), 1))));
        assertEquals("minActivities", order.errors().get(0).field());
        assertEquals("organisation.threshold.order", order.errors().get(0).key());
        ValidationException bad = assertThrows(ValidationException.class, () -> runAs(Fixtures.ADMIN,
                () -> settings.setThresholds("NASCENT", new ThresholdForm(-1, null, 101, new BigDecimal("5.5"), 1))));
        assertEquals(Set.of("tier", "minActivities", "minMembers", "minSelfSharePercent", "minSatisfaction"),
                bad.errors().stream().map(ValidationException.FieldError::field).collect(Collectors.toSet()));
    }

    @Test
    void checklist_isTheCurrentTiers_tickedOnceWithDayAndWho() {
        OrganisationDetail o = workedExample();
        assertEquals(Set.of(5L, 6L, 7L, 8L), o.checklist().stream().map(ChecklistEntry::itemId)
                .collect(Collectors.toSet()), "the growing tier's seeded items");
        ChecklistEntry done = runAs(worker, () -> tiers.tick(o.id(), 6L));
        assertEquals(today, done.tickedOn());
        assertEquals(worker, done.tickedBy());
        ChecklistEntry shown = runAs(worker, () -> organisations.detail(o.id())).checklist().stream()
                .filter(e -> e.itemId() == 6L).findFirst().orElseThrow();
        assertTrue(shown.isTicked());
        ConflictException twice = assertThrows(ConflictException.class,
                () -> runAs(worker, () -> tiers.tick(o.id(), 6L)));
        assertEquals("organisation.checklist.twice", twice.key());
        ConflictException other = assertThrows(ConflictException.class,
                () -> runAs(worker, () -> tiers.tick(o.id(), 1L)));
        assertEquals("organisation.checklist.otherTier", other.key());

        // An item the bureau adds shows on the tier's checklist; a retired one disappears.
        var added = runAs(Fixtures.ADMIN, () -> settings.addChecklistItem("GROWING", "CAPACITY", "测试：财务培训", 99));
        try {
            assertTrue(runAs(worker, () -> organisations.detail(o.id())).checklist().stream()
                    .anyMatch(e -> e.itemId().equals(added.id())));
        } finally {
            runAs(Fixtures.ADMIN, () -> settings.retireChecklistItem(added.id()));
        }
        assertFalse(runAs(worker, () -> organisations.detail(o.id())).checklist().stream()
                .anyMatch(e -> e.itemId().equals(added.id())));
    }

    @Test
    void anotherCommunitysStaff_isRefused() {
        OrganisationDetail o = register("邻里调解队", today.minusYears(1));
        assertThrows(NotInScopeException.class, () -> runAs(otherSecretary, () -> organisations.detail(o.id())));
        assertThrows(NotInScopeException.class, () -> runAs(otherSecretary, () -> organisations.list(town.community("A"))));
        assertThrows(NotInScopeException.class, () -> runAs(otherSecretary, () -> tiers.tick(o.id(), 1L)));
        assertThrows(NotInScopeException.class, () -> runAs(otherSecretary,
                () -> records.addActivity(o.id(), new ActivityForm(today, "越权活动", 5, null, null))));
        assertTrue(runAs(otherSecretary, () -> tiers.overview(null)).stream()
                .noneMatch(t -> t.communityCode().equals(town.community("A"))), "the overview keeps to the scope");
        String officer = fixtures.officer(town, "viewer");
        assertEquals(o.id(), runAs(officer, () -> organisations.detail(o.id())).id());
        assertThrows(NotPermittedException.class, () -> runAs(officer, () -> organisations.register(town.community("A"),
                new RegistrationForm("不该成功", "OTHER", today, leader, null))));
    }

    @Test
    void badInput_isRefusedFieldByField() {
        Long stranger = fixtures.resident(otherSecretary, "外社区居民", town.community("B"), town.grid("B", 1)).id();
        register("已登记的组织", today.minusYears(1));
        ValidationException reg = assertThrows(ValidationException.class, () -> runAs(worker,
                () -> organisations.register(town.community("A"), new RegistrationForm("已登记的组织", "ALIENS",
                        today.plusDays(1), stranger, "PARTY_ORGANIZATION"))));
        assertEquals(List.of("name:organisation.name.taken", "type:error.choice",
                "actorType:organisation.actorType.outerRing", "foundedOn:organisation.date.future",
                "leaderResidentId:organisation.resident.unknown"), fields(reg));
        ValidationException blank = assertThrows(ValidationException.class, () -> runAs(worker,
                () -> organisations.register(town.community("A"), new RegistrationForm(" ", null, null, null, null))));
        assertEquals(List.of("name:error.required", "type:error.required", "foundedOn:error.required",
                "leaderResidentId:error.required"), fields(blank));

        OrganisationDetail o = register("活动校验组织", today.minusMonths(6));
        ValidationException act = assertThrows(ValidationException.class, () -> runAs(worker,
                () -> records.addActivity(o.id(), new ActivityForm(today.minusMonths(7), "", -1,
                        new BigDecimal("5.5"), null))));
        assertEquals(List.of("heldOn:organisation.date.beforeFounding", "title:error.required",
                "participants:organisation.participants.range", "satisfaction:organisation.satisfaction.range",
                "respondents:organisation.respondents.required"), fields(act));
        ValidationException tooMany = assertThrows(ValidationException.class, () -> runAs(worker,
                () -> records.addActivity(o.id(), new ActivityForm(today.plusDays(1), "评价人数过多", 10,
                        new BigDecimal("4.25"), 11))));
        assertEquals(List.of("heldOn:organisation.date.future", "satisfaction:organisation.satisfaction.range",
                "respondents:organisation.respondents.range"), fields(tooMany));
        ValidationException fund = assertThrows(ValidationException.class, () -> runAs(worker,
                () -> records.setFunding(o.id(), today.getYear() + 1, -1L, null)));
        assertEquals(List.of("year:organisation.funding.year", "selfRaisedFen:organisation.funding.range",
                "externalFen:error.required"), fields(fund));
        ValidationException member = assertThrows(ValidationException.class, () -> runAs(worker,
                () -> organisations.addMember(o.id(), stranger, null)));
        assertEquals(List.of("residentId:organisation.resident.unknown", "joinedOn:error.required"), fields(member));
        ConflictException twice = assertThrows(ConflictException.class, () -> runAs(worker,
                () -> organisations.addMember(o.id(), leader, today)));
        assertEquals("organisation.member.twice", twice.key());
        ValidationException prize = assertThrows(ValidationException.class, () -> runAs(worker,
                () -> records.addRecognition(o.id(), "", null, today.plusDays(3))));
        assertEquals(List.of("title:error.required", "awardedBy:error.required", "awardedOn:organisation.date.future"),
                fields(prize));
    }

    private static List<String> fields(ValidationException e) {
        List<String> out = new ArrayList<>();
        e.errors().forEach(err -> out.add(err.field() + ":" + err.key()));
        return out;
    }

    @Test
    void leaderAndMembers_areMasked_andAFullViewIsAudited() {
        OrganisationDetail o = register("阳光公益服务社", today.minusYears(3));
        assertEquals("欧***", o.leaderName());
        assertEquals("欧***", o.members().get(0).name());
        assertEquals("欧***", runAs(worker, () -> organisations.list(town.community("A"))).get(0).leaderName());
        assertFalse(o.revealed());

        ValidationException noPurpose = assertThrows(ValidationException.class,
                () -> runAs(worker, () -> organisations.reveal(o.id(), "看")));
        assertEquals("reveal.purpose.required", noPurpose.errors().get(0).key());
        String officer = fixtures.officer(town, "looker");
        assertThrows(NotPermittedException.class, () -> runAs(officer, () -> organisations.reveal(o.id(), "核对负责人身份")));

        OrganisationDetail full = runAs(worker, () -> organisations.reveal(o.id(), "核对负责人联系方式"));
        assertTrue(full.revealed());
        assertEquals("欧阳明华", full.leaderName());
        assertEquals("欧阳明华", full.members().get(0).name());
        List<AuditEntry> entries = runAs(Fixtures.AUDITOR, () -> audit.search(
                new AuditQuery(worker, AuditAction.REVEAL, "ORGANISATION", o.id(), null, null),
                PageRequest.of(0, 10))).items();
        assertEquals(1, entries.size());
        assertEquals("核对负责人联系方式", entries.get(0).getPurpose());
        assertEquals("leaderName,memberNames", entries.get(0).getFields());
        assertNotEquals(null, entries.get(0).getCommunityId());
    }
}
