package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.logging.Logger;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.it.support.Fixtures;
import org.wushe.it.support.Fixtures.Town;
import org.wushe.points.application.PointsService;
import org.wushe.points.application.RewardService;
import org.wushe.points.application.SourceSettlement;
import org.wushe.points.domain.AccountKind;
import org.wushe.points.domain.Redemption;
import org.wushe.points.domain.Reward;
import org.wushe.points.domain.SourceType;
import org.wushe.security.application.AccountService;
import org.wushe.security.domain.Role;
import org.wushe.shared.ConflictException;
import org.wushe.shared.PageRequest;
import org.wushe.shared.WusheException;
import org.wushe.volunteering.application.HoursService;
import org.wushe.volunteering.application.VolunteerService;
import org.wushe.volunteering.domain.ServiceHours;
import org.wushe.volunteering.domain.VolunteerPosition;

/**
 * Redemptions never overdraw an account nor oversell stock, also when they arrive at once; a
 * cancelled redemption is refunded by a new entry.
 */
@ExtendWith(ArquillianExtension.class)
class PointsRedemptionIT {

    private static final Logger LOG = Logger.getLogger(PointsRedemptionIT.class.getName());

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
    RewardService rewards;

    @EJB
    AccountService accounts;

    @Resource
    ManagedExecutorService executor;

    private Town town;
    private String supervisor;
    private String cadre;
    private VolunteerPosition position;

    @BeforeEach
    void station() {
        town = fixtures.town("A");
        supervisor = fixtures.staff(town, "supervisor", Role.SOCIAL_WORKER, "A");
        cadre = fixtures.staff(town, "cadre", Role.COMMUNITY_CADRE, "A");
        position = runAs(cadre, () -> volunteers.createPosition(town.community("A"), "社区食堂", "CANTEEN",
                supervisor, Set.of(), null));
    }

    /** A volunteer with a self-service account and {@code hoursServed} settled hours. */
    private String volunteerWith(String name, int hoursServed) {
        Long id = fixtures.resident(cadre, name, town.community("A"), town.grid("A", 1)).id();
        String user = town.user(name.equals("甲") ? "vol-a" : "vol-" + Math.abs(name.hashCode()));
        runAs(cadre, () -> accounts.createResidentAccount(user, Fixtures.PASSWORD.toCharArray(), id));
        Instant start = clock.instant().minus(Duration.ofHours(hoursServed + 1L));
        ServiceHours h = runAs(cadre, () -> hours.record(position.getId(), null, id, start,
                start.plus(Duration.ofHours(hoursServed)), "帮厨"));
        runAs(supervisor, () -> hours.verify(h.getId()));
        settlement.settle(SourceType.SERVICE_HOURS, h.getId());
        return user;
    }

    private long balance(String user) {
        return runAs(user, () -> points.myStatement(AccountKind.VOLUNTEER, PageRequest.of(0, 50))).balance();
    }

    private List<Boolean> atOnce(int attempts, List<String> users, Long rewardId) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            String user = users.get(i % users.size());
            results.add(executor.submit(() -> {
                start.await();
                try {
                    runAs(user, () -> rewards.redeem(rewardId));
                    return true;
                } catch (WusheException refused) {
                    return false;
                }
            }));
        }
        start.countDown();
        List<Boolean> outcomes = new ArrayList<>();
        for (Future<Boolean> f : results) {
            outcomes.add(f.get());
        }
        return outcomes;
    }

    @Test
    void redeeming_moreThanTheBalance_isRefused() {
        String user = volunteerWith("甲", 1);
        long balance = balance(user);
        Reward expensive = runAs(cadre, () -> rewards.addReward(town.community("A"), "理发服务", Reward.Kind.SERVICE,
                balance + 1, 10));
        ConflictException e = assertThrows(ConflictException.class, () -> runAs(user, () -> rewards.redeem(expensive.getId())));
        assertEquals("points.overdraw", e.key());
        assertEquals(balance, balance(user));
    }

    @Test
    void concurrentRedemptions_ofOneAccount_neverOverdraw() throws Exception {
        String user = volunteerWith("甲", 3);
        long balance = balance(user);
        long cost = balance / 3;
        Reward r = runAs(cadre, () -> rewards.addReward(town.community("A"), "洗衣液", Reward.Kind.GOODS, cost, 100));
        List<Boolean> outcomes = atOnce(10, List.of(user), r.getId());
        long successes = outcomes.stream().filter(b -> b).count();
        LOG.info(() -> "concurrent redemption, one account: attempts=10 successes=" + successes
                + " balance before=" + balance + " cost=" + cost + " balance after=" + balance(user));
        assertEquals(balance / cost, successes);
        assertEquals(balance - successes * cost, balance(user));
    }

    @Test
    void concurrentRedemptions_ofTheLastItems_neverOversell() throws Exception {
        List<String> users = List.of(volunteerWith("乙", 4), volunteerWith("丙", 4), volunteerWith("丁", 4));
        Reward r = runAs(cadre, () -> rewards.addReward(town.community("A"), "电影票", Reward.Kind.GOODS, 10, 2));
        List<Boolean> outcomes = atOnce(9, users, r.getId());
        assertEquals(2, outcomes.stream().filter(b -> b).count());
        assertEquals(0, runAs(cadre, () -> rewards.catalogue(town.community("A"))).stream()
                .filter(x -> x.getId().equals(r.getId())).findFirst().orElseThrow().getStock());
    }

    @Test
    void cancelledRedemption_isRefundedByANewEntry_andStockReturns() {
        String user = volunteerWith("甲", 2);
        long before = balance(user);
        Reward r = runAs(cadre, () -> rewards.addReward(town.community("A"), "体检券", Reward.Kind.SERVICE, before, 1));
        Redemption red = runAs(user, () -> rewards.redeem(r.getId()));
        assertEquals(0, balance(user));
        runAs(cadre, () -> rewards.cancel(red.getId(), "服务取消"));
        assertEquals(before, balance(user));
        assertEquals(3, runAs(user, () -> points.myStatement(AccountKind.VOLUNTEER, PageRequest.of(0, 50))).totalEntries(),
                "earned, redeemed, refunded: entries are added, never changed");
        assertEquals("redemption.alreadyCancelled", assertThrows(ConflictException.class,
                () -> runAs(cadre, () -> rewards.cancel(red.getId(), "再次取消"))).key());
    }
}
