package org.wushe.platform;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wushe.community.domain.Community;
import org.wushe.community.domain.Resident;
import org.wushe.points.application.SourceSettlement;
import org.wushe.points.domain.SourceType;
import org.wushe.security.domain.Account;
import org.wushe.points.domain.AccountKind;
import org.wushe.points.domain.PointAccount;
import org.wushe.points.domain.Reward;
import org.wushe.volunteering.domain.ServiceHours;
import org.wushe.volunteering.domain.Shift;
import org.wushe.volunteering.domain.Verifier;
import org.wushe.volunteering.domain.VolunteerPosition;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * The demo city's volunteering in C001 (see {@link #load}).
 */
final class DemoVolunteering {

    private final EntityManager em;
    private final SourceSettlement settlement;
    private final Instant now;

    DemoVolunteering(EntityManager em, SourceSettlement settlement, Instant now) {
        this.em = em;
        this.settlement = settlement;
        this.now = now;
    }

    /**
     * C001's volunteer station: two positions supervised by social1, shifts in the coming days, a
     * rewards catalogue, and resident1 with three verified and settled visits, so the demo shows
     * points to redeem.
     */
    void load(Community c, Map<String, Account> accounts, List<Resident> residents) {
        Account social = accounts.get("social1");
        VolunteerPosition visiting = new VolunteerPosition(c.getId(), "探访独居老人", "ELDERLY_VISITING", social.getId(),
                Set.of(), "每周上门探访、陪伴聊天、发现需求及时反映");
        VolunteerPosition canteen = new VolunteerPosition(c.getId(), "长者食堂帮厨", "CANTEEN", social.getId(), Set.of(),
                "午餐时段分餐、送餐、清洁");
        em.persist(visiting);
        em.persist(canteen);
        em.flush();
        for (int day = 1; day <= 5; day++) {
            Instant morning = now.plus(Duration.ofDays(day)).truncatedTo(ChronoUnit.HOURS);
            em.persist(new Shift(visiting, morning, morning.plus(Duration.ofHours(2)), 4));
            em.persist(new Shift(canteen, morning.plus(Duration.ofHours(3)), morning.plus(Duration.ofHours(5)), 6));
        }
        em.persist(new Reward(c.getId(), "洗衣液一瓶", Reward.Kind.GOODS, 20, 30));
        em.persist(new Reward(c.getId(), "社区理发服务", Reward.Kind.SERVICE, 30, 50));
        em.persist(new Reward(c.getId(), "社区影院电影票", Reward.Kind.GOODS, 50, 10));
        Long volunteer = accounts.get("resident1").getResidentId();
        // Opened here, in this transaction: the ledger would open them in a transaction of their own,
        // which would wait for this one's uncommitted community and resident rows.
        em.persist(PointAccount.of(AccountKind.REWARD_POOL, c.getId(), null, now));
        em.persist(PointAccount.of(AccountKind.VOLUNTEER, c.getId(), volunteer, now));
        em.flush();
        Verifier verifier = new Verifier(social.getUsername(), social.getId(), true, null, null);
        for (int visit = 1; visit <= 3; visit++) {
            Instant start = now.minus(Duration.ofDays(visit * 7L)).truncatedTo(ChronoUnit.HOURS);
            ServiceHours h = new ServiceHours(visiting, null, volunteer, start, start.plus(Duration.ofHours(2)),
                    "探访独居老人，陪伴聊天、代购生活用品", "resident1", start.plus(Duration.ofHours(3)));
            h.verify(verifier, null, 480, now);
            em.persist(h);
            em.flush();
            settlement.settle(SourceType.SERVICE_HOURS, h.getId());
        }
    }
}
