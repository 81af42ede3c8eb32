package org.wushe.platform;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wushe.community.domain.Actor;
import org.wushe.community.domain.ActorType;
import org.wushe.community.domain.Community;
import org.wushe.community.domain.GridCell;
import org.wushe.community.domain.Resident;
import org.wushe.docking.application.Matcher;
import org.wushe.docking.application.Reason;
import org.wushe.docking.domain.Activity;
import org.wushe.docking.domain.ActionStatus;
import org.wushe.docking.domain.ActionTally;
import org.wushe.docking.domain.Attendance;
import org.wushe.docking.domain.DockingAction;
import org.wushe.docking.domain.Inspection;
import org.wushe.docking.domain.IssueNature;
import org.wushe.docking.domain.Need;
import org.wushe.docking.domain.NeedSource;
import org.wushe.docking.domain.OpportunityApplication;
import org.wushe.docking.domain.OpportunityItem;
import org.wushe.docking.domain.OpportunityList;
import org.wushe.docking.domain.Resource;
import org.wushe.docking.domain.ResourceType;
import org.wushe.docking.domain.ServiceItem;
import org.wushe.docking.domain.ServiceStatus;
import org.wushe.docking.domain.ServiceVote;
import org.wushe.docking.domain.Sphere;
import org.wushe.docking.domain.Urgency;
import org.wushe.security.domain.Account;

/**
 * The demo city's resource docking in C001 (and a neighbour's resources): a five-sphere ledger,
 * needs at every step of the loop (one with an overdue action), the year's published opportunity
 * list with applications, activities with attendance, the service list with votes, and inspections.
 * Written with the entities directly, in the loader's transaction, as the loop's services would.
 */
final class DemoDocking {

    private final EntityManager em;
    private final Instant now;
    private final LocalDate today;

    DemoDocking(EntityManager em, Instant now, LocalDate today) {
        this.em = em;
        this.now = now;
        this.today = today;
    }

