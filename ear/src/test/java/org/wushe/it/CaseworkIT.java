package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.audit.application.AuditLog;
import org.wushe.audit.application.AuditQuery;
import org.wushe.audit.domain.AuditAction;
import org.wushe.audit.domain.AuditOutcome;
import org.wushe.casework.application.BoardService;
import org.wushe.casework.application.CaseService;
import org.wushe.casework.application.CaseService.CaseForm;
import org.wushe.casework.application.CaseService.CaseRow;
import org.wushe.casework.application.CaseworkSettings;
import org.wushe.casework.application.GridWorkService;
import org.wushe.casework.application.GridWorkService.GridRecordForm;
import org.wushe.casework.application.GridWorkService.PatrolForm;
import org.wushe.casework.application.GridWorkService.PatrolView;
import org.wushe.casework.application.IndexService;
import org.wushe.casework.application.JointMeetingService;
import org.wushe.casework.application.JointMeetingService.Agenda;
import org.wushe.casework.application.JointMeetingService.MeetingForm;
import org.wushe.casework.application.JointMeetingService.MeetingView;
import org.wushe.casework.application.JointMeetingService.TaskForm;
import org.wushe.casework.application.ReferralService;
import org.wushe.casework.application.ReferralService.ReferralForm;
import org.wushe.casework.application.ReferralService.ReferralView;
import org.wushe.casework.domain.CoordinationIndex;
import org.wushe.community.application.ResidentService;
import org.wushe.community.application.ResidentView;
import org.wushe.it.support.Fixtures;
import org.wushe.it.support.Fixtures.Town;
import org.wushe.it.support.TestClock;
import org.wushe.security.application.AccountForm;
import org.wushe.security.application.AccountService;
import org.wushe.security.domain.Role;
import org.wushe.shared.ConflictException;
import org.wushe.shared.NotInScopeException;
import org.wushe.shared.NotPermittedException;
import org.wushe.shared.PageRequest;
import org.wushe.shared.ValidationException;
import org.wushe.shared.WusheException;

/**
 * Social worker + grid worker on the server: patrols and grid records, referral deadlines and
 * escalation with the moved clock, no deletion and kept history, who may read a case record (and
 * the audit of each read), the stage rules, stubborn cases by hand, by evaluation and by the nightly
 * detection, joint meetings with the masked agenda and the plan, scope and bad input.
 */
@ExtendWith(ArquillianExtension.class)
class CaseworkIT {

    @Inject
    Fixtures fixtures;

    @Inject
    Clock clock;

    @EJB
    GridWorkService grid;

    @EJB
    ReferralService referrals;

    @EJB
    CaseService cases;

    @EJB
    JointMeetingService meetings;

    @EJB
    BoardService boards;

    @EJB
    IndexService indices;

    @EJB
    CaseworkSettings settings;

    @EJB
    ResidentService residents;

    @EJB
    AccountService accounts;

    @EJB
    AuditLog audit;

    private Town town;
    private String secretary;
    private String social;
    private String otherSocial;
    private String supervisor;
    private String cadre;
    private String gridWorker;
    private String secretaryB;
    private String socialB;
    private String gridWorkerB;
    private ResidentView resident;

    @BeforeEach
    void community() {
        TestClock.reset();
        town = fixtures.town("A", "B");
        secretary = fixtures.staff(town, "secretary", Role.PARTY_SECRETARY, "A");
        supervisor = fixtures.supervisor(town, "supervisor", "B");
        social = town.user("social");
        runAs(Fixtures.SECURITY, () -> accounts.create(new AccountForm(social, "王社工", Role.SOCIAL_WORKER,
                Fixtures.PASSWORD.toCharArray(), Set.of(), town.community("A"), Set.of(), supervisor)));
        otherSocial = fixtures.staff(town, "other", Role.SOCIAL_WORKER, "A");
        cadre = fixtures.staff(town, "cadre", Role.COMMUNITY_CADRE, "A");
        gridWorker = fixtures.gridWorker(town, "grid", Set.of(town.grid("A", 1)));
        secretaryB = fixtures.staff(town, "secretaryB", Role.PARTY_SECRETARY, "B");
        socialB = fixtures.staff(town, "socialB", Role.SOCIAL_WORKER, "B");
        gridWorkerB = fixtures.gridWorker(town, "gridB", Set.of(town.grid("B", 1)));
        resident = fixtures.resident(social, "李独居", town.community("A"), town.grid("A", 1));
    }

