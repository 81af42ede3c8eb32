package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.deliberation.application.IssueService;
import org.wushe.deliberation.application.MeetingService;
import org.wushe.deliberation.application.VoteService;
import org.wushe.deliberation.application.Views;
import org.wushe.deliberation.domain.Issue;
import org.wushe.deliberation.domain.Meeting;
import org.wushe.deliberation.domain.Vote;
import org.wushe.home.application.MyWork;
import org.wushe.home.application.WorkLine;
import org.wushe.it.support.Fixtures;
import org.wushe.it.support.Fixtures.Town;
import org.wushe.it.support.NotificationProbe;
import org.wushe.it.support.PointBookings;
import org.wushe.it.support.TestClock;
import org.wushe.notification.application.Notifications;
import org.wushe.security.application.AccountService;
import org.wushe.security.domain.Role;
import org.wushe.training.application.CourseService;
import org.wushe.training.application.TrainingViews.CourseForm;
import org.wushe.training.application.EnrolmentService;
import org.wushe.training.domain.Course;
import org.wushe.training.domain.TrainingSession;
import org.wushe.points.domain.AccountKind;
import org.wushe.points.domain.Booking;
import org.wushe.points.domain.SourceType;
import org.wushe.volunteering.application.CertificateReminders;
import org.wushe.volunteering.application.PartyService;
import org.wushe.volunteering.application.VolunteerService;
import org.wushe.volunteering.domain.Certification;

/**
 * The second set of "my work" lines (meetings to record, training attendance, certifications
 * expiring, votes open to a representative) against a hand-counted fixture of two communities, and
 * the two notifications raised to many at once: a decision published to every account of its
 * community (and only there, and not when the decision rolls back), and a certification's expiry
 * reminded once.
 */
@ExtendWith(ArquillianExtension.class)
class MyWorkZonesIT {

    @Inject
    Fixtures fixtures;

    @Inject
    Clock clock;


    @EJB
    MyWork myWork;

    @EJB
    MeetingService meetings;

    @EJB
    IssueService issues;

    @EJB
    VoteService votes;

    @EJB
    CourseService courses;

    @EJB
    EnrolmentService enrolments;

    @EJB
    VolunteerService volunteers;

    @EJB
    CertificateReminders reminders;

    @EJB
    AccountService accounts;

    @EJB
    Notifications notifications;

    @EJB
    NotificationProbe probe;

    @EJB
    PointBookings bookings;

    @EJB
    PartyService party;

    private Town town;
    private String secretary;
    private String social;
    private String cadre;
    private String socialB;
    private Long residentOne;
    private Long residentTwo;
    private Long residentB;

    @BeforeEach
    void town() {
        TestClock.reset();
        town = fixtures.town("A", "B");
        secretary = fixtures.staff(town, "secretary", Role.PARTY_SECRETARY, "A");
        social = fixtures.staff(town, "social", Role.SOCIAL_WORKER, "A");
        cadre = fixtures.staff(town, "cadre", Role.COMMUNITY_CADRE, "A");
        socialB = fixtures.staff(town, "socialb", Role.SOCIAL_WORKER, "B");
        residentOne = fixtures.resident(social, "李志愿", town.community("A"), town.grid("A", 1)).id();
        residentTwo = fixtures.resident(social, "王志愿", town.community("A"), town.grid("A", 2)).id();
        residentB = fixtures.resident(socialB, "赵志愿", town.community("B"), town.grid("B", 1)).id();
    }

    @AfterEach
    void clockBack() {
        TestClock.reset();
    }

    private Map<String, WorkLine> lines(String user) {
        Map<String, WorkLine> byKind = new java.util.LinkedHashMap<>();
        runAs(user, () -> myWork.lines()).forEach(l -> byKind.put(l.kind(), l));
        return byKind;
    }

    private static long count(Map<String, WorkLine> lines, String kind) {
        return Optional.ofNullable(lines.get(kind)).map(WorkLine::count).orElse(0L);
    }

    private String residentAccount(String name, Long residentId) {
        String user = town.user(name);
        runAs(cadre, () -> accounts.createResidentAccount(user, Fixtures.PASSWORD.toCharArray(), residentId));
        return user;
    }

