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
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.docking.application.BoardFilter;
import org.wushe.docking.application.MatchForm;
import org.wushe.docking.application.NeedForm;
import org.wushe.docking.application.NeedRow;
import org.wushe.docking.application.NeedBoard;
import org.wushe.docking.application.NeedWorkflow;
import org.wushe.docking.application.Matching;
import org.wushe.docking.application.NeedView;
import org.wushe.docking.application.Reason;
import org.wushe.docking.application.ResourceForm;
import org.wushe.docking.application.ResourceService;
import org.wushe.docking.application.Suggestion;
import org.wushe.docking.domain.DockingAction;
import org.wushe.docking.domain.Need;
import org.wushe.docking.domain.Resource;
import org.wushe.it.support.Fixtures;
import org.wushe.it.support.Fixtures.Town;
import org.wushe.it.support.TestClock;
import org.wushe.security.application.AccountService;
import org.wushe.security.domain.Role;
import org.wushe.shared.ConflictException;
import org.wushe.shared.NotInScopeException;
import org.wushe.shared.NotPermittedException;
import org.wushe.shared.Page;
import org.wushe.shared.PageRequest;
import org.wushe.shared.ValidationException;

/**
 * The needs loop on the server: every step and the moves it refuses, ranked suggestions with their
 * reasons, reservation and overbooking of capacity, overdue actions on the board, and scope.
 */
@ExtendWith(ArquillianExtension.class)
class DockingIT {

    @Inject
    Fixtures fixtures;

    @Inject
    Clock clock;

    @EJB
    NeedBoard needBoard;

    @EJB
    NeedWorkflow needWorkflow;

    @EJB
    Matching matching;

    @EJB
    ResourceService resources;

    @EJB
    AccountService accounts;

    private Town town;
    private String worker;
    private String workerB;
    private Long residentId;

    @BeforeEach
    void town() {
        TestClock.reset();
        town = fixtures.town("A", "B");
        worker = fixtures.staff(town, "worker", Role.SOCIAL_WORKER, "A");
        workerB = fixtures.staff(town, "workerb", Role.SOCIAL_WORKER, "B");
        residentId = fixtures.resident(worker, "独居老人甲", town.community("A"), town.grid("A", 1)).id();
    }

    @AfterEach
    void clockBack() {
        TestClock.reset();
    }

    private Need need(String as, String grid, Long resident, String category, String title) {
        return runAs(as, () -> needWorkflow.register(new NeedForm(grid, resident, category, "HIGH", "HOME_VISIT", title,
                "独居，行动不便，需要每周助餐")));
    }

    private Resource resource(String as, String community, String grid, String category, String name, int capacity,
                              String provider) {
        return runAs(as, () -> resources.add(new ResourceForm(community, grid, "VOLUNTEER", "SERVICE", category, name,
                null, null, null, provider, capacity, "次", null, null)));
    }

    private void assess(Long id) {
        runAs(worker, () -> needWorkflow.assess(id, "需每周两次助餐上门", 2, "HIGH"));
    }

    private DockingAction match(Long needId, Long resourceId, int quantity) {
        return runAs(worker, () -> matching.match(needId, new MatchForm(resourceId, quantity, worker, Set.of("志愿者乙"),
                LocalDate.now(clock).plusDays(7))));
    }

    private String refusedKey(Runnable r) {
        ConflictException e = assertThrows(ConflictException.class, r::run);
        return e.key();
    }