    @AfterEach
    void clockBack() {
        TestClock.reset();
    }

    private static Set<String> fields(ValidationException e) {
        return e.errors().stream().map(ValidationException.FieldError::field).collect(Collectors.toSet());
    }

    private static String key(Runnable r) {
        return assertThrows(WusheException.class, r::run).key();
    }

    private ReferralView refer(String risk) {
        return runAs(gridWorker, () -> referrals.refer(new ReferralForm(resident.id(), social, risk,
                "独居老人多日未出门，邻居反映情绪低落", "走访记录两次", "电话联系子女未果")));
    }

    private CaseRow openCase() {
        ReferralView r = refer("MEDIUM");
        runAs(social, () -> referrals.accept(r.id(), null));
        return runAs(social, () -> cases.open(new CaseForm(resident.id(), "独居老人情绪低落", r.id())));
    }

    private CaseRow stubbornCase() {
        CaseRow c = openCase();
        runAs(social, () -> cases.flagStubborn(c.id(), "三个月干预无改善"));
        return c;
    }

    // ---------------------------------------------------------------- grid work

    @Test
    void patrol_isLogged_joinedOnce_andShowsInTheLogOfItsCommunityOnly() {
        Instant start = clock.instant().minus(Duration.ofHours(3));
        PatrolView p = runAs(gridWorker, () -> grid.logPatrol(new PatrolForm(town.grid("A", 1), start,
                start.plus(Duration.ofHours(2)), 12, "3号楼楼道堆放杂物")));
        assertFalse(p.joint());
        PatrolView joined = runAs(social, () -> grid.joinPatrol(p.id()));
        assertTrue(joined.joint());
        assertEquals(social, joined.socialWorker());
        assertEquals("patrol.joined", key(() -> runAs(otherSocial, () -> grid.joinPatrol(p.id()))));
        assertThrows(NotInScopeException.class, () -> runAs(socialB, () -> grid.joinPatrol(p.id())));
        assertEquals(1, runAs(secretary, () -> grid.patrols(town.community("A"), PageRequest.of(0, 20))).total());
        assertEquals(0, runAs(secretaryB, () -> grid.patrols(town.community("B"), PageRequest.of(0, 20))).total());
        assertThrows(NotInScopeException.class,
                () -> runAs(secretaryB, () -> grid.patrols(town.community("A"), PageRequest.of(0, 20))));
        CoordinationIndex.Result index = runAs(gridWorker, () -> indices.gridWorker(gridWorker,
                LocalDate.now(clock).minusDays(29), LocalDate.now(clock)));
        assertEquals(1, index.components().stream().filter(c -> c.key().equals("JOINT_PATROLS")).findFirst()
                .orElseThrow().count());
    }

