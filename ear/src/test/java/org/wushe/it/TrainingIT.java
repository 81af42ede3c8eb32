package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.docking.application.NeedForm;
import org.wushe.docking.application.NeedWorkflow;
import org.wushe.docking.application.ActivityService;
import org.wushe.it.support.Fixtures;
import org.wushe.it.support.Fixtures.Town;
import org.wushe.it.support.TestClock;
import org.wushe.points.application.PointsLedger;
import org.wushe.points.application.SourceSettlement;
import org.wushe.points.domain.SourceType;
import org.wushe.security.application.AccountService;
import org.wushe.security.domain.Role;
import org.wushe.shared.ConflictException;
import org.wushe.shared.NotInScopeException;
import org.wushe.shared.NotPermittedException;
import org.wushe.shared.ValidationException;
import org.wushe.training.application.CourseService;
import org.wushe.training.application.EnrolmentService;
import org.wushe.training.application.LadderService;
import org.wushe.training.application.TrainingResultService;
import org.wushe.training.application.TrainingViews;
import org.wushe.training.application.TrainingViews.CourseForm;
import org.wushe.training.domain.Course;
import org.wushe.training.domain.Enrolment;
import org.wushe.training.domain.TrainingPractice;
import org.wushe.training.domain.TrainingSession;
import org.wushe.volunteering.application.HoursService;
import org.wushe.volunteering.application.VolunteerService;
import org.wushe.volunteering.domain.Certification;
import org.wushe.volunteering.domain.ServiceHours;
import org.wushe.volunteering.domain.VolunteerPosition;

/**
 * Capacity training on the server: full sessions and capacity levels refused, certification only on a
 * pass and its expiry, "completed and practised once" turning into points exactly once, and the
 * participation ladder's monthly snapshots.
 */
@ExtendWith(ArquillianExtension.class)
class TrainingIT {

    @Inject
    Fixtures fixtures;

    @Inject
    Clock clock;

    @EJB
    CourseService courseService;

    @EJB
    EnrolmentService enrolments;

    @EJB
    TrainingResultService results;

    @EJB
    SourceSettlement settlement;

    @EJB
    LadderService ladder;

    @EJB
    VolunteerService volunteers;

    @EJB
    HoursService hours;

    @EJB
    PointsLedger ledger;

    @EJB
    NeedWorkflow needWorkflow;

    @EJB
    ActivityService activityService;

    @EJB
    AccountService accounts;

    private Town town;
    private String worker;
    private Long alice;
    private Long bob;

    @BeforeEach
    void station() {
        TestClock.reset();
        town = fixtures.town("A", "B");
        worker = fixtures.staff(town, "worker", Role.SOCIAL_WORKER, "A");
        alice = fixtures.resident(worker, "学员甲", town.community("A"), town.grid("A", 1)).id();
        bob = fixtures.resident(worker, "学员乙", town.community("A"), town.grid("A", 2)).id();
    }

    @AfterEach
    void clockBack() {
        TestClock.reset();
    }

    private Course course(int level, String certificate, String practiceKind) {
        return runAs(worker, () -> courseService.createCourse(town.community("A"), new CourseForm("助老服务基础", "沟通、照护、安全",
                "VOLUNTEER", level, 60, certificate, "助老服务证书", 12, practiceKind)));
    }

    private TrainingSession session(Course c, int places) {
        Instant start = clock.instant().plus(Duration.ofHours(1));
        return runAs(worker, () -> courseService.addSession(c.getId(), start, start.plus(Duration.ofHours(2)), "社区活动室",
                "王老师", places));
    }

    private String key(Runnable r) {
        return assertThrows(ConflictException.class, r::run).key();
    }

    @Test
    void aFullSessionAndALevelNotMet_areRefused() {
        Course c = course(2, null, null);
        TrainingSession s = session(c, 1);
        ConflictException level = assertThrows(ConflictException.class,
                () -> runAs(worker, () -> enrolments.enrol(s.getId(), alice, null)));
        assertEquals("training.level.notMet", level.key());
        assertEquals(List.of(2, 1), level.args());

        ValidationException noReason = assertThrows(ValidationException.class,
                () -> runAs(worker, () -> enrolments.setCapacityLevel(alice, 4, "")));
        assertEquals(Set.of("level", "reason"),
                Set.copyOf(noReason.errors().stream().map(ValidationException.FieldError::field).toList()));
        runAs(worker, () -> enrolments.setCapacityLevel(alice, 2, "完成初级课程并参与服务半年"));
        runAs(worker, () -> enrolments.setCapacityLevel(bob, 3, "持有护理资格"));
        runAs(worker, () -> enrolments.enrol(s.getId(), alice, null));
        assertEquals("training.enrol.twice", key(() -> runAs(worker, () -> enrolments.enrol(s.getId(), alice, null))));
        assertEquals("training.session.full", key(() -> runAs(worker, () -> enrolments.enrol(s.getId(), bob, null))));

        String gridWorker = fixtures.gridWorker(town, "grid", Set.of(town.grid("A", 1)));
        assertEquals("training.targetGroup", key(() -> runAs(worker, () -> enrolments.enrol(s.getId(), null, gridWorker))));
        String workerB = fixtures.staff(town, "workerb", Role.SOCIAL_WORKER, "B");
        assertThrows(NotInScopeException.class, () -> runAs(workerB, () -> enrolments.enrol(s.getId(), bob, null)));
        assertThrows(NotInScopeException.class, () -> runAs(workerB, () -> courseService.sessionDetail(s.getId())));
        TrainingViews.SessionView detail = runAs(worker, () -> courseService.sessionDetail(s.getId())).sessions().get(0);
        assertEquals(List.of(1, 1L), List.of(detail.places(), detail.taken()), "one place, taken");

        TestClock.advance(Duration.ofHours(2));
        assertEquals("training.session.past", key(() -> runAs(worker, () -> enrolments.enrol(s.getId(), bob, null))));
    }