    @Test
    void meetingsHeldWithoutMinutes_countForThoseWhoDeliberate_untilRecorded() {
        Instant held = clock.instant().minus(Duration.ofDays(3));
        Meeting first = runAs(cadre, () -> meetings.createMeeting(town.community("A"), "居民代表会议", held, "议事厅", "停车"));
        runAs(cadre, () -> meetings.createMeeting(town.community("A"), "协商会", held.plus(Duration.ofDays(1)), "议事厅", "加装电梯"));
        runAs(cadre, () -> meetings.createMeeting(town.community("A"), "下周的会", clock.instant().plus(Duration.ofDays(7)),
                "议事厅", "绿化"));
        runAs(socialB, () -> meetings.createMeeting(town.community("B"), "另一社区的会", held, "议事厅", "停车"));

        Map<String, WorkLine> mine = lines(social);
        assertEquals(2, count(mine, "meetingsToRecord"), "held and without minutes; the one to come is not counted");
        assertEquals(3, Duration.between(mine.get("meetingsToRecord").since(), mine.get("meetingsToRecord").asOf()).toDays());
        assertEquals(Map.of("community", town.community("A")), mine.get("meetingsToRecord").params());
        assertEquals(1, count(lines(socialB), "meetingsToRecord"));

        runAs(cadre, () -> meetings.recordMinutes(first.getId(), "议定：按楼栋轮换分配车位"));
        assertEquals(1, count(lines(social), "meetingsToRecord"));
    }

    @Test
    void trainingSessionsEnded_withAttendanceNotTaken_countForTheCommunitysTrainers() {
        Course c = runAs(social, () -> courses.createCourse(town.community("A"), new CourseForm("助老服务基础", "沟通、照护、安全",
                "VOLUNTEER", 1, 60, null, "助老服务证书", 12, null)));
        Instant start = clock.instant().plus(Duration.ofHours(1));
        TrainingSession ended = runAs(social, () -> courses.addSession(c.getId(), start, start.plus(Duration.ofHours(2)),
                "社区活动室", "王老师", 10));
        TrainingSession empty = runAs(social, () -> courses.addSession(c.getId(), start, start.plus(Duration.ofHours(2)),
                "社区活动室", "李老师", 10));
        runAs(social, () -> enrolments.enrol(ended.getId(), residentOne, null));
        runAs(social, () -> enrolments.enrol(ended.getId(), residentTwo, null));
        assertEquals(0, count(lines(social), "trainingAttendance"), "not yet held");

        TestClock.advance(Duration.ofHours(5));
        Map<String, WorkLine> mine = lines(social);
        assertEquals(1, count(mine, "trainingAttendance"), "one session with trainees; the empty one waits for nobody");
        assertEquals(Map.of("community", town.community("A")), mine.get("trainingAttendance").params());
        assertEquals(0, count(lines(socialB), "trainingAttendance"));
        assertTrue(empty.getId() > 0);
    }