    @Test
    void patrol_badInput_isRefusedPerField_andOtherGridsAreOutOfScope() {
        Instant now = clock.instant();
        ValidationException e = assertThrows(ValidationException.class, () -> runAs(gridWorker,
                () -> grid.logPatrol(new PatrolForm("NOPE-G99", now.plus(Duration.ofDays(1)), null, -1, "x".repeat(2001)))));
        assertEquals(Set.of("gridCode", "startedAt", "endedAt", "householdsVisited", "findings"), fields(e));
        ValidationException order = assertThrows(ValidationException.class, () -> runAs(gridWorker,
                () -> grid.logPatrol(new PatrolForm(town.grid("A", 1), now.minusSeconds(600), now.minusSeconds(3600), 3, null))));
        assertEquals("patrol.time.order", order.errors().get(0).key());
        assertThrows(NotInScopeException.class, () -> runAs(gridWorkerB, () -> grid.logPatrol(new PatrolForm(
                town.grid("A", 1), now.minusSeconds(3600), now.minusSeconds(600), 3, null))));
        assertThrows(NotPermittedException.class, () -> runAs(social, () -> grid.logPatrol(new PatrolForm(
                town.grid("A", 1), now.minusSeconds(3600), now.minusSeconds(600), 3, null))));
    }

    @Test
    void informationCollected_changesTheResidentsTags_throughTheChangeHistory() {
        runAs(gridWorker, () -> grid.record(new GridRecordForm("INFORMATION", town.grid("A", 1), null, resident.id(),
                "LOW_INCOME", null, "家庭收入下降，已申请低保", null, null, null)));
        assertTrue(runAs(social, () -> residents.view(resident.id())).tags().contains(
                org.wushe.community.domain.ResidentTag.LOW_INCOME));
        assertTrue(runAs(social, () -> residents.history(resident.id())).stream()
                .anyMatch(c -> c.field().equals("tags") && c.changedBy().equals(gridWorker)
                        && c.newValue().contains("LOW_INCOME")));
        ValidationException mediation = assertThrows(ValidationException.class, () -> runAs(gridWorker,
                () -> grid.record(new GridRecordForm("MEDIATION", town.grid("A", 1), null, null, null, null,
                        "噪音纠纷", " ", null, null))));
        assertEquals(Set.of("parties", "outcome"), fields(mediation));
        ValidationException kind = assertThrows(ValidationException.class, () -> runAs(gridWorker,
                () -> grid.record(new GridRecordForm("GOSSIP", town.grid("A", 1), null, null, null, null, "x", null, null, null))));
        assertEquals(Set.of("kind"), fields(kind));
        runAs(gridWorker, () -> grid.record(new GridRecordForm("PUBLICITY", town.grid("A", 1), null, null, null, null,
                "高龄津贴申领政策", null, null, 30)));
        assertEquals(2, runAs(cadre, () -> grid.records(town.community("A"), PageRequest.of(0, 20))).total());
    }

    // ---------------------------------------------------------------- referrals

    @Test
    void referral_notHandledInTime_escalatesToTheSecretary_andShowsOnTheBoard() {
        ReferralView high = refer("HIGH");
        ReferralView low = refer("LOW");
        assertEquals(Duration.ofHours(24), Duration.between(high.referredAt(), high.dueAt()));
        assertEquals(Duration.ofHours(72), Duration.between(low.referredAt(), low.dueAt()));
        assertEquals(social, high.owner());
        TestClock.advance(Duration.ofHours(23));
        assertTrue(runAs(secretary, () -> boards.board(town.community("A"))).escalated().isEmpty());
        TestClock.advance(Duration.ofHours(2));
        BoardService.SecretaryBoard board = runAs(secretary, () -> boards.board(town.community("A")));
        assertEquals(List.of(high.id()), board.escalated().stream().map(ReferralView::id).toList());
        ReferralView escalated = runAs(secretary, () -> referrals.find(high.id()));
        assertEquals("ESCALATED", escalated.status());
        assertEquals(secretary, escalated.owner());
        assertEquals("PENDING", runAs(social, () -> referrals.find(low.id())).status());
        ReferralView late = runAs(social, () -> referrals.accept(high.id(), "迟到接收"));
        assertEquals(Boolean.FALSE, late.handledInTime());
        assertEquals(List.of("PENDING", "ESCALATED", "ACCEPTED"), runAs(gridWorker, () -> referrals.history(high.id()))
                .stream().map(ReferralService.EventView::toStatus).toList());
    }

