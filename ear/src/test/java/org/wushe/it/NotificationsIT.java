package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.util.Set;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.casework.application.ReferralService;
import org.wushe.casework.application.ReferralService.ReferralForm;
import org.wushe.casework.application.ReferralService.ReferralView;
import org.wushe.community.application.ResidentView;
import org.wushe.deliberation.application.IssueService;
import org.wushe.deliberation.application.MeetingService;
import org.wushe.deliberation.application.VoteService;
import org.wushe.deliberation.domain.Meeting;
import org.wushe.deliberation.application.VetoService;
import org.wushe.deliberation.application.Views;
import org.wushe.deliberation.domain.Issue;
import org.wushe.deliberation.domain.Proposal;
import org.wushe.fund.application.AllocationService;
import org.wushe.fund.application.DonationService;
import org.wushe.fund.application.ExpenditureService;
import org.wushe.fund.application.FundSettings;
import org.wushe.fund.application.FundViews.AllocationForm;
import org.wushe.fund.application.FundViews.DonationForm;
import org.wushe.fund.application.FundViews.ExpenditureForm;
import org.wushe.fund.application.FundViews.Upload;
import org.wushe.fund.application.ProjectViews.ProjectForm;
import org.wushe.fund.domain.Expenditure;
import org.wushe.fund.domain.Project;
import org.wushe.it.support.Fixtures;
import org.wushe.it.support.Fixtures.Town;
import org.wushe.it.support.FundFixtures;
import org.wushe.it.support.NotificationProbe;
import org.wushe.it.support.TestClock;
import org.wushe.notification.application.Notifications;
import org.wushe.notification.application.Notifications.NotificationView;
import org.wushe.points.application.PointsService;
import org.wushe.points.application.RewardService;
import org.wushe.points.domain.AccountKind;
import org.wushe.points.application.SourceSettlement;
import org.wushe.points.domain.Redemption;
import org.wushe.points.domain.Reward;
import org.wushe.points.domain.SourceType;
import org.wushe.security.application.AccountService;
import org.wushe.security.domain.Role;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.PageRequest;
import org.wushe.volunteering.application.HoursService;
import org.wushe.volunteering.application.VolunteerService;
import org.wushe.volunteering.domain.ServiceHours;
import org.wushe.volunteering.domain.VolunteerPosition;

/**
 * The notification outbox: each event notifies the right account and nobody else, in the event's
 * transaction (a rolled-back action notifies no one), and only the recipient reads or marks a
 * notification.
 */
@ExtendWith(ArquillianExtension.class)
class NotificationsIT {

    @Inject
    Fixtures fixtures;

    @Inject
    FundFixtures fundFixtures;

    @Inject
    Clock clock;

    @EJB
    Notifications notifications;

    @EJB
    NotificationProbe probe;

    @EJB
    ReferralService referrals;

    @EJB
    HoursService hours;

    @EJB
    VolunteerService volunteers;

    @EJB
    AccountService accounts;

    @EJB
    ExpenditureService expenditures;

    @EJB
    DonationService donations;

    @EJB
    AllocationService allocations;

    @EJB
    FundSettings fundSettings;

    @EJB
    IssueService issues;

    @EJB
    VetoService vetoes;

    @EJB
    MeetingService meetings;

    @EJB
    VoteService votes;

    @EJB
    RewardService rewards;

    @EJB
    SourceSettlement settlement;

    @EJB
    PointsService points;

    private Town town;
    private String secretary;
    private String social;
    private String otherSocial;
    private String cadre;
    private String gridWorker;
    private String socialB;
    private ResidentView resident;

    @BeforeEach
    void community() {
        TestClock.reset();
        town = fixtures.town("A", "B");
        secretary = fixtures.staff(town, "secretary", Role.PARTY_SECRETARY, "A");
        social = fixtures.staff(town, "social", Role.SOCIAL_WORKER, "A");
        otherSocial = fixtures.staff(town, "other", Role.SOCIAL_WORKER, "A");
        cadre = fixtures.staff(town, "cadre", Role.COMMUNITY_CADRE, "A");
        gridWorker = fixtures.gridWorker(town, "grid", Set.of(town.grid("A", 1)));
        socialB = fixtures.staff(town, "socialB", Role.SOCIAL_WORKER, "B");
        resident = fixtures.resident(social, "李独居", town.community("A"), town.grid("A", 1));
    }

    @AfterEach
    void clockBack() {
        TestClock.reset();
    }

    private ReferralView refer() {
        return runAs(gridWorker, () -> referrals.refer(new ReferralForm(resident.id(), social, "MEDIUM",
                "独居老人多日未出门，邻居反映情绪低落", null, null)));
    }

