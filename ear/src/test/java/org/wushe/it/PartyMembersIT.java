package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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
import org.wushe.volunteering.application.PartyService;
import org.wushe.volunteering.domain.WhistleCall;
import org.wushe.volunteering.domain.WhistleResponse;

/** In-service Party members report; the secretary blows the whistle; confirmed service earns Party-member points. */
@ExtendWith(ArquillianExtension.class)
class PartyMembersIT {

    @Inject
    Fixtures fixtures;

    @Inject
    Clock clock;

    @EJB
    PartyService party;

    @EJB
    SourceSettlement settlement;

    @EJB
    PointsService points;

    @EJB
    AccountService accounts;

    private Town town;
    private String secretary;
    private String member;
    private String nonMember;

    @BeforeEach
    void community() {
        town = fixtures.town("A");
        secretary = fixtures.staff(town, "secretary", Role.PARTY_SECRETARY, "A");
        String cadre = fixtures.staff(town, "cadre", Role.COMMUNITY_CADRE, "A");
        Long m = fixtures.resident(cadre, "党员甲", town.community("A"), town.grid("A", 1)).id();
        Long n = fixtures.resident(cadre, "居民乙", town.community("A"), town.grid("A", 1)).id();
        member = town.user("member");
        nonMember = town.user("resident");
        runAs(Fixtures.SECURITY, () -> accounts.createResidentAccount(member, Fixtures.PASSWORD.toCharArray(), m));
        runAs(Fixtures.SECURITY, () -> accounts.createResidentAccount(nonMember, Fixtures.PASSWORD.toCharArray(), n));
        runAs(member, () -> party.report("江城市第一人民医院", "13900001111", "每月参加一次社区义诊"));
    }

    private WhistleCall call(int needed) {
        Instant start = clock.instant().plus(Duration.ofHours(2));
        return runAs(secretary, () -> party.post(town.community("A"), "防汛沙袋搬运", needed, start,
                start.plus(Duration.ofHours(3)), null));
    }

    @Test
    void report_needsEveryField() {
        ValidationException e = assertThrows(ValidationException.class, () -> runAs(nonMember,
                () -> party.report(" ", "", null)));
        assertEquals(3, e.errors().size());
        assertEquals(1, runAs(secretary, () -> party.members(town.community("A"))).size());
    }

    @Test
    void onlyTheSecretary_postsCalls() {
        String worker = fixtures.staff(town, "worker", Role.SOCIAL_WORKER, "A");
        Instant start = clock.instant().plus(Duration.ofHours(1));
        assertThrows(NotPermittedException.class, () -> runAs(worker, () -> party.post(town.community("A"), "清扫",
                2, start, start.plus(Duration.ofHours(1)), null)));
    }

    @Test
    void onlyReportedMembers_answer_once_untilTheCallIsFull() {
        WhistleCall c = call(1);
        assertEquals("whistle.notMember", assertThrows(NotPermittedException.class,
                () -> runAs(nonMember, () -> party.answer(c.getId()))).key());
        runAs(member, () -> party.answer(c.getId()));
        assertEquals("whistle.twice", assertThrows(ConflictException.class,
                () -> runAs(member, () -> party.answer(c.getId()))).key());
        assertEquals(1, runAs(secretary, () -> party.board(town.community("A"))).get(0).answered());
    }

    @Test
    void confirmedService_earnsPartyMemberPoints_keptApartFromVolunteerPoints() {
        WhistleCall c = call(3);
        WhistleResponse r = runAs(member, () -> party.answer(c.getId()));
        String otherSecretary = fixtures.staff(town, "secretary2", Role.PARTY_SECRETARY, "A");
        assertEquals("whistle.notPoster", assertThrows(NotPermittedException.class,
                () -> runAs(otherSecretary, () -> party.confirm(r.getId(), true))).key());
        assertFalse(settlement.settle(SourceType.PARTY_SERVICE, r.getId()), "nothing to book before the poster confirms");
        runAs(secretary, () -> party.confirm(r.getId(), true));
        assertTrue(settlement.settle(SourceType.PARTY_SERVICE, r.getId()));
        assertFalse(settlement.settle(SourceType.PARTY_SERVICE, r.getId()));
        long expected = points.rule("PARTY_SERVICE", 0);
        assertEquals(expected, runAs(member, () -> points.myStatement(AccountKind.PARTY_MEMBER, PageRequest.of(0, 10))).balance());
        assertEquals(0, runAs(member, () -> points.myStatement(AccountKind.VOLUNTEER, PageRequest.of(0, 10))).balance());
        assertEquals("whistle.decided", assertThrows(ConflictException.class,
                () -> runAs(secretary, () -> party.confirm(r.getId(), false))).key());
    }
}