    @Test
    void deadlines_areConfigurablePerCommunity_andTheSecretaryReassignsAnEscalatedReferral() {
        runAs(secretary, () -> settings.save(town.community("A"), 4, 48, 96, 90));
        ReferralView high = refer("HIGH");
        assertEquals(Duration.ofHours(4), Duration.between(high.referredAt(), high.dueAt()));
        assertThrows(NotPermittedException.class, () -> runAs(secretary, () -> settings.save(null, 1, 1, 1, 1)));
        ValidationException bad = assertThrows(ValidationException.class,
                () -> runAs(secretary, () -> settings.save(town.community("A"), 0, null, 721, 0)));
        assertEquals(Set.of("highRiskHours", "mediumRiskHours", "lowRiskHours", "stubbornAfterDays"), fields(bad));
        TestClock.advance(Duration.ofHours(5));
        assertEquals(1, runAs(secretary, () -> referrals.list(town.community("A"), "ESCALATED", PageRequest.of(0, 10))).total());
        ReferralView moved = runAs(secretary, () -> referrals.reassign(high.id(), otherSocial));
        assertEquals("PENDING", moved.status());
        assertEquals(otherSocial, moved.owner());
        assertEquals("referral.receiverOnly", key(() -> runAs(social, () -> referrals.accept(high.id(), null))));
        assertEquals("ACCEPTED", runAs(otherSocial, () -> referrals.accept(high.id(), null)).status());
    }

    @Test
    void returnedReferral_keepsItsHistory_andNoReferralCanBeDeleted() {
        ReferralView r = refer("MEDIUM");
        ValidationException noReason = assertThrows(ValidationException.class,
                () -> runAs(social, () -> referrals.giveBack(r.id(), " ")));
        assertEquals(Set.of("reason"), fields(noReason));
        ReferralView back = runAs(social, () -> referrals.giveBack(r.id(), "请补充子女联系方式"));
        assertEquals("RETURNED", back.status());
        assertEquals(gridWorker, back.owner());
        assertEquals("referral.transition", key(() -> runAs(social, () -> referrals.accept(r.id(), null))));
        runAs(gridWorker, () -> referrals.resubmit(r.id(), new ReferralForm(null, null, "MEDIUM",
                "独居老人多日未出门；子女电话 139****0000 已联系", "走访记录两次", "联系子女")));
        runAs(social, () -> referrals.giveBack(r.id(), "子女已接回同住，无需个案"));
        ReferralView closed = runAs(gridWorker, () -> referrals.withdraw(r.id(), "子女已接回"));
        assertEquals("WITHDRAWN", closed.status());
        assertEquals(2, closed.returnCount());
        assertEquals(List.of("PENDING", "RETURNED", "PENDING", "RETURNED", "WITHDRAWN"),
                runAs(secretary, () -> referrals.history(r.id())).stream().map(ReferralService.EventView::toStatus).toList());
        assertTrue(Arrays.stream(ReferralService.class.getMethods()).map(m -> m.getName().toLowerCase())
                .noneMatch(n -> n.contains("delete") || n.contains("remove")), "no delete path");
        assertEquals("WITHDRAWN", runAs(gridWorker, () -> referrals.find(r.id())).status());
    }