    private List<NotificationView> mine(String user) {
        return runAs(user, () -> notifications.mine(false, PageRequest.of(0, 50))).items();
    }

    private NotificationView only(String user, String recordType, Long recordId) {
        List<NotificationView> found = mine(user).stream()
                .filter(n -> n.recordType().equals(recordType) && n.recordId().equals(recordId)).toList();
        assertEquals(1, found.size(), user + ": " + found);
        return found.get(0);
    }

    // ---------------------------------------------------------------- casework

    @Test
    void aReferral_notifiesItsSocialWorkerOnly_withALinkToIt() {
        long before = runAs(social, () -> notifications.unreadCount());
        ReferralView r = refer();
        assertEquals(List.of(social + ":REFERRAL_ASSIGNED"), probe.recipients("referral", r.id()));
        NotificationView n = only(social, "referral", r.id());
        assertEquals("REFERRAL_ASSIGNED", n.kind());
        assertEquals("notification.kind.REFERRAL_ASSIGNED", n.messageKey());
        assertEquals("/casework/referrals.xhtml?id=" + r.id(), n.link());
        assertEquals(String.valueOf(r.id()), n.arguments().get(0));
        assertTrue(n.unread());
        assertEquals(before + 1, runAs(social, () -> notifications.unreadCount()));
        for (String nobody : List.of(otherSocial, gridWorker, secretary, socialB)) {
            assertTrue(mine(nobody).stream().noneMatch(x -> x.recordId().equals(r.id())), nobody);
        }
    }

    @Test
    void aReturnedReferral_notifiesItsGridWorker_withTheReason() {
        ReferralView r = refer();
        runAs(social, () -> referrals.giveBack(r.id(), "请补充近期走访记录"));
        assertEquals(List.of(social + ":REFERRAL_ASSIGNED", gridWorker + ":REFERRAL_RETURNED"),
                probe.recipients("referral", r.id()));
        NotificationView n = only(gridWorker, "referral", r.id());
        assertEquals("REFERRAL_RETURNED", n.kind());
        assertEquals("请补充近期走访记录", n.arguments().get(1));
    }

    @Test
    void anEscalatedReferral_notifiesThePartySecretary_andAReassignmentItsNewSocialWorker() {
        ReferralView r = refer();
        TestClock.advance(Duration.ofHours(73));
        runAs(secretary, () -> referrals.inbox(PageRequest.of(0, 20)));
        assertEquals(List.of(social + ":REFERRAL_ASSIGNED", secretary + ":REFERRAL_ESCALATED"),
                probe.recipients("referral", r.id()));
        runAs(secretary, () -> referrals.reassign(r.id(), otherSocial));
        assertEquals(List.of(social + ":REFERRAL_ASSIGNED", secretary + ":REFERRAL_ESCALATED",
                otherSocial + ":REFERRAL_ASSIGNED"), probe.recipients("referral", r.id()));
    }

    // ---------------------------------------------------------------- volunteering

    @Test
    void verifiedAndRejectedHours_notifyTheVolunteerOnly_theRejectionWithItsReason() {
        Long volunteerId = fixtures.resident(cadre, "志愿者甲", town.community("A"), town.grid("A", 1)).id();
        String volunteer = town.user("volunteer");
        runAs(cadre, () -> accounts.createResidentAccount(volunteer, Fixtures.PASSWORD.toCharArray(), volunteerId));
        VolunteerPosition position = runAs(cadre, () -> volunteers.createPosition(town.community("A"), "探访独居老人",
                "ELDERLY_VISITING", social, Set.of(), "每周探访"));
        Instant start = clock.instant().minus(Duration.ofHours(5));
        ServiceHours good = runAs(cadre, () -> hours.record(position.getId(), null, volunteerId, start,
                start.plus(Duration.ofHours(2)), "陪伴聊天"));
        ServiceHours bad = runAs(cadre, () -> hours.record(position.getId(), null, volunteerId, start.minus(Duration.ofDays(1)),
                start.minus(Duration.ofDays(1)).plus(Duration.ofHours(1)), "打扫卫生"));
        runAs(social, () -> hours.verify(good.getId()));
        runAs(social, () -> hours.reject(bad.getId(), "当天未到岗"));
        assertEquals(List.of(volunteer + ":HOURS_VERIFIED"), probe.recipients("hours", good.getId()));
        assertEquals(List.of(volunteer + ":HOURS_REJECTED"), probe.recipients("hours", bad.getId()));
        NotificationView rejected = only(volunteer, "hours", bad.getId());
        assertEquals("当天未到岗", rejected.arguments().get(2));
        assertEquals("/volunteering/my.xhtml", rejected.link());
    }