    @Test
    void certificationsExpiring_countTheCommunitysNotRenewed_andTheirHoldersAreRemindedOnce() {
        LocalDate today = LocalDate.now(clock);
        String one = residentAccount("one", residentOne);
        String two = residentAccount("two", residentTwo);
        String inB = town.user("inb");
        runAs(socialB, () -> accounts.createResidentAccount(inB, Fixtures.PASSWORD.toCharArray(), residentB));
        Certification soon = runAs(social, () -> volunteers.certify(residentOne, "FIRST_AID", "急救证", today.plusDays(10)));
        Certification renewedOld = runAs(social, () -> volunteers.certify(residentTwo, "FIRST_AID", "急救证", today.plusDays(5)));
        runAs(social, () -> volunteers.certify(residentTwo, "FIRST_AID", "急救证", today.plusYears(2)));
        Certification far = runAs(social, () -> volunteers.certify(residentTwo, "ELDER_CARE", "助老证", today.plusDays(60)));
        Certification otherCommunity = runAs(socialB, () -> volunteers.certify(residentB, "FIRST_AID", "急救证",
                today.plusDays(20)));

        Map<String, WorkLine> mine = lines(social);
        assertEquals(1, count(mine, "certificatesExpiring"), "the renewed one and the one in 60 days are not counted");
        assertEquals(today.plusDays(11), LocalDate.ofInstant(mine.get("certificatesExpiring").due(), clock.getZone()),
                "due: the end of the last valid day");
        assertEquals(1, count(lines(socialB), "certificatesExpiring"));

        int first = reminders.remind(today);
        assertTrue(first >= 2, "at least this town's two holders: " + first);
        assertEquals(List.of(one + ":CERTIFICATE_EXPIRING"), probe.recipients("certification", soon.getId()));
        assertEquals(List.of(inB + ":CERTIFICATE_EXPIRING"), probe.recipients("certification", otherCommunity.getId()));
        assertEquals(List.of(), probe.recipients("certification", renewedOld.getId()), "renewed: no reminder");
        assertEquals(List.of(), probe.recipients("certification", far.getId()), "not yet within 30 days");
        assertEquals(0, reminders.remind(today), "a second run (another node, the next morning) claims nothing");
        assertEquals(List.of(one + ":CERTIFICATE_EXPIRING"), probe.recipients("certification", soon.getId()));
        List<String> texts = new ArrayList<>();
        runAs(one, () -> notifications.mine(false, org.wushe.shared.PageRequest.of(0, 10))).items()
                .forEach(n -> texts.add(String.join("|", n.arguments())));
        assertTrue(texts.contains("急救证|" + today.plusDays(10)), texts.toString());

        TestClock.advance(Duration.ofDays(35));
        assertTrue(reminders.remind(LocalDate.now(clock)) >= 1, "the one in 60 days is now within 30 days");
        assertEquals(List.of(two + ":CERTIFICATE_EXPIRING"), probe.recipients("certification", far.getId()));
    }