    @Test
    void theWholeLoop_keepsOneId_andRefusesEveryMoveOutOfOrder() {
        Need n = need(worker, town.grid("A", 1), residentId, "ELDERLY_CARE", "助餐上门");
        Long id = n.getId();
        assertEquals("REGISTERED", n.getStatus().name());

        ConflictException early = assertThrows(ConflictException.class,
                () -> runAs(worker, () -> needWorkflow.close(id, 5, "很好", "本人")));
        assertEquals("need.transition", early.key());
        assertEquals(List.of("docking.needStatus.REGISTERED", "docking.needStatus.CLOSED"),
                early.args().stream().map(String::valueOf).toList(), "both statuses, as labels");
        assertEquals("need.transition", refusedKey(() -> runAs(worker, () -> needWorkflow.feedback(id, "已完成"))));
        assertEquals("need.transition", refusedKey(() -> runAs(worker, () -> matching.match(id,
                new MatchForm(-1L, 1, worker, Set.of(), LocalDate.now(clock).plusDays(1))))), "not assessed yet");

        ValidationException badPriority = assertThrows(ValidationException.class,
                () -> runAs(worker, () -> needWorkflow.assess(id, "", 9, "HIGH")));
        assertEquals(Set.of("findings", "priority"),
                Set.copyOf(badPriority.errors().stream().map(ValidationException.FieldError::field).toList()));
        assess(id);

        Resource r = resource(worker, town.community("A"), town.grid("A", 1), "ELDERLY_CARE", "助餐志愿队", 2, "助餐志愿队");
        DockingAction a = match(id, r.getId(), 1);
        assertEquals(1, runAs(worker, () -> resources.resource(r.getId())).getReserved());
        assertEquals("need.transition", refusedKey(() -> runAs(worker, () -> needWorkflow.feedback(id, "已完成"))),
                "no feedback while only matched");

        runAs(worker, () -> needWorkflow.startAction(a.getId()));
        assertEquals("IN_ACTION", runAs(worker, () -> needBoard.need(id)).status());
        assertEquals("need.feedback.actionsOpen", refusedKey(() -> runAs(worker, () -> needWorkflow.feedback(id, "已完成"))));
        runAs(worker, () -> needWorkflow.finishAction(a.getId(), true, "已送餐八次"));
        assertEquals(0, runAs(worker, () -> resources.resource(r.getId())).getReserved(), "capacity released");
        assertEquals("action.transition", refusedKey(() -> runAs(worker, () -> needWorkflow.finishAction(a.getId(), false, "重复"))));

        runAs(worker, () -> needWorkflow.feedback(id, "老人反映饭菜合口"));
        ValidationException noComment = assertThrows(ValidationException.class,
                () -> runAs(worker, () -> needWorkflow.close(id, 6, " ", "本人")));
        assertEquals(List.of("need.satisfaction.range", "error.required"),
                noComment.errors().stream().map(ValidationException.FieldError::key).toList());
        runAs(worker, () -> needWorkflow.close(id, 5, "很满意", "本人"));

        NeedView v = runAs(worker, () -> needBoard.need(id));
        assertEquals("CLOSED", v.status());
        assertEquals(5, v.satisfaction());
        assertNotNull(v.closedAt());
        assertEquals("本人", v.ratedBy());
        assertEquals(1, v.actions().size());
        assertEquals("DONE", v.actions().get(0).status());
        assertEquals(List.of("REGISTERED", "ASSESSED", "MATCHED", "IN_ACTION", "FEEDBACK", "CLOSED"),
                v.events().stream().map(e -> e.toStatus()).toList());
        assertTrue(v.actions().get(0).matchReasons().stream().anyMatch(x -> x.key().equals("match.reason.category")));

        ValidationException noReason = assertThrows(ValidationException.class,
                () -> runAs(worker, () -> needWorkflow.reopen(id, "")));
        assertEquals("reason", noReason.errors().get(0).field());
        runAs(worker, () -> needWorkflow.reopen(id, "老人住院后需求变化"));
        NeedView reopened = runAs(worker, () -> needBoard.need(id));
        assertEquals("REOPENED", reopened.status());
        assertNull(reopened.satisfaction());
        assertEquals(1, reopened.reopenCount());
        assertEquals("need.transition", refusedKey(() -> runAs(worker, () -> needWorkflow.close(id, 4, "好", "本人"))));
        assess(id);
        assertEquals("ASSESSED", runAs(worker, () -> needBoard.need(id)).status());
    }