    @Test
    void referral_badInput_isRefusedPerField_andOnlyTheReceiverDecides() {
        ValidationException e = assertThrows(ValidationException.class, () -> runAs(gridWorker,
                () -> referrals.refer(new ReferralForm(null, "nobody", "EXTREME", " ", null, null))));
        assertEquals(Set.of("residentId", "socialWorker", "riskLevel", "whatHappened"), fields(e));
        ResidentView elsewhere = fixtures.resident(socialB, "外社区居民", town.community("B"), town.grid("B", 1));
        ValidationException scope = assertThrows(ValidationException.class, () -> runAs(gridWorker,
                () -> referrals.refer(new ReferralForm(elsewhere.id(), social, "LOW", "x", null, null))));
        assertEquals(Set.of("residentId"), fields(scope));
        ValidationException otherCommunity = assertThrows(ValidationException.class, () -> runAs(gridWorker,
                () -> referrals.refer(new ReferralForm(resident.id(), socialB, "LOW", "x", null, null))));
        assertEquals(Set.of("socialWorker"), fields(otherCommunity));
        ReferralView r = refer("LOW");
        assertEquals("referral.receiverOnly", key(() -> runAs(otherSocial, () -> referrals.accept(r.id(), null))));
        assertEquals("referral.receiverOnly", key(() -> runAs(socialB, () -> referrals.accept(r.id(), null))));
        assertThrows(NotPermittedException.class, () -> runAs(gridWorker, () -> referrals.accept(r.id(), null)));
        assertThrows(NotInScopeException.class, () -> runAs(secretaryB, () -> referrals.find(r.id())));
        assertEquals(List.of(r.id()), runAs(social, () -> referrals.inbox(PageRequest.of(0, 20))).items().stream()
                .map(ReferralView::id).toList());
        assertEquals(List.of(r.id()), runAs(gridWorker, () -> referrals.outbox(PageRequest.of(0, 20))).items().stream()
                .map(ReferralView::id).toList());
    }

    // ---------------------------------------------------------------- cases

    @Test
    void caseRecord_isReadOnlyByItsWorker_theSupervisor_andTheSecretary_othersGetCounts() {
        CaseRow c = openCase();
        assertEquals(c.id(), runAs(social, () -> cases.file(c.id())).id());
        assertEquals(c.id(), runAs(supervisor, () -> cases.file(c.id())).id());
        assertEquals(c.id(), runAs(secretary, () -> cases.file(c.id())).id());
        for (String refused : List.of(otherSocial, cadre, gridWorker, Fixtures.ADMIN, secretaryB, socialB)) {
            assertEquals("case.restricted", key(() -> runAs(refused, () -> cases.file(c.id()))), refused);
        }
        assertEquals(1L, runAs(Fixtures.ADMIN, () -> cases.counts(town.community("A"))).openByStage().get("RELATIONSHIP"));
        assertEquals(1L, runAs(cadre, () -> cases.counts(town.community("A"))).openByStage().get("RELATIONSHIP"));
        assertThrows(NotInScopeException.class, () -> runAs(socialB, () -> cases.counts(town.community("A"))));
        assertEquals(0, runAs(otherSocial, () -> cases.myCases(false, PageRequest.of(0, 20))).total());
        assertEquals(1, runAs(supervisor, () -> cases.myCases(false, PageRequest.of(0, 20))).total());
        assertEquals("case.ownWorkerOnly", key(() -> runAs(supervisor, () -> cases.addNote(c.id(), "督导意见"))));
    }

    @Test
    void everyReadOfACaseRecord_isAudited() {
        CaseRow c = openCase();
        runAs(social, () -> cases.file(c.id()));
        runAs(supervisor, () -> cases.file(c.id()));
        assertThrows(NotPermittedException.class, () -> runAs(cadre, () -> cases.file(c.id())));
        List<String> readers = runAs(Fixtures.AUDITOR, () -> audit.search(new AuditQuery(null, AuditAction.READ_RESTRICTED,
                "social_case", c.id(), null, null), PageRequest.of(0, 20))).items().stream()
                .map(a -> a.getActor()).sorted().toList();
        assertEquals(List.of(social, supervisor).stream().sorted().toList(), readers);
    }