    void load(Community c, Community neighbour, Map<String, GridCell> grids, Map<String, Account> accounts,
              List<Resident> residents) {
        String social = accounts.get("social1").getUsername();
        String secretary = accounts.get("secretary1").getUsername();
        GridCell g1 = grids.get(c.getCode() + "-G01");
        GridCell g2 = grids.get(c.getCode() + "-G02");
        GridCell g3 = grids.get(c.getCode() + "-G03");
        List<Actor> actors = em.createQuery("select a from Actor a where a.community.id = :c order by a.id", Actor.class)
                .setParameter("c", c.getId()).getResultList();
        Actor socialOrg = first(actors, ActorType.SOCIAL_ORGANIZATION);
        Actor agency = first(actors, ActorType.SOCIAL_WORK_AGENCY);
        Actor team = first(actors, ActorType.VOLUNTEER_TEAM);

        LocalDate from = today.minusMonths(2);
        Resource venue = resource(c, null, Sphere.COMMUNITY, ResourceType.VENUE, null, "社区多功能活动室", null,
                "桃园社区居委会", 10, "场次", from);
        Resource casework = resource(c, g1, Sphere.SOCIAL_WORKER, ResourceType.SERVICE, "ELDERLY_CARE",
                "个案探访与照护评估", agency, null, 6, "人次", from);
        Resource meals = resource(c, g2, Sphere.VOLUNTEER, ResourceType.SERVICE, "ELDERLY_CARE", "银发助餐送餐",
                team, null, 8, "人", from);
        Resource disability = resource(c, null, Sphere.SOCIAL_ORGANIZATION, ResourceType.SERVICE, "DISABILITY",
                "康复辅具借用与上门康复", socialOrg, null, 4, "人", from);
        Resource goods = resource(c, null, Sphere.CHARITY, ResourceType.GOODS, "HARDSHIP_RELIEF", "爱心超市米面油礼包",
                null, "桃园爱心超市", 40, "份", from);
        Resource fund = resource(c, null, Sphere.CHARITY, ResourceType.FUNDS, "HARDSHIP_RELIEF", "社区慈善基金临时救助",
                null, "东湖社区慈善基金", 20000, "元", from);
        resource(c, g3, Sphere.VOLUNTEER, ResourceType.SKILL, "CHILDREN", "四点半课堂作业辅导", team, null, 15, "人",
                from);
        resource(c, null, Sphere.COMMUNITY, ResourceType.SERVICE, "HEALTH", "家庭医生签约上门", null,
                "东湖社区卫生服务中心", 10, "人次", from);
        if (neighbour != null) {
            resource(neighbour, null, Sphere.SOCIAL_ORGANIZATION, ResourceType.SERVICE, "ELDERLY_CARE",
                    "长者日间照料", null, neighbour.getName() + "日间照料中心", 12, "人", from);
        }
        em.flush();

        Resident r0 = residents.get(3);
        Resident r1 = residents.get(7);
        Resident r2 = residents.get(11);
        Resident r3 = residents.get(15);
        need(g1, null, "SAFETY", Urgency.NORMAL, NeedSource.GRID_PATROL, "3 栋楼道堆放杂物，影响消防通道",
                "网格巡查发现 3 栋 2 单元楼道堆放纸箱和旧家具", 1, social);
        Need assessed = need(g1, r0.getId(), "ELDERLY_CARE", Urgency.HIGH, NeedSource.HOME_VISIT,
                "独居老人需要助餐", "老人行动不便，独自居住，午餐难以保证", 5, social);
        assess(assessed, "需工作日午餐送餐上门，每周五次", 1, social);
        Need matched = need(g2, r1.getId(), "DISABILITY", Urgency.NORMAL, NeedSource.RESIDENT_REQUEST,
                "申请借用轮椅", "术后康复期需要轮椅三个月", 6, social);
        assess(matched, "短期借用轮椅，并安排康复师上门指导一次", 2, social);
        action(matched, disability, 1, social, today.plusDays(5), null);
        Need late = need(g1, r2.getId(), "ELDERLY_CARE", Urgency.HIGH, NeedSource.HOME_VISIT,
                "高龄老人照护评估", "九十岁老人近期跌倒一次，家属希望评估居家照护", 12, social);
        assess(late, "需社工上门做照护评估，并联系家庭医生", 1, social);
        DockingAction overdue = action(late, casework, 1, social, today.minusDays(2), null);
        overdue.start(now.minus(Duration.ofDays(8)));
        started(late, overdue, social, 8);
        Need fed = need(g2, r3.getId(), "HARDSHIP_RELIEF", Urgency.HIGH, NeedSource.HOME_VISIT,
                "因病致困家庭临时救助", "家中主要劳动力住院，收入中断", 20, social);
        assess(fed, "发放米面油礼包并申请临时救助金", 1, social);
        DockingAction given = action(fed, goods, 2, social, today.minusDays(10), null);
        given.start(now.minus(Duration.ofDays(16)));
        started(fed, given, social, 16);
        given.finish(ActionStatus.DONE, "已送达两份礼包", now.minus(Duration.ofDays(12)));
        goods.release(2);
        em.persist(fed.recordFeedback("家属表示缓解了燃眉之急", new ActionTally(0, 1), now.minus(Duration.ofDays(11)),
                social));
        Need closed = need(g2, residents.get(19).getId(), "ELDERLY_CARE", Urgency.NORMAL, NeedSource.RESIDENT_REQUEST,
                "老人想参加社区助餐", "希望在社区长者食堂就餐", 40, social);
        assess(closed, "可到长者食堂就餐，需办理就餐卡", 3, social);
        DockingAction done = action(closed, meals, 1, social, today.minusDays(25), null);
        done.start(now.minus(Duration.ofDays(35)));
        started(closed, done, social, 35);
        done.finish(ActionStatus.DONE, "已办卡，每日在食堂就餐", now.minus(Duration.ofDays(30)));
        meals.release(1);
        em.persist(closed.recordFeedback("饭菜可口，价格合适", new ActionTally(0, 1), now.minus(Duration.ofDays(29)),
                social));
        em.persist(closed.close(5, "很满意，谢谢社区", "本人", now.minus(Duration.ofDays(28)), social));

        int year = today.getYear();
        OpportunityList list = new OpportunityList(c.getId(), year);
        em.persist(list);
        em.flush();
        OpportunityItem stairs = item(list, "老旧小区楼道微更新方案议事", IssueNature.RULE_MAKING,
                EnumSet.of(ActorType.RESIDENT_BACKBONE, ActorType.PROPERTY_MANAGEMENT, ActorType.BUSINESS_COMMITTEE), 8,
                "讨论楼道照明、扶手和堆物治理的方案");
        OpportunityItem canteen = item(list, "长者食堂运营监督", IssueNature.SERVICE,
                EnumSet.of(ActorType.RESIDENT_BACKBONE, ActorType.SOCIAL_ORGANIZATION), 5, "每月抽查饭菜质量与价格");
        OpportunityItem fundUse = item(list, "社区微基金项目评审", IssueNature.RESOURCE_ALLOCATION,
                EnumSet.of(ActorType.RESIDENT_BACKBONE, ActorType.SOCIAL_WORK_AGENCY, ActorType.JURISDICTION_UNIT), 6,
                "评审本年度微基金申请项目");
        list.publish(now.minus(Duration.ofDays(60)), secretary);

        List<Resident> regulars = residents.subList(30, 42);
        List<Long> activityIds = new ArrayList<>();
        String[] titles = {"重阳节敬老活动", "垃圾分类宣传", "楼道议事会", "四点半课堂开课", "消防演练", "邻里节"};
        for (int i = 0; i < titles.length; i++) {
            Activity a = new Activity(c.getId(), titles[i], today.minusDays(10L + 12L * i), i == 2 ? stairs.getId() : null,
                    null, social, now);
            em.persist(a);
            em.flush();
            activityIds.add(a.getId());
            for (int k = 0; k < regulars.size(); k++) {
                if (i < titles.length - k) { // the first regular came to all six, the sixth to one, the rest to none
                    Resident who = regulars.get(k);
                    em.persist(new Attendance(a.getId(), who.getId(), null, who.getName()));
                }
            }
            for (Actor actor : List.of(team, agency)) {
                if (actor != null && (i + actor.getType().ordinal()) % 2 == 0) {
                    em.persist(new Attendance(a.getId(), null, actor.getId(), actor.getName()));
                }
            }
            Actor party = first(actors, ActorType.PARTY_ORGANIZATION);
            if (party != null) {
                em.persist(new Attendance(a.getId(), null, party.getId(), party.getName()));
            }
        }
        for (int k = 0; k < 6; k++) {
            Resident who = regulars.get(k);
            em.persist(new OpportunityApplication(stairs, who.getId(), null, who.getName(),
                    now.minus(Duration.ofDays(20 - k))));
        }
        if (socialOrg != null) {
            em.persist(new OpportunityApplication(canteen, null, socialOrg.getId(), socialOrg.getName(),
                    now.minus(Duration.ofDays(15))));
        }
        em.persist(new OpportunityApplication(fundUse, regulars.get(8).getId(), null, regulars.get(8).getName(),
                now.minus(Duration.ofDays(9))));

        ServiceItem lunch = new ServiceItem(c.getId(), year, "长者食堂助餐服务", "工作日午餐，高龄老人送餐上门",
                closed.getId());
        ServiceItem classes = new ServiceItem(c.getId(), year, "四点半课堂", "放学后作业辅导与兴趣活动", null);
        ServiceItem safety = new ServiceItem(c.getId(), year, "楼道消防隐患排查", "每季度一次全覆盖排查", null);
        em.persist(lunch);
        em.persist(classes);
        em.persist(safety);
        em.flush();
        lunch.setStatus(ServiceStatus.COMPLETED, "全年供餐 230 天，日均 46 人", now.minus(Duration.ofDays(5)));
        classes.setStatus(ServiceStatus.IN_PROGRESS, null, now);
        for (int k = 0; k < 5; k++) {
            em.persist(new ServiceVote(lunch.getId(), regulars.get(k).getId(), 4 + k % 2, k == 0 ? "饭菜可口" : null,
                    now.minus(Duration.ofDays(4 - k % 4))));
        }
        em.persist(new ServiceVote(classes.getId(), regulars.get(6).getId(), 5, "孩子很喜欢", now.minus(Duration.ofDays(2))));

        inspection(c, 15, "区民政局", "养老服务设施安全检查", "6.0", "服务台账、消防记录", 14, social);
        inspection(c, 40, "街道办事处", "基层治理考核", "16.5", "年度工作总结、照片", 42, social);
        inspection(c, 70, "区文明办", "文明城区创建测评", "24.0", "迎检材料汇编", 60, social);
        inspection(c, 100, "区卫健委", "爱国卫生检查", "4.5", null, 6, social);
        em.flush();
    }