    // ---------------------------------------------------------------- fund

    @Test
    void approvedAndRejectedExpenditures_notifyTheirRequesterOnly() {
        FundFixtures.yearsAhead(83);
        String community = town.community("A");
        runAs(Fixtures.ADMIN, () -> fundSettings.setApprovalThreshold(community, 100_000L));
        runAs(cadre, () -> donations.recordDonation(new DonationForm(community, "ENTERPRISE", "江城建设集团", null,
                1_000_000L, null, "R-" + town.prefix() + "-N", "NONE", null, null, true)));
        Project p = fundFixtures.running(social, secretary, new ProjectForm(community, "适老化改造", "为独居老人安装扶手",
                20, "独居老人", null, null, Map.of("ELDER_RENOVATION", 900_000L), List.of(), List.of()));
        runAs(cadre, () -> allocations.allocate(new AllocationForm(p.getId(), "ELDER_RENOVATION", 900_000L, "CASH", null,
                null)));
        Expenditure approved = spend(p, 300_000L);
        Expenditure rejected = spend(p, 200_000L);
        runAs(secretary, () -> expenditures.approve(approved.getId()));
        runAs(secretary, () -> expenditures.reject(rejected.getId(), "发票抬头不符"));
        assertEquals(List.of(cadre + ":EXPENDITURE_APPROVED"), probe.recipients("expenditure", approved.getId()));
        assertEquals(List.of(cadre + ":EXPENDITURE_REJECTED"), probe.recipients("expenditure", rejected.getId()));
        NotificationView n = only(cadre, "expenditure", rejected.getId());
        assertEquals(List.of("扶手与安装", "2000.00", "发票抬头不符"), n.arguments());
        assertEquals("/fund/project.xhtml?id=" + p.getId(), n.link());
    }

    private Expenditure spend(Project p, long fen) {
        return runAs(cadre, () -> expenditures.requestExpenditure(new ExpenditureForm(p.getId(), "ELDER_RENOVATION", fen,
                "江城五金店", "扶手与安装", null, new Upload("receipt.png", PNG), null)));
    }

    // ---------------------------------------------------------------- deliberation

    @Test
    void aVeto_notifiesTheProposalsAuthorOnly_withItsGrounds() {
        Issue i = runAs(cadre, () -> issues.raise(town.community("A"), new Views.IssueForm("小区停车位分配",
                "地面停车位不足，需要商议", "RESOURCE_ALLOCATION", "CADRE", null, null)));
        Proposal a = runAs(social, () -> issues.submitProposal(i.getId(), "全部车位租给外单位", "方案说明", 0L));
        runAs(secretary, () -> vetoes.veto(a.getId(), "AGAINST_PUBLIC_WELFARE", "损害居民利益的方案"));
        assertEquals(List.of(social + ":PROPOSAL_VETOED"), probe.recipients("proposal", a.getId()));
        NotificationView n = only(social, "proposal", a.getId());
        assertEquals(List.of("全部车位租给外单位", "损害居民利益的方案"), n.arguments());
        assertEquals("/deliberation/issue.xhtml?id=" + i.getId(), n.link());
    }

    @Test
    void anOpenedVote_notifiesTheCurrentRepresentativesOnly() {
        LocalDate today = LocalDate.now(clock);
        String rep = residentAccount("代表甲", "rep");
        String formerRep = residentAccount("代表乙", "former");
        String neighbour = residentAccount("居民丙", "neighbour");
        runAs(cadre, () -> meetings.appoint(town.community("A"), residentOf(rep), today.minusYears(1), today.plusYears(2)));
        runAs(cadre, () -> meetings.appoint(town.community("A"), residentOf(formerRep), today.minusYears(4),
                today.minusYears(1)));
        Issue i = runAs(cadre, () -> issues.raise(town.community("A"), new Views.IssueForm("公共收益使用",
                "停车收益如何使用", "RESOURCE_ALLOCATION", "CADRE", null, null)));
        runAs(social, () -> issues.submitProposal(i.getId(), "用于适老化改造", "方案说明", 0L));
        Meeting m = runAs(cadre, () -> meetings.createMeeting(town.community("A"), "居民代表会议", clock.instant(),
                "社区议事厅", "1. 公共收益使用"));
        runAs(secretary, () -> votes.open(i.getId(), m.getId(), false));
        assertEquals(List.of(rep + ":VOTE_OPENED"), probe.recipients("issue", i.getId()));
        assertEquals(List.of("公共收益使用", "居民代表会议"), only(rep, "issue", i.getId()).arguments());
        assertTrue(mine(neighbour).isEmpty() && mine(formerRep).isEmpty());
    }