    @Test
    void suggestions_rankByCategoryDistanceAvailabilityAndLoad_withReasons() {
        Need n = need(worker, town.grid("A", 1), null, "ELDERLY_CARE", "楼道助老");
        assess(n.getId());
        Resource sameGrid = resource(worker, town.community("A"), town.grid("A", 1), "ELDERLY_CARE", "一网格助老队", 4, "一网格助老队");
        Resource neighbour = resource(workerB, town.community("B"), null, "ELDERLY_CARE", "邻社区助老队", 4, "邻社区助老队");
        Resource general = resource(worker, town.community("A"), null, null, "社区活动室", 4, "社区居委会");
        Resource otherCategory = resource(worker, town.community("A"), town.grid("A", 1), "CHILDREN", "四点半课堂", 4, "四点半课堂");

        List<Suggestion> s = runAs(worker, () -> matching.suggest(n.getId(), 10));
        List<Long> order = s.stream().map(Suggestion::resourceId).toList();
        assertEquals(List.of(sameGrid.getId(), neighbour.getId(), general.getId()), order,
                "category and grid first, then the neighbour's category fit, then the general resource");
        assertFalse(order.contains(otherCategory.getId()));
        assertEquals(100, s.get(0).score());
        List<String> keys = s.get(1).reasons().stream().map(Reason::key).toList();
        assertEquals(List.of("match.reason.category", "match.reason.neighbour", "match.reason.available",
                "match.reason.load"), keys);
        assertEquals(List.of("测试社区" + town.community("B")), s.get(1).reasons().get(1).args());

        // The provider of the best resource takes on two actions elsewhere: its load now counts.
        for (int i = 0; i < 2; i++) {
            Need other = need(worker, town.grid("A", 2), null, "ELDERLY_CARE", "其他需求" + i);
            assess(other.getId());
            match(other.getId(), sameGrid.getId(), 1);
        }
        Suggestion loaded = runAs(worker, () -> matching.suggest(n.getId(), 10)).stream()
                .filter(x -> x.resourceId().equals(sameGrid.getId())).findFirst().orElseThrow();
        assertEquals(2, loaded.providerLoad());
        assertEquals(40 + 30 + 8 + 5, loaded.score(), "two of four reserved, two actions running");
        assertEquals(List.of(2L), loaded.reasons().get(3).args().stream().map(o -> ((Number) o).longValue()).toList());
    }

    @Test
    void overbooking_isRefused_andCancellingReleasesCapacity() {
        Resource r = resource(worker, town.community("A"), null, "ELDERLY_CARE", "爱心午餐", 2, "爱心餐厅");
        Need first = need(worker, town.grid("A", 1), null, "ELDERLY_CARE", "午餐一");
        Need second = need(worker, town.grid("A", 2), null, "ELDERLY_CARE", "午餐二");
        assess(first.getId());
        assess(second.getId());
        DockingAction a = match(first.getId(), r.getId(), 2);

        ConflictException over = assertThrows(ConflictException.class, () -> match(second.getId(), r.getId(), 1));
        assertEquals("resource.overbooked", over.key());
        assertEquals(List.of("爱心午餐", 0, 1), over.args());
        assertEquals("ASSESSED", runAs(worker, () -> needBoard.need(second.getId())).status(), "nothing changed");
        assertFalse(runAs(worker, () -> matching.suggest(second.getId(), 10)).stream()
                .anyMatch(s -> s.resourceId().equals(r.getId())), "a full resource is not suggested");

        runAs(worker, () -> needWorkflow.finishAction(a.getId(), false, "老人改由家属照顾"));
        assertEquals("ASSESSED", runAs(worker, () -> needBoard.need(first.getId())).status(),
                "the only action cancelled: back to be matched again");
        match(second.getId(), r.getId(), 2);
        assertEquals(2, runAs(worker, () -> resources.resource(r.getId())).getReserved());
        assertEquals("resource.capacityBelowReserved", refusedKey(() -> runAs(worker,
                () -> resources.update(r.getId(), 1, null, "AVAILABLE"))));
    }

    @Test
    void matchRefusesBadInput_fieldByField() {
        Need n = need(worker, town.grid("A", 1), null, "ELDERLY_CARE", "助浴");
        assess(n.getId());
        ValidationException e = assertThrows(ValidationException.class, () -> runAs(worker,
                () -> matching.match(n.getId(), new MatchForm(null, 0, "nobody", Set.of(), LocalDate.now(clock).minusDays(1)))));
        assertEquals(Set.of("resourceId", "quantity", "owner", "dueOn"),
                Set.copyOf(e.errors().stream().map(ValidationException.FieldError::field).toList()));
        Resource elsewhere = resource(workerB, town.community("B"), null, "ELDERLY_CARE", "外街道资源", 3, "某组织");
        Town other = fixtures.town("X");
        String otherWorker = fixtures.staff(other, "w", Role.SOCIAL_WORKER, "X");
        Resource far = resource(otherWorker, other.community("X"), null, "ELDERLY_CARE", "远处资源", 3, "远处");
        ValidationException reach = assertThrows(ValidationException.class, () -> match(n.getId(), far.getId(), 1));
        assertEquals("match.resource.outOfReach", reach.errors().get(0).key());
        match(n.getId(), elsewhere.getId(), 1);
        ValidationException badNeed = assertThrows(ValidationException.class, () -> runAs(worker,
                () -> needWorkflow.register(new NeedForm(town.grid("A", 1), null, "NO_SUCH", "SOON", "RUMOUR", "", null))));
        assertEquals(Set.of("categoryCode", "urgency", "source", "title"),
                Set.copyOf(badNeed.errors().stream().map(ValidationException.FieldError::field).toList()));
    }