    @Test
    void aPassIssuesTheCertification_aFailDoesNot_andItExpires() {
        String code = "ELDER_AID_" + town.prefix();
        Course c = course(1, code, null);
        TrainingSession s = session(c, 10);
        Enrolment a = runAs(worker, () -> enrolments.enrol(s.getId(), alice, null));
        Enrolment b = runAs(worker, () -> enrolments.enrol(s.getId(), bob, null));
        String aliceUser = town.user("alice");
        runAs(worker, () -> accounts.createResidentAccount(aliceUser, Fixtures.PASSWORD.toCharArray(), alice));

        assertEquals("training.attendance.early", key(() -> runAs(worker,
                () -> results.attendance(s.getId(), Map.of(a.getId(), true)))));
        TestClock.advance(Duration.ofHours(2));
        runAs(worker, () -> results.attendance(s.getId(), Map.of(a.getId(), true, b.getId(), false)));
        assertEquals("training.assess.notAttended", key(() -> runAs(worker, () -> results.assess(b.getId(), 90))));
        assertEquals("training.score.range", assertThrows(ValidationException.class,
                () -> runAs(worker, () -> results.assess(a.getId(), 101))).errors().get(0).key());

        Enrolment failed = runAs(worker, () -> results.assess(a.getId(), 55));
        assertFalse(failed.getPassed());
        assertNull(failed.getCertificationId());
        assertTrue(runAs(worker, () -> volunteers.certifications(alice)).stream().noneMatch(x -> x.getCode().equals(code)),
                "no certification on a fail");
        assertEquals("training.assess.twice", key(() -> runAs(worker, () -> results.assess(a.getId(), 80))));

        TrainingSession again = session(c, 10);
        Enrolment retake = runAs(aliceUser, () -> enrolments.enrol(again.getId(), null, null));
        TestClock.advance(Duration.ofHours(2));
        runAs(worker, () -> results.attendance(again.getId(), Map.of(retake.getId(), true)));
        Enrolment passed = runAs(worker, () -> results.assess(retake.getId(), 85));
        assertTrue(passed.getPassed());
        Certification cert = runAs(worker, () -> volunteers.certifications(alice)).stream()
                .filter(x -> x.getCode().equals(code)).findFirst().orElseThrow();
        assertEquals(LocalDate.now(clock).plusMonths(12), cert.getExpiresOn());
        assertEquals(Certification.IssuedBy.TRAINING, cert.getIssuedByKind());

        TrainingViews.MyTraining mine = runAs(aliceUser, () -> enrolments.myTrainings()).get(0);
        assertEquals(code, mine.certificationCode());
        assertTrue(mine.certificateValid());
        TestClock.advance(Duration.ofDays(400));
        assertFalse(runAs(aliceUser, () -> enrolments.myTrainings()).get(0).certificateValid(), "expired after 12 months");
        assertThrows(NotPermittedException.class, () -> runAs(aliceUser, () -> results.assess(retake.getId(), 100)));
    }