    @Test
    void stages_moveForward_skipsNeedAReason_sessionsOnlyInIntervention() {
        CaseRow c = openCase();
        assertEquals("case.stage.required", key(() -> runAs(social, () -> cases.logSession(c.id(), "第一次面谈"))));
        ValidationException skip = assertThrows(ValidationException.class,
                () -> runAs(social, () -> cases.advance(c.id(), "PLAN", null, null)));
        assertEquals(Set.of("skipReason"), fields(skip));
        runAs(social, () -> cases.advance(c.id(), "ASSESSMENT", "信任关系已建立", null));
        runAs(social, () -> cases.advance(c.id(), "INTERVENTION", null, "评估时已与案主共同商定计划"));
        assertEquals("case.stage.backward", key(() -> runAs(social, () -> cases.advance(c.id(), "PLAN", null, "x"))));
        runAs(social, () -> cases.logSession(c.id(), "第一次干预：陪同就医"));
        runAs(social, () -> cases.advance(c.id(), "EVALUATION", null, null));
        assertEquals("case.close.noOutcome", key(() -> runAs(social, () -> cases.advance(c.id(), "CLOSED", null, null))));
        ValidationException badOutcome = assertThrows(ValidationException.class,
                () -> runAs(social, () -> cases.evaluate(c.id(), "BETTER", "")));
        assertEquals(Set.of("outcome", "findings"), fields(badOutcome));
        runAs(social, () -> cases.evaluate(c.id(), "IMPROVED", "情绪稳定，每周参加活动"));
        assertEquals("CLOSED", runAs(social, () -> cases.advance(c.id(), "CLOSED", "结案", null)).stage());
        CaseService.CaseFile file = runAs(social, () -> cases.file(c.id()));
        assertTrue(file.entries().stream().anyMatch(e -> e.kind().equals("SKIP") && e.body().contains("共同商定")));
        assertTrue(file.entries().stream().anyMatch(e -> e.kind().equals("SESSION")));
        assertEquals("IMPROVED", file.outcome());
        assertEquals("case.closed", key(() -> runAs(social, () -> cases.flagStubborn(c.id(), "x"))));
    }

    @Test
    void noImprovement_orOpenTooLong_makesACaseStubborn() {
        CaseRow c = openCase();
        runAs(social, () -> cases.advance(c.id(), "EVALUATION", null, "紧急个案，直接评估"));
        assertTrue(runAs(social, () -> cases.evaluate(c.id(), "NO_IMPROVEMENT", "干预后情况无改善")).stubborn());

        runAs(secretary, () -> settings.save(town.community("A"), 24, 72, 72, 30));
        ResidentView other = fixtures.resident(social, "张长期", town.community("A"), town.grid("A", 2));
        CaseRow longOpen = runAs(social, () -> cases.open(new CaseForm(other.id(), "长期未结个案", null)));
        assertFalse(longOpen.stubborn());
        runAs("operator", () -> cases.detectStubborn(LocalDate.now(clock)));
        assertFalse(runAs(social, () -> cases.file(longOpen.id())).stubborn(), "not yet past 30 days");
        TestClock.advance(Duration.ofDays(32));
        assertTrue(runAs("operator", () -> cases.detectStubborn(LocalDate.now(clock))) >= 1);
        CaseService.CaseFile flagged = runAs(social, () -> cases.file(longOpen.id()));
        assertTrue(flagged.stubborn());
        assertEquals("case.stubborn.openTooLong", flagged.stubbornReason());
        assertThrows(NotPermittedException.class, () -> runAs(social, () -> cases.detectStubborn(LocalDate.now(clock))));
        assertEquals(2, runAs(secretary, () -> boards.board(town.community("A"))).stubborn().size());
    }

    // ---------------------------------------------------------------- joint meetings

    private MeetingView convene(CaseRow c, Set<String> shared, String analysis, String monitoring) {
        return runAs(secretary, () -> meetings.convene(new MeetingForm(c.id(), clock.instant().plus(Duration.ofDays(2)),
                "社区议事厅", "独居老人长期拒绝服务", Set.of("PUBLIC_SECURITY", "HEALTH", "CIVIL_AFFAIRS"), shared,
                analysis, monitoring)));
    }

