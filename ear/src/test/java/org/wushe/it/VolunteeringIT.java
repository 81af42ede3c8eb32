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
import java.util.Set;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.community.application.ResidentService;
import org.wushe.it.support.Fixtures;
import org.wushe.it.support.Fixtures.Town;
import org.wushe.points.application.PointsService;
import org.wushe.points.application.SourceSettlement;
import org.wushe.points.domain.AccountKind;
import org.wushe.points.domain.SourceType;
import org.wushe.security.application.AccountService;
import org.wushe.security.domain.Role;
import org.wushe.shared.ConflictException;
import org.wushe.shared.NotPermittedException;
import org.wushe.shared.PageRequest;
import org.wushe.shared.ValidationException;
import org.wushe.volunteering.application.HoursService;
import org.wushe.volunteering.application.VolunteerService;
import org.wushe.volunteering.domain.ServiceHours;
import org.wushe.volunteering.domain.Shift;
import org.wushe.volunteering.domain.VolunteerPosition;

/** Positions with certification, sign-up rules, and every verifier rule of service hours. */
@ExtendWith(ArquillianExtension.class)
class VolunteeringIT {

    @Inject
    Fixtures fixtures;

    @Inject
    Clock clock;

    @EJB
    VolunteerService volunteers;

    @EJB
    HoursService hours;

    @EJB
    SourceSettlement settlement;

    @EJB
    PointsService points;

    @EJB
    ResidentService residents;

    @EJB
    AccountService accounts;

    private Town town;
    private String supervisor;
    private String otherWorker;
    private String cadre;
    private Long volunteerId;
    private String volunteer;
    private VolunteerPosition position;

    @BeforeEach
    void station() {
        town = fixtures.town("A");
        supervisor = fixtures.staff(town, "supervisor", Role.SOCIAL_WORKER, "A");
        otherWorker = fixtures.staff(town, "worker2", Role.SOCIAL_WORKER, "A");
        cadre = fixtures.staff(town, "cadre", Role.COMMUNITY_CADRE, "A");
        volunteerId = fixtures.resident(cadre, "志愿者甲", town.community("A"), town.grid("A", 1)).id();
        volunteer = town.user("volunteer");
        runAs(cadre, () -> accounts.createResidentAccount(volunteer, Fixtures.PASSWORD.toCharArray(), volunteerId));
        position = runAs(cadre, () -> volunteers.createPosition(town.community("A"), "探访独居老人", "ELDERLY_VISITING",
                supervisor, Set.of("ELDER_CARE"), "每周探访"));
    }

    private Shift shift(int places, Duration fromNow) {
        Instant start = clock.instant().plus(fromNow);
        return runAs(cadre, () -> volunteers.addShift(position.getId(), start, start.plus(Duration.ofHours(2)), places));
    }

    private void certify(Long residentId, LocalDate expires) {
        runAs(supervisor, () -> volunteers.certify(residentId, "ELDER_CARE", "助老服务基础", expires));
    }

    private ServiceHours recorded(Long residentId, int hoursAgo, int length) {
        Instant start = clock.instant().minus(Duration.ofHours(hoursAgo));
        return runAs(cadre, () -> hours.record(position.getId(), null, residentId, start,
                start.plus(Duration.ofHours(length)), "陪伴聊天、打扫卫生"));
    }

    private Long otherResident(String name) {
        return fixtures.resident(cadre, name, town.community("A"), town.grid("A", 2)).id();
    }

    @Test
    void signUp_withoutOrWithExpiredCertification_isRefused() {
        Shift s = shift(3, Duration.ofDays(2));
        ConflictException missing = assertThrows(ConflictException.class, () -> runAs(volunteer, () -> volunteers.signUp(s.getId())));
        assertEquals("signup.certificationMissing", missing.key());
        assertEquals("ELDER_CARE", missing.args().get(0));
        certify(volunteerId, LocalDate.now(clock).plusDays(1));
        assertEquals("signup.certificationMissing", assertThrows(ConflictException.class,
                () -> runAs(volunteer, () -> volunteers.signUp(s.getId()))).key(), "expired before the shift's day");
        certify(volunteerId, LocalDate.now(clock).plusYears(1));
        runAs(volunteer, () -> volunteers.signUp(s.getId()));
        assertEquals("signup.twice", assertThrows(ConflictException.class,
                () -> runAs(volunteer, () -> volunteers.signUp(s.getId()))).key());
    }

    @Test
    void signUp_toAFullShift_isRefused() {
        Shift s = shift(1, Duration.ofDays(1));
        certify(volunteerId, LocalDate.now(clock).plusYears(1));
        Long secondId = otherResident("志愿者乙");
        String second = town.user("second");
        runAs(cadre, () -> accounts.createResidentAccount(second, Fixtures.PASSWORD.toCharArray(), secondId));
        certify(secondId, LocalDate.now(clock).plusYears(1));
        runAs(volunteer, () -> volunteers.signUp(s.getId()));
        ConflictException full = assertThrows(ConflictException.class, () -> runAs(second, () -> volunteers.signUp(s.getId())));
        assertEquals("signup.full", full.key());
    }

    @Test
    void supervisor_verifies_andPointsAreBookedOnce() {
        ServiceHours h = recorded(volunteerId, 5, 2);
        assertEquals(ServiceHours.Status.VERIFIED, runAs(supervisor, () -> hours.verify(h.getId())).getStatus());
        assertTrue(settlement.settle(SourceType.SERVICE_HOURS, h.getId()));
        assertFalse(settlement.settle(SourceType.SERVICE_HOURS, h.getId()), "a second settlement of the same record books nothing");
        long expected = 2 * points.rule("HOUR.ELDERLY_VISITING", 0);
        assertEquals(expected, runAs(volunteer, () -> points.myStatement(AccountKind.VOLUNTEER, PageRequest.of(0, 10))).balance());
        assertEquals("hours.notPending", assertThrows(ConflictException.class,
                () -> runAs(supervisor, () -> hours.verify(h.getId()))).key(), "a verified record does not change");
    }