    @Test
    void aRedemption_andItsCancellation_notifyTheVolunteer_theCancellationWithItsReason() {
        String volunteer = residentAccount("志愿者丁", "vol");
        VolunteerPosition position = runAs(cadre, () -> volunteers.createPosition(town.community("A"), "社区食堂",
                "CANTEEN", social, Set.of(), null));
        Instant start = clock.instant().minus(Duration.ofHours(3));
        ServiceHours h = runAs(cadre, () -> hours.record(position.getId(), null, residentOf(volunteer), start,
                start.plus(Duration.ofHours(2)), "帮厨"));
        runAs(social, () -> hours.verify(h.getId()));
        settlement.settle(SourceType.SERVICE_HOURS, h.getId());
        long balance = runAs(volunteer, () -> points.myStatement(AccountKind.VOLUNTEER, PageRequest.of(0, 50))).balance();
        assertTrue(balance > 0, "the verified hours earned points");
        Reward reward = runAs(cadre, () -> rewards.addReward(town.community("A"), "体检券", Reward.Kind.SERVICE, balance, 1));
        Redemption red = runAs(volunteer, () -> rewards.redeem(reward.getId()));
        runAs(cadre, () -> rewards.cancel(red.getId(), "服务取消"));
        assertEquals(List.of(volunteer + ":REDEMPTION_COMPLETED", volunteer + ":REDEMPTION_CANCELLED"),
                probe.recipients("redemption", red.getId()));
        NotificationView cancelled = mine(volunteer).stream().filter(n -> n.kind().equals("REDEMPTION_CANCELLED"))
                .findFirst().orElseThrow();
        assertEquals(List.of("体检券", String.valueOf(balance), "服务取消"), cancelled.arguments());
    }

    private final java.util.Map<String, Long> residents = new java.util.HashMap<>();

    /** A resident of community A with a self-service account; returns the user name. */
    private String residentAccount(String name, String user) {
        Long id = fixtures.resident(cadre, name, town.community("A"), town.grid("A", 1)).id();
        String username = town.user(user);
        runAs(cadre, () -> accounts.createResidentAccount(username, Fixtures.PASSWORD.toCharArray(), id));
        residents.put(username, id);
        return username;
    }

    private Long residentOf(String username) {
        return residents.get(username);
    }

    // ---------------------------------------------------------------- the outbox's transaction

    @Test
    void anActionThatRollsBack_afterItsNotificationWasWritten_notifiesNobody() {
        long before = runAs(social, () -> notifications.unreadCount());
        NotificationProbe.AfterTheAction failed = assertThrows(NotificationProbe.AfterTheAction.class,
                () -> runAs(gridWorker, () -> {
                    try {
                        probe.failAfter("referral", () -> refer().id());
                    } catch (jakarta.ejb.EJBException e) {
                        throw (RuntimeException) e.getCause();
                    }
                    return null;
                }));
        assertEquals(1, failed.seenInTransaction, "the notification was written inside the action's transaction");
        assertEquals(before, runAs(social, () -> notifications.unreadCount()));
        assertTrue(runAs(gridWorker, () -> referrals.outbox(PageRequest.of(0, 10))).items().isEmpty(),
                "the referral rolled back with it");
    }

    // ---------------------------------------------------------------- reading and marking

    @Test
    void onlyTheRecipient_readsOrMarksANotification() {
        ReferralView r = refer();
        NotificationView n = only(social, "referral", r.id());
        assertThrows(NotFoundException.class, () -> runAs(otherSocial, () -> notifications.markRead(n.id())));
        assertThrows(NotFoundException.class, () -> runAs(social, () -> notifications.markRead(null)));
        assertThrows(NotFoundException.class, () -> runAs(social, () -> notifications.markRead(-1L)));
        assertTrue(only(social, "referral", r.id()).unread(), "a refused mark changes nothing");
        NotificationView read = runAs(social, () -> notifications.markRead(n.id()));
        assertNotNull(read.readAt());
        assertEquals(0, runAs(social, () -> notifications.unreadCount()));
        assertTrue(runAs(social, () -> notifications.mine(true, PageRequest.of(0, 10))).items().isEmpty());
        ReferralView second = refer();
        ReferralView third = refer();
        List<NotificationView> newestFirst = mine(social);
        assertEquals(List.of(third.id(), second.id(), r.id()), newestFirst.stream().map(NotificationView::recordId).toList());
        assertEquals(2, runAs(social, () -> notifications.markAllRead()));
        assertEquals(0, runAs(social, () -> notifications.unreadCount()));
        assertEquals(3, runAs(social, () -> notifications.mine(false, PageRequest.of(0, 10))).total());
    }
}