    @Test
    void aPassedTrainingPractisedOnce_earnsItsPointsExactlyOnce() {
        String cadre = fixtures.staff(town, "cadre", Role.COMMUNITY_CADRE, "A");
        String kind = "ELDERLY_VISITING";
        Course c = course(1, "VISIT_" + town.prefix(), kind);
        TrainingSession s = session(c, 5);
        Enrolment e = runAs(worker, () -> enrolments.enrol(s.getId(), alice, null));
        TestClock.advance(Duration.ofHours(2));
        runAs(worker, () -> results.attendance(s.getId(), Map.of(e.getId(), true)));
        runAs(worker, () -> results.assess(e.getId(), 90));
        assertEquals("training.practice.none", key(() -> runAs(worker, () -> results.linkPractice(e.getId()))));

        VolunteerPosition visiting = runAs(cadre, () -> volunteers.createPosition(town.community("A"), "探访独居老人", kind,
                worker, Set.of(), "每周探访"));
        VolunteerPosition other = runAs(cadre, () -> volunteers.createPosition(town.community("A"), "环境清洁", "CLEANING",
                worker, Set.of(), "楼道清洁"));
        TestClock.advance(Duration.ofHours(4));
        Instant start = clock.instant().minus(Duration.ofHours(3));
        ServiceHours cleaning = runAs(cadre, () -> hours.record(other.getId(), null, alice, start,
                start.plus(Duration.ofHours(1)), "清扫楼道"));
        runAs(worker, () -> hours.verify(cleaning.getId()));
        assertEquals("training.practice.none", key(() -> runAs(worker, () -> results.linkPractice(e.getId()))),
                "a service of another kind does not count");
        ServiceHours visit = runAs(cadre, () -> hours.record(visiting.getId(), null, alice, start.plus(Duration.ofHours(1)),
                start.plus(Duration.ofHours(2)), "探访王奶奶"));
        assertEquals("training.practice.none", key(() -> runAs(worker, () -> results.linkPractice(e.getId()))),
                "not verified yet");
        runAs(worker, () -> hours.verify(visit.getId()));

        TrainingPractice p = runAs(worker, () -> results.linkPractice(e.getId()));
        assertEquals(visit.getId(), p.getServiceHoursId());
        assertEquals(p.getId(), runAs(worker, () -> results.linkPractice(e.getId())).getId(), "one link per training");
        assertTrue(settlement.settle(SourceType.TRAINING_PRACTISED, p.getId()));
        assertFalse(settlement.settle(SourceType.TRAINING_PRACTISED, p.getId()), "booked once only");
        assertTrue(ledger.isBooked(SourceType.TRAINING_PRACTISED, p.getId()));
    }

    @Test
    void theLadder_placesResidentsAndShowsWhoMovedUp() {
        Long carol = fixtures.resident(worker, "居民丙", town.community("A"), town.grid("A", 1)).id();
        LocalDate today = LocalDate.now(clock);
        for (int i = 0; i < 2; i++) {
            int n = i;
            runAs(worker, () -> activityService.recordActivity(town.community("A"), "旧活动" + n, today.minusDays(60 + n),
                    null, null, List.of(new ActivityService.Attendee(alice, null))));
        }
        LocalDate lastMonth = today.withDayOfMonth(1).minusMonths(1);
        runAs(worker, () -> ladder.snapshot(town.community("A"), lastMonth));

        for (int i = 0; i < 3; i++) {
            int n = i;
            runAs(worker, () -> activityService.recordActivity(town.community("A"), "本月活动" + n, today, null, null,
                    List.of(new ActivityService.Attendee(bob, null))));
        }
        for (int i = 0; i < 2; i++) {
            int n = i;
            runAs(worker, () -> needWorkflow.register(new NeedForm(town.grid("A", 2), bob, "CULTURE", "NORMAL",
                    "RESIDENT_REQUEST", "想组织读书会" + n, null)));
        }
        assertEquals(2, runAs(worker, () -> ladder.snapshot(town.community("A"), today)));

        LadderService.LadderView v = runAs(worker, () -> ladder.ladder(town.community("A")));
        assertEquals(3, v.residents());
        assertEquals(2, v.months().size());
        LadderService.Distribution now = v.months().get(1);
        assertEquals(List.of(1L, 1L, 1L), List.of(now.passive(), now.cooperative(), now.autonomous()));
        LadderService.Distribution before = v.months().get(0);
        assertEquals(List.of(2L, 1L, 0L), List.of(before.passive(), before.cooperative(), before.autonomous()));
        assertEquals(1, v.movedUp().size());
        LadderService.Mover moved = v.movedUp().get(0);
        assertEquals(List.of("学员乙", "PASSIVE", "AUTONOMOUS", 3, 2, 0),
                List.of(moved.name(), moved.from(), moved.to(), moved.participations(), moved.proposals(), moved.led()));
        assertFalse(v.movedUp().stream().anyMatch(m -> m.residentId().equals(carol)));

        assertEquals(2, runAs(worker, () -> ladder.snapshot(town.community("A"), today)), "taken again, replaced");
        assertThrows(ValidationException.class, () -> runAs(worker,
                () -> ladder.snapshot(town.community("A"), today.plusMonths(1).withDayOfMonth(1))));
        String officer = fixtures.officer(town, "officer");
        assertThrows(NotPermittedException.class, () -> runAs(officer, () -> ladder.snapshot(town.community("A"), today)));
        assertEquals(3, runAs(officer, () -> ladder.ladder(town.community("A"))).residents());
    }
}