    @Test
    void externalDepartments_seeAMaskedAgenda_withOnlyTheDataTheCaseNeeds() {
        CaseRow c = stubbornCase();
        runAs(social, () -> cases.addNote(c.id(), "案主透露的家庭隐情：绝密内容"));
        MeetingView m = convene(c, Set.of("AGE", "ADDRESS"), null, null);
        runAs(social, () -> meetings.attachAnalysis(m.id(), "分析报告：案主长期独居，拒绝上门服务"));
        runAs(gridWorker, () -> meetings.attachMonitoring(m.id(), "监测：近两周每日傍晚外出一次"));
        assertThrows(NotInScopeException.class, () -> runAs(gridWorkerB, () -> meetings.attachMonitoring(m.id(), "x")));
        Agenda agenda = runAs(secretary, () -> meetings.departmentAgenda(m.id()));
        String all = agenda.toString();
        ResidentView full = runAs(social, () -> residents.reveal(resident.id(), "核对议程"));
        assertFalse(all.contains(full.idNumber()), "no ID number");
        assertFalse(all.contains(full.phone()), "no phone");
        assertFalse(all.contains(full.address()), "no full address");
        assertFalse(all.contains("绝密内容"), "no case file entry");
        assertFalse(all.contains(full.name()), "no full name unless shared");
        assertEquals("李某", agenda.person().name());
        assertNull(agenda.person().phone());
        assertNotNull(agenda.person().age());
        assertTrue(agenda.person().address().endsWith("****"));
        assertTrue(agenda.analysisReport().contains("分析报告"));
        assertEquals(1, runAs(Fixtures.AUDITOR, () -> audit.search(new AuditQuery(secretary, AuditAction.EXPORT,
                "joint_meeting", m.id(), null, null), PageRequest.of(0, 5))).total());
        assertThrows(NotPermittedException.class, () -> runAs(social, () -> meetings.departmentAgenda(m.id())));
        assertThrows(NotInScopeException.class, () -> runAs(secretaryB, () -> meetings.departmentAgenda(m.id())));
    }