    private static Actor first(List<Actor> actors, ActorType type) {
        return actors.stream().filter(a -> a.getType() == type).findFirst().orElse(null);
    }

    private Resource resource(Community c, GridCell grid, Sphere sphere, ResourceType type, String category, String name,
                              Actor actor, String providerName, int capacity, String unit, LocalDate from) {
        Resource r = new Resource(c.getId(), grid == null ? null : grid.getId(), sphere, type, category, name, null,
                actor == null ? null : actor.getId(), null, actor == null ? providerName : actor.getName(), capacity,
                unit, from, null, now);
        em.persist(r);
        return r;
    }

    private Need need(GridCell grid, Long resident, String category, Urgency urgency, NeedSource source, String title,
                      String description, int daysAgo, String by) {
        GridCell where = resident == null ? grid : em.find(Resident.class, resident).getGridCell();
        Need n = new Need(where, resident, category, urgency, source, title, description,
                now.minus(Duration.ofDays(daysAgo)), by);
        em.persist(n);
        em.flush();
        em.persist(n.registration());
        return n;
    }

    private void assess(Need n, String findings, int priority, String by) {
        long daysAgo = Math.max(0, Duration.between(n.getRegisteredAt(), now).toDays() - 1);
        em.persist(n.assess(findings, priority, n.getUrgency(), now.minus(Duration.ofDays(daysAgo)), by));
    }