    @Test
    void overdueActions_areFlaggedOnTheBoard() {
        Need n = need(worker, town.grid("A", 1), residentId, "HEALTH", "陪同就医");
        assess(n.getId());
        Resource r = resource(worker, town.community("A"), null, "HEALTH", "家庭医生团队", 5, "社区卫生服务站");
        runAs(worker, () -> matching.match(n.getId(), new MatchForm(r.getId(), 1, worker, Set.of(),
                LocalDate.now(clock).plusDays(1))));
        assertEquals(0, runAs(worker, () -> needBoard.counts(town.community("A"))).overdueActions());

        TestClock.advance(Duration.ofDays(3));
        assertEquals(1, runAs(worker, () -> needBoard.counts(town.community("A"))).overdueActions());
        Page<NeedRow> overdue = runAs(worker, () -> needBoard.board(
                new BoardFilter(town.community("A"), null, null, null, true), PageRequest.of(0, 50)));
        assertEquals(1, overdue.total());
        assertEquals(1, overdue.items().get(0).overdueActions());
        assertEquals("独居老人甲", overdue.items().get(0).residentName());
        assertEquals(1, runAs(worker, () -> needBoard.overdueActions(town.community("A"))).size());
        assertTrue(runAs(worker, () -> needBoard.need(n.getId())).actions().get(0).overdue());
    }

    @Test
    void scope_holdsInTheService() {
        Need n = need(worker, town.grid("A", 1), residentId, "HARDSHIP_RELIEF", "临时救助");
        String gridTwo = fixtures.gridWorker(town, "grid2", Set.of(town.grid("A", 2)));
        String officer = fixtures.officer(town, "officer");

        assertThrows(NotInScopeException.class, () -> runAs(workerB, () -> needBoard.need(n.getId())));
        assertThrows(NotInScopeException.class, () -> runAs(workerB, () -> needBoard.board(
                BoardFilter.of(town.community("A")), PageRequest.of(0, 10))));
        assertThrows(NotInScopeException.class, () -> runAs(gridTwo, () -> needBoard.need(n.getId())));
        assertThrows(NotInScopeException.class, () -> runAs(gridTwo, () -> needWorkflow.register(new NeedForm(
                town.grid("A", 1), null, "SAFETY", "NORMAL", "GRID_PATROL", "楼道堆物", null))));
        runAs(gridTwo, () -> needWorkflow.register(new NeedForm(town.grid("A", 2), null, "SAFETY", "NORMAL", "GRID_PATROL",
                "楼道堆物", null)));
        Page<NeedRow> gridBoard = runAs(gridTwo, () -> needBoard.board(BoardFilter.of(town.community("A")),
                PageRequest.of(0, 10)));
        assertEquals(List.of("楼道堆物"), gridBoard.items().stream().map(NeedRow::title).toList(),
                "a grid worker's board holds their own cells only");
        assertThrows(NotPermittedException.class, () -> runAs(gridTwo, () -> needWorkflow.assess(n.getId(), "x", 1, null)));

        NeedView seenByOfficer = runAs(officer, () -> needBoard.need(n.getId()));
        assertTrue(seenByOfficer.detailsHidden());
        assertNull(seenByOfficer.description(), "hardship details stay with those who handle the need");
        NeedView seenByWorker = runAs(worker, () -> needBoard.need(n.getId()));
        assertEquals("独居，行动不便，需要每周助餐", seenByWorker.description());
        assertTrue(seenByWorker.residentIdNumber().contains("*"), "the ID number is masked");

        String self = town.user("self");
        runAs(worker, () -> accounts.createResidentAccount(self, Fixtures.PASSWORD.toCharArray(), residentId));
        Need own = runAs(self, () -> needWorkflow.register(new NeedForm(null, null, "CULTURE", null, null, "想参加书法班", null)));
        assertEquals(town.grid("A", 1), runAs(self, () -> needBoard.need(own.getId())).gridCode());
        assertEquals("RESIDENT_REQUEST", own.getSource().name());
        Long otherResident = fixtures.resident(worker, "邻居乙", town.community("A"), town.grid("A", 2)).id();
        Need others = need(worker, town.grid("A", 2), otherResident, "CULTURE", "邻居的需求");
        assertThrows(NotPermittedException.class, () -> runAs(self, () -> needBoard.need(others.getId())));
    }
}