    @Test
    void nobody_verifiesTheirOwnHours() {
        runAs(Fixtures.SECURITY, () -> accounts.linkResident(supervisor, volunteerId));
        ServiceHours own = recorded(volunteerId, 3, 1);
        NotPermittedException e = assertThrows(NotPermittedException.class, () -> runAs(supervisor, () -> hours.verify(own.getId())));
        assertEquals("hours.verify.own", e.key());
    }

    @Test
    void nobody_verifiesHoursOfTheirHousehold() {
        Long spouse = otherResident("督导家属");
        runAs(Fixtures.SECURITY, () -> accounts.linkResident(supervisor, spouse));
        runAs(cadre, () -> residents.assignHousehold(spouse, town.prefix() + "-H1"));
        runAs(cadre, () -> residents.assignHousehold(volunteerId, town.prefix() + "-H1"));
        ServiceHours h = recorded(volunteerId, 3, 1);
        assertEquals("hours.verify.household", assertThrows(NotPermittedException.class,
                () -> runAs(supervisor, () -> hours.verify(h.getId()))).key());
    }

    @Test
    void onlyTheSupervisor_verifiesFirst() {
        ServiceHours h = recorded(volunteerId, 3, 1);
        assertEquals("hours.verify.notSupervisor", assertThrows(NotPermittedException.class,
                () -> runAs(otherWorker, () -> hours.verify(h.getId()))).key());
        assertThrows(NotPermittedException.class, () -> runAs(cadre, () -> hours.verify(h.getId())),
                "a cadre does not verify hours at all");
    }

    @Test
    void longRecord_needsASecondApprover_whoIsNotTheFirst() {
        ServiceHours h = recorded(volunteerId, 12, 9);
        assertEquals(ServiceHours.Status.AWAITING_SECOND, runAs(supervisor, () -> hours.verify(h.getId())).getStatus());
        assertEquals("hours.verify.sameApprover", assertThrows(NotPermittedException.class,
                () -> runAs(supervisor, () -> hours.verify(h.getId()))).key());
        ServiceHours done = runAs(otherWorker, () -> hours.verify(h.getId()));
        assertEquals(ServiceHours.Status.VERIFIED, done.getStatus());
        assertEquals(supervisor, done.getFirstVerifier());
        assertEquals(otherWorker, done.getSecondVerifier());
    }

    @Test
    void rejection_needsAReason() {
        ServiceHours h = recorded(volunteerId, 3, 1);
        assertEquals("hours.reject.reasonRequired", assertThrows(ValidationException.class,
                () -> runAs(supervisor, () -> hours.reject(h.getId(), " "))).errors().get(0).key());
        assertEquals(ServiceHours.Status.REJECTED, runAs(supervisor, () -> hours.reject(h.getId(), "当天未到岗")).getStatus());
    }

    @Test
    void correction_isAReversingRecord_withAReason_once() {
        ServiceHours h = recorded(volunteerId, 4, 2);
        runAs(supervisor, () -> hours.verify(h.getId()));
        settlement.settle(SourceType.SERVICE_HOURS, h.getId());
        assertEquals("hours.reverse.reasonRequired", assertThrows(ValidationException.class,
                () -> runAs(supervisor, () -> hours.reverse(h.getId(), ""))).errors().get(0).key());
        ServiceHours reversal = runAs(supervisor, () -> hours.reverse(h.getId(), "记录重复"));
        assertEquals(-120, reversal.getMinutes());
        assertEquals(h.getId(), reversal.getReversesId());
        assertEquals("hours.reverse.twice", assertThrows(ConflictException.class,
                () -> runAs(supervisor, () -> hours.reverse(h.getId(), "再次冲销"))).key());
        assertTrue(settlement.settle(SourceType.SERVICE_HOURS, reversal.getId()));
        assertEquals(0, runAs(volunteer, () -> points.myStatement(AccountKind.VOLUNTEER, PageRequest.of(0, 10))).balance());
    }

    @Test
    void bulkVerification_verifiesTheWeek_andReportsEachRefusal() {
        Long supervisorSelf = otherResident("督导本人");
        runAs(Fixtures.SECURITY, () -> accounts.linkResident(supervisor, supervisorSelf));
        ServiceHours a = recorded(volunteerId, 2, 1);
        ServiceHours own = recorded(supervisorSelf, 3, 1);
        ServiceHours b = recorded(volunteerId, 4, 1);
        List<ServiceHours> queue = runAs(supervisor, () -> hours.queue(LocalDate.now(clock).minusDays(1)));
        assertEquals(Set.of(a.getId(), own.getId(), b.getId()),
                queue.stream().map(ServiceHours::getId).collect(java.util.stream.Collectors.toSet()));
        List<HoursService.Outcome> outcomes = runAs(supervisor,
                () -> hours.verifyAll(List.of(a.getId(), own.getId(), b.getId())));
        assertEquals(ServiceHours.Status.VERIFIED, outcomes.get(0).status());
        assertNull(outcomes.get(1).status());
        assertEquals("hours.verify.own", outcomes.get(1).refusalKey());
        assertEquals(ServiceHours.Status.VERIFIED, outcomes.get(2).status(), "one refusal does not stop the others");
    }
}