    private DockingAction action(Need n, Resource r, int quantity, String owner, LocalDate due, String participant) {
        Matcher.Score s = Matcher.score(new Matcher.NeedFacts(n.getCategoryCode(), n.getCommunity().getId(),
                n.getGridCell().getId()), new Matcher.ResourceFacts(r.getCategoryCode(), r.getCommunityId(),
                r.getGridCellId(), "", r.getCapacity(), r.getReserved(), 0));
        r.reserve(quantity, today);
        long daysAgo = Math.max(0, Duration.between(n.getRegisteredAt(), now).toDays() - 2);
        DockingAction a = new DockingAction(n, r, quantity, owner, participant == null ? Set.of() : Set.of(participant),
                due, s.points(), Reason.pack(s.reasons()), now.minus(Duration.ofDays(daysAgo)), owner);
        em.persist(a);
        em.persist(n.match(r.getName() + " ×" + quantity + " → " + owner + " " + due,
                now.minus(Duration.ofDays(daysAgo)), owner));
        em.flush();
        return a;
    }

    private void started(Need n, DockingAction a, String by, long daysAgo) {
        n.actionStarted("#" + a.getId(), now.minus(Duration.ofDays(daysAgo)), by).ifPresent(em::persist);
    }

    private OpportunityItem item(OpportunityList list, String affair, IssueNature nature, Set<ActorType> types,
                                 int places, String description) {
        OpportunityItem i = new OpportunityItem(list, affair, nature, types, places, today.minusMonths(1),
                today.plusMonths(3), description);
        em.persist(i);
        em.flush();
        return i;
    }

    private void inspection(Community c, int daysAgo, String body, String purpose, String hours, String materials,
                            int count, String by) {
        em.persist(new Inspection(c.getId(), today.minusDays(daysAgo), body, purpose, new BigDecimal(hours), materials,
                count, by, now));
    }
}