    @Test
    void theMeetingAdoptsAPlan_tasksAreTrackedToClosure_andOverdueOnesShowOnTheBoard() {
        CaseRow plain = openCase();
        assertEquals("meeting.case.notStubborn", key(() -> convene(plain, Set.of(), null, null)));
        CaseRow c = stubbornCase();
        ValidationException bad = assertThrows(ValidationException.class, () -> runAs(secretary,
                () -> meetings.convene(new MeetingForm(c.id(), null, " ", null, Set.of("FIRE_BRIGADE"), Set.of("IDNUMBER"),
                        null, null))));
        assertEquals(Set.of("scheduledAt", "place", "topic", "departments", "sharedFields"), fields(bad));
        MeetingView m = convene(c, Set.of("NAME"), "分析报告", null);
        LocalDate today = LocalDate.now(clock);
        assertEquals("meeting.papers.missing", key(() -> runAs(secretary, () -> meetings.adoptPlan(m.id(),
                List.of(new TaskForm("HEALTH", "上门评估", today.plusDays(3)))))));
        runAs(gridWorker, () -> meetings.attachMonitoring(m.id(), "监测信息"));
        ValidationException tasks = assertThrows(ValidationException.class, () -> runAs(secretary,
                () -> meetings.adoptPlan(m.id(), List.of(new TaskForm("JUDICIAL", "法律援助", today.minusDays(1))))));
        assertEquals(Set.of("tasks[0].departmentCode", "tasks[0].dueOn"), fields(tasks));
        MeetingView adopted = runAs(secretary, () -> meetings.adoptPlan(m.id(), List.of(
                new TaskForm("HEALTH", "家庭医生上门评估", today.plusDays(3)),
                new TaskForm("CIVIL_AFFAIRS", "申请特困供养", today.plusDays(10)))));
        assertEquals("PLAN_ADOPTED", adopted.status());
        assertEquals("meeting.plan.adopted", key(() -> runAs(secretary, () -> meetings.adoptPlan(m.id(),
                List.of(new TaskForm("HEALTH", "x", today.plusDays(3)))))));
        TestClock.advance(Duration.ofDays(5));
        List<JointMeetingService.TaskView> overdue = runAs(secretary, () -> boards.board(town.community("A"))).overdueTasks();
        assertEquals(List.of("HEALTH"), overdue.stream().map(JointMeetingService.TaskView::departmentCode).toList());
        runAs(secretary, () -> meetings.completeTask(overdue.get(0).id(), "已评估"));
        assertTrue(runAs(secretary, () -> boards.board(town.community("A"))).overdueTasks().isEmpty());
        assertEquals("PLAN_ADOPTED", runAs(secretary, () -> meetings.meeting(m.id())).status());
        // reading a meeting's papers (the social worker's analysis, the monitoring) is a restricted read
        var papers = runAs(Fixtures.AUDITOR, () -> audit.search(new AuditQuery(secretary, AuditAction.READ_RESTRICTED,
                "joint_meeting", m.id(), null, null), PageRequest.of(0, 5))).items();
        assertEquals(1, papers.size());
        assertEquals("analysisReport,monitoringInfo", papers.get(0).getFields());
        assertEquals(AuditOutcome.DONE, papers.get(0).getOutcome());
        Long last = adopted.tasks().stream().filter(t -> t.departmentCode().equals("CIVIL_AFFAIRS")).findFirst().orElseThrow().id();
        runAs(secretary, () -> meetings.completeTask(last, "已批准"));
        assertEquals("CLOSED", runAs(social, () -> meetings.meeting(m.id())).status());
        assertEquals("meeting.task.done", key(() -> runAs(secretary, () -> meetings.completeTask(last, null))));
        assertThrows(NotPermittedException.class, () -> runAs(social, () -> meetings.completeTask(last, null)));
        assertEquals("case.restricted", key(() -> runAs(cadre, () -> meetings.meeting(m.id()))));
    }

    // ---------------------------------------------------------------- indices

    @Test
    void indices_areCountedFromTheRecords_forTheWorkerAndThoseOverThem() {
        ReferralView clean = refer("MEDIUM");
        runAs(social, () -> referrals.accept(clean.id(), null));
        ReferralView returned = refer("MEDIUM");
        runAs(social, () -> referrals.giveBack(returned.id(), "信息不全"));
        runAs(social, () -> cases.open(new CaseForm(resident.id(), "个案", clean.id())));
        LocalDate today = LocalDate.now(clock);
        CoordinationIndex.Result gw = runAs(secretary, () -> indices.gridWorker(gridWorker, today.minusDays(29), today.plusDays(5)));
        CoordinationIndex.Component quality = gw.components().get(0);
        assertEquals(1, quality.count());
        assertEquals(2, quality.target());
        CoordinationIndex.Result sw = runAs(social, () -> indices.socialWorker(social, today.minusDays(29), today.plusDays(5)));
        CoordinationIndex.Component follow = sw.components().stream().filter(x -> x.key().equals("FOLLOW_THROUGH"))
                .findFirst().orElseThrow();
        assertEquals(1.0, follow.share());
        assertEquals(2, runAs(Fixtures.ADMIN, () -> indices.community(town.community("A"), today.minusDays(29), today))
                .stream().filter(w -> w.role().equals("SOCIAL_WORKER")).count());
        assertThrows(NotInScopeException.class, () -> runAs(secretaryB, () -> indices.socialWorker(social, today, today)));
        ValidationException period = assertThrows(ValidationException.class,
                () -> runAs(social, () -> indices.socialWorker(social, today, today.minusDays(1))));
        assertEquals(Set.of("to"), fields(period));
    }
}