    @Test
    void aPublishedDecision_notifiesEveryAccountOfItsCommunity_andNoneElsewhere_orWhenItRollsBack() {
        String one = residentAccount("one", residentOne);
        String inB = town.user("inb");
        runAs(socialB, () -> accounts.createResidentAccount(inB, Fixtures.PASSWORD.toCharArray(), residentB));
        runAs(one, () -> notifications.chooseOutsideKinds(List.of("DECISION_PUBLISHED")));
        Issue rolledBack = runAs(cadre, () -> issues.raise(town.community("A"), new Views.IssueForm("楼道照明",
                "夜间照明不足", "SERVICE", "CADRE", null, null)));
        Exception failed = assertThrows(Exception.class, () -> runAs(social, () -> {
            probe.failAfter("issue", () -> {
                issues.decide(rolledBack.getId(), "增设夜间照明", "居民反映强烈");
                return rolledBack.getId();
            });
            return null;
        }));
        Throwable cause = failed;
        while (!(cause instanceof NotificationProbe.AfterTheAction) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        NotificationProbe.AfterTheAction after = assertInstanceOf(NotificationProbe.AfterTheAction.class, cause);
        assertEquals(4, after.seenInTransaction, "inside its transaction the three staff and the resident were notified");
        assertEquals(List.of(), probe.recipients("issue", rolledBack.getId()), "rolled back: nobody is notified");

        Issue i = runAs(cadre, () -> issues.raise(town.community("A"), new Views.IssueForm("楼道照明",
                "夜间照明不足", "SERVICE", "CADRE", null, null)));
        runAs(social, () -> issues.decide(i.getId(), "增设夜间照明\n由物业在两周内完成", "居民反映强烈"));
        List<String> told = probe.recipients("issue", i.getId());
        assertEquals(List.of(secretary, social, cadre, one).stream().map(u -> u + ":DECISION_PUBLISHED").sorted().toList(),
                told.stream().sorted().toList(), "every account of community A, nobody of B");
        List<String> outside = probe.deliveries("issue", i.getId());
        assertEquals(1, outside.size(), "only the resident chose this kind outside the workstation: " + outside);
        assertTrue(outside.get(0).startsWith("log:"), outside.toString());
        List<String> texts = new ArrayList<>();
        runAs(one, () -> notifications.mine(true, org.wushe.shared.PageRequest.of(0, 10))).items()
                .forEach(n -> texts.add(n.kind() + ":" + String.join("|", n.arguments())));
        assertTrue(texts.contains("DECISION_PUBLISHED:楼道照明|增设夜间照明"), "the title and the decision's first line: " + texts);
    }

    @Test
    void openVotes_countForARepresentativeOfTheTerm_untilTheyCastTheirBallot() {
        LocalDate today = LocalDate.now(clock);
        String rep = residentAccount("rep", residentOne);
        String notRep = residentAccount("neighbour", residentTwo);
        Long repId = runAs(cadre, () -> meetings.appoint(town.community("A"), residentOne, today.minusYears(1),
                today.plusYears(2))).getId();
        Issue i = runAs(cadre, () -> issues.raise(town.community("A"), new Views.IssueForm("停车位分配",
                "地面停车位不足", "RESOURCE_ALLOCATION", "CADRE", null, null)));
        runAs(social, () -> issues.submitProposal(i.getId(), "按楼栋轮换", "每季度轮换一次", 0L));
        Meeting m = runAs(cadre, () -> meetings.createMeeting(town.community("A"), "居民代表会议", clock.instant(), "议事厅",
                "停车"));
        runAs(cadre, () -> meetings.recordAttendance(m.getId(), List.of(repId)));
        assertEquals(0, count(lines(rep), "votesOpen"));
        Vote vote = runAs(secretary, () -> votes.open(i.getId(), m.getId(), false));

        Map<String, WorkLine> repLines = lines(rep);
        assertEquals(1, count(repLines, "votesOpen"));
        assertEquals(Map.of("stage", "VOTING"), repLines.get("votesOpen").params());
        assertEquals(0, count(lines(notRep), "votesOpen"), "not a representative");
        runAs(rep, () -> votes.cast(vote.getId(), null, "FOR", null));
        assertEquals(0, count(lines(rep), "votesOpen"), "voted");

        // Passed by the vote, the decision is published to the community's accounts too.
        runAs(secretary, () -> votes.close(vote.getId()));
        assertEquals(List.of(secretary, social, cadre, rep, notRep).stream().map(u -> u + ":DECISION_PUBLISHED").sorted()
                .toList(), probe.recipients("issue", i.getId()).stream().filter(r -> r.endsWith("DECISION_PUBLISHED"))
                .sorted().toList());
    }

    @Test
    void aResidentsPoints_showTheBalance_andWhatExpiresWithin30Days_afterSpendingTookTheEarliest() {
        String one = residentAccount("one", residentOne);
        LocalDate today = LocalDate.now(clock);
        long community = bookings.communityId(town.community("A"));
        long source = residentOne * 10;
        bookings.book(List.of(
                new Booking(SourceType.SERVICE_HOURS, source + 1, community, residentOne, AccountKind.VOLUNTEER, 100,
                        today.plusDays(10), "soon"),
                new Booking(SourceType.SERVICE_HOURS, source + 2, community, residentOne, AccountKind.VOLUNTEER, 50,
                        today.plusDays(400), "later"),
                new Booking(SourceType.REDEMPTION, source + 3, community, residentOne, AccountKind.VOLUNTEER, -30, null,
                        "spent")));
        Map<String, WorkLine> mine = lines(one);
        assertEquals(120, count(mine, "myPoints"));
        assertEquals(70, count(mine, "myPointsExpiring"), "spending took 30 of the 100 that expire first");
        assertEquals(0, count(lines(residentAccount("two", residentTwo)), "myPoints"), "another resident's points");
    }

    @Test
    void whistleCallsAnswered_waitForTheSecretarysConfirmation() {
        String one = residentAccount("one", residentOne);
        runAs(one, () -> party.report("街道办", "13800000000", "每月参加一次志愿服务"));
        Instant start = clock.instant().plus(Duration.ofDays(1));
        var first = runAs(secretary, () -> party.post(town.community("A"), "清理楼道杂物", 5, start,
                start.plus(Duration.ofHours(2)), null));
        var second = runAs(secretary, () -> party.post(town.community("A"), "防汛值守", 5, start,
                start.plus(Duration.ofHours(3)), null));
        var answer = runAs(one, () -> party.answer(first.getId()));
        runAs(one, () -> party.answer(second.getId()));
        assertEquals(2, count(lines(one), "callsAnswered"));
        TestClock.advance(Duration.ofDays(2));
        runAs(secretary, () -> party.confirm(answer.getId(), true));
        assertEquals(1, count(lines(one), "callsAnswered"));
    }
}
