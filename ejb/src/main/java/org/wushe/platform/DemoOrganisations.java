package org.wushe.platform;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.wushe.community.domain.Actor;
import org.wushe.community.domain.ActorType;
import org.wushe.community.domain.Community;
import org.wushe.community.domain.Masking;
import org.wushe.community.domain.Resident;
import org.wushe.organisation.domain.ChecklistTick;
import org.wushe.organisation.domain.CommunityOrganisation;
import org.wushe.organisation.domain.OrganisationActivity;
import org.wushe.organisation.domain.OrganisationFunding;
import org.wushe.organisation.domain.OrganisationMember;
import org.wushe.organisation.domain.OrganisationType;
import org.wushe.organisation.domain.Recognition;
import org.wushe.security.domain.Account;

/**
 * The demo city's community organisations in C001, one per tier on the default thresholds: 银龄手工坊
 * (nascent: five months old, six members, three activities, no funds yet), 幸福邻里互助队 (growing:
 * the worked example of docs/organisations.md) and 阳光公益服务社 (mature: five years, 32 members,
 * monthly activities, 40 % self-raised, a district plaque), each with its actor in the circle and
 * some checklist items ticked.
 */
final class DemoOrganisations {

    private final EntityManager em;
    private final Instant now;
    private final LocalDate today;

    DemoOrganisations(EntityManager em, Instant now, LocalDate today) {
        this.em = em;
        this.now = now;
        this.today = today;
    }

    void load(Community c, Map<String, Account> accounts, List<Resident> residents) {
        String social = accounts.get("social1").getUsername();

        CommunityOrganisation crafts = organisation(c, "银龄手工坊", OrganisationType.CULTURE_SPORTS,
                ActorType.RESIDENT_BACKBONE, today.minusMonths(5), residents.subList(100, 106), social);
        activity(crafts, today.minusMonths(4), "剪纸入门", 12, null, 0, social);
        activity(crafts, today.minusMonths(2), "中秋灯笼制作", 18, 44, 10, social);
        activity(crafts, today.minusDays(20), "编织互助小课堂", 9, null, 0, social);
        tick(crafts, 1L, today.minusMonths(4), social);

        CommunityOrganisation neighbours = organisation(c, "幸福邻里互助队", OrganisationType.LIFE_SERVICE,
                ActorType.VOLUNTEER_TEAM, today.minusYears(2).minusMonths(3), residents.subList(110, 125), social);
        // The fifteenth member left last month: fourteen count.
        OrganisationMember gone = em.createQuery("select m from OrganisationMember m where m.organisationId = :o "
                        + "and m.residentId = :r", OrganisationMember.class).setParameter("o", neighbours.getId())
                .setParameter("r", residents.get(124).getId()).getSingleResult();
        gone.leave(today.minusMonths(1));
        String[] titles = {"楼道清洁日", "独居老人探访", "义务理发", "家电小修", "邻里议事茶话会", "代买代送", "防诈骗宣传", "邻里节"};
        int[][] rated = {{46, 20}, {42, 15}, {38, 15}};
        for (int i = 0; i < titles.length; i++) {
            int[] r = i < rated.length ? rated[i] : null;
            activity(neighbours, today.minusDays(20 + 40L * i), titles[i], 15 + i * 3, r == null ? null : r[0],
                    r == null ? 0 : r[1], social);
        }
        em.persist(new OrganisationFunding(neighbours, today.getYear() - 1, 300_000, 1_200_000));
        tick(neighbours, 5L, today.minusMonths(6), social);
        tick(neighbours, 6L, today.minusMonths(2), social);

        CommunityOrganisation charity = organisation(c, "阳光公益服务社", OrganisationType.CHARITY,
                ActorType.SOCIAL_ORGANIZATION, today.minusYears(5).minusMonths(2), residents.subList(130, 162), social);
        for (int i = 0; i < 14; i++) {
            activity(charity, today.minusDays(10 + 25L * i), i % 2 == 0 ? "爱心助餐" : "困境儿童课业辅导",
                    25 + i, 44 + i % 4, 20, social);
        }
        em.persist(new OrganisationFunding(charity, today.getYear() - 1, 600_000, 900_000));
        em.persist(new OrganisationFunding(charity, today.getYear() - 2, 400_000, 1_000_000));
        em.persist(new Recognition(charity, "区级优秀社区社会组织", "东湖区民政局", today.minusMonths(8), social));
        em.persist(new Recognition(charity, "“五社联动”优秀服务项目", "江城市民政局", today.minusMonths(3), social));
        tick(charity, 9L, today.minusMonths(5), social);
        tick(charity, 11L, today.minusMonths(3), social);
        em.flush();
    }

    /** An organisation with its actor in the circle; the first resident leads, all join on the founding day. */
    private CommunityOrganisation organisation(Community c, String name, OrganisationType type, ActorType actorType,
                                               LocalDate founded, List<Resident> members, String by) {
        Resident leader = members.get(0);
        Actor actor = new Actor(c, name, actorType, Masking.name(leader.getName()), leader.getId());
        em.persist(actor);
        em.flush();
        CommunityOrganisation o = new CommunityOrganisation(c.getId(), actor.getId(), name, type, founded,
                leader.getId(), by, now);
        em.persist(o);
        em.flush();
        for (int i = 0; i < members.size(); i++) {
            em.persist(new OrganisationMember(o, members.get(i).getId(), i == 0 ? founded : founded.plusDays(7L * i)
                    .isAfter(today) ? today : founded.plusDays(7L * i)));
        }
        em.flush();
        return o;
    }

    private void activity(CommunityOrganisation o, LocalDate on, String title, int participants, Integer tenths,
                          int respondents, String by) {
        em.persist(new OrganisationActivity(o, on, title, participants, tenths, respondents, by));
    }

    private void tick(CommunityOrganisation o, Long item, LocalDate on, String by) {
        em.persist(new ChecklistTick(o, item, on, by));
    }
}
