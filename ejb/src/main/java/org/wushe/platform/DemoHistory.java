package org.wushe.platform;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.wushe.community.domain.Community;
import org.wushe.community.domain.GridCell;
import org.wushe.community.domain.Resident;
import org.wushe.docking.application.Matcher;
import org.wushe.docking.application.Reason;
import org.wushe.docking.domain.ActionStatus;
import org.wushe.docking.domain.ActionTally;
import org.wushe.docking.domain.Activity;
import org.wushe.docking.domain.Attendance;
import org.wushe.docking.domain.DockingAction;
import org.wushe.docking.domain.Inspection;
import org.wushe.docking.domain.Need;
import org.wushe.docking.domain.NeedSource;
import org.wushe.docking.domain.Resource;
import org.wushe.docking.domain.ResourceType;
import org.wushe.docking.domain.ServiceItem;
import org.wushe.docking.domain.ServiceStatus;
import org.wushe.docking.domain.ServiceVote;
import org.wushe.docking.domain.Sphere;
import org.wushe.docking.domain.Urgency;
import org.wushe.security.domain.Account;
import org.wushe.training.domain.Course;
import org.wushe.training.domain.Enrolment;
import org.wushe.training.domain.TargetGroup;
import org.wushe.training.domain.TrainingSession;

/**
 * The demo city's past year in C001–C004: for each of the twelve months before this one, records
 * dated in that month, generated from a fixed seed ({@link DemoSeasons} gives the counts: the year
 * improves, with the Spring Festival and summer dips): needs that went the whole loop (registered,
 * assessed, matched to one of the community's year-programme resources, action done, feedback,
 * closed with a rating), activities with residents' attendance, inspections, a few completed
 * services of the list with residents' votes (C002–C004) and residents' training sessions with
 * attendance (C002–C004). Everything is finished before this month began, so today's working lists
 * (open needs, running actions, upcoming sessions) stay as they are; the snapshots are then taken
 * from these records by the product's own computation ({@link DemoCityLoader}).
 *
 * <p>C001's history activities are all older than its own demo activities of the last 75 days, and
 * its history touches neither the demo's regulars (residents 30–41), nor its courses, nor its
 * service list, so the rotation order and the training pages read as before.
 */
final class DemoHistory {

    /** The seed of the past year: the same demo city every time. */
    static final long SEED = 20_261_207L;
    /** Months of history before the current one. */
    static final int MONTHS = 12;
    /** The residents of each community the history draws on (index range of the community's list). */
    private static final int POOL_FROM = 60;
    private static final int POOL_TO = 200;

    private static final String[] CATEGORIES = {"ELDERLY_CARE", "HARDSHIP_RELIEF", "ENVIRONMENT", "CHILDREN"};
    private static final String[][] NEED_TITLES = {
        {"独居老人需要助餐", "高龄老人居家照护评估", "老人就医陪诊", "失能老人短期照护"},
        {"因病致困家庭临时救助", "低保边缘户生活困难", "失业家庭子女学费困难"},
        {"楼道堆放杂物清理", "小区绿地垃圾堆积", "雨后积水影响出行", "废弃自行车清理"},
        {"留守儿童课后看护", "困境儿童心理疏导", "暑期儿童安全看护"},
    };
    private static final String[] ACTIVITIES = {"邻里节", "垃圾分类宣传", "楼道议事会", "健康义诊", "消防演练",
        "重阳节敬老活动", "四点半课堂开课", "亲子阅读会", "防诈骗讲座", "社区运动会", "便民理发", "中秋游园会"};
    private static final String[][] INSPECTIONS = {
        {"区民政局", "养老服务设施安全检查"}, {"街道办事处", "基层治理考核"}, {"区文明办", "文明城区创建测评"},
        {"区卫健委", "爱国卫生检查"}, {"区应急管理局", "安全生产检查"}};
    private static final String[] SERVICES = {"长者助餐服务", "四点半课堂", "楼道消防隐患排查", "困难家庭走访",
        "便民维修服务", "社区健康讲座"};

    private final EntityManager em;
    private final Instant now;
    private final LocalDate today;
    private final ZoneId zone = ZoneId.systemDefault();

    DemoHistory(EntityManager em, Instant now, LocalDate today) {
        this.em = em;
        this.now = now;
        this.today = today;
    }

    /** The first day of the oldest month of history. */
    static LocalDate firstMonth(LocalDate today) {
        return today.withDayOfMonth(1).minusMonths(MONTHS);
    }

    /**
     * Writes the history of each community (in the order given, each with its own seed).
     *
     * @return how many needs the history holds
     */
    int load(List<Community> communities, Map<String, GridCell> grids, Map<String, Account> accounts,
             Map<String, List<Resident>> residentsOf) {
        List<Community1> years = new ArrayList<>();
        for (int k = 0; k < communities.size(); k++) {
            Community c = communities.get(k);
            String social = accounts.get("social" + (k + 1)).getUsername();
            List<Person> pool = residentsOf.get(c.getCode()).subList(POOL_FROM, POOL_TO).stream()
                    .map(r -> new Person(r.getId(), r.getName(), r.getGridCell().getId())).toList();
            List<Long> cells = new ArrayList<>();
            for (int g = 1; g <= 5; g++) {
                cells.add(grids.get(c.getCode() + "-G0" + g).getId());
            }
            years.add(new Community1(c, k, social, pool, cells, new Random(SEED + k)));
        }
        // what the loader wrote so far is in the database: the history works in a small persistence context
        em.flush();
        em.clear();
        int needs = 0;
        for (Community1 year : years) {
            needs += year.load();
        }
        return needs;
    }

    /** A resident the history draws on, read once (the persistence context is cleared month by month). */
    private record Person(Long id, String name, Long gridCellId) {
    }

    /** One community's year. */
    private final class Community1 {
        private final Community c;
        private final int index;
        private final String social;
        private final List<Person> pool;
        private final List<Long> cells;
        private final Random rnd;
        private final List<Resource> programme = new ArrayList<>();
        /** What refers to the month's needs, activities, services and sessions: written once they are. */
        private final List<Runnable> later = new ArrayList<>();
        private Course course;

        Community1(Community c, int index, String social, List<Person> pool, List<Long> cells, Random rnd) {
            this.c = c;
            this.index = index;
            this.social = social;
            this.pool = pool;
            this.cells = cells;
            this.rnd = rnd;
        }

        int load() {
            LocalDate first = firstMonth(today);
            LocalDate end = today.withDayOfMonth(1).minusDays(1);
            String[] names = {"年度居家探访服务", "年度困难家庭救助包", "年度环境整治志愿服务", "年度儿童课后看护"};
            Sphere[] spheres = {Sphere.SOCIAL_WORKER, Sphere.CHARITY, Sphere.VOLUNTEER, Sphere.SOCIAL_ORGANIZATION};
            ResourceType[] types = {ResourceType.SERVICE, ResourceType.GOODS, ResourceType.SERVICE, ResourceType.SERVICE};
            for (int i = 0; i < CATEGORIES.length; i++) {
                Resource r = new Resource(c.getId(), null, spheres[i], types[i], CATEGORIES[i], names[i], "上一年度的服务项目，已结束",
                        null, null, c.getName() + names[i], 30, "人次", first, end, at(first, 9));
                em.persist(r);
                programme.add(r);
            }
            if (index > 0) {
                course = new Course(c.getId(), "居民议事能力培训", "议事规则、表达与倾听、方案撰写", TargetGroup.RESIDENT, 1, 60,
                        null, null, 24, null, social, at(first, 9));
                em.persist(course);
            }
            em.flush();
            int needs = 0;
            for (int i = 0; i < MONTHS; i++) {
                LocalDate month = first.plusMonths(i);
                DemoSeasons.Month m = DemoSeasons.of(month, i, index, rnd);
                for (int n = 0; n < m.needs(); n++) {
                    need(month, m);
                    needs++;
                }
                for (int a = 0; a < m.activities(); a++) {
                    activity(month, m, a);
                }
                for (int s = 0; s < m.inspections(); s++) {
                    inspection(month);
                }
                if (index > 0 && i % 3 == 2) {
                    service(month, m);
                }
                if (course != null && i % 3 == 1) {
                    training(month, m);
                }
                // the month's records first, then what refers to them; a small persistence context
                em.flush();
                later.forEach(Runnable::run);
                later.clear();
                em.flush();
                em.clear();
                programme.replaceAll(r -> em.find(Resource.class, r.getId()));
                course = course == null ? null : em.find(Course.class, course.getId());
            }
            return needs;
        }

        /** A need that went the whole loop within days, closed before this month began. */
        private void need(LocalDate month, DemoSeasons.Month m) {
            int category = rnd.nextInt(CATEGORIES.length);
            Instant registered = at(month.plusDays(rnd.nextInt(month.lengthOfMonth())), 8 + rnd.nextInt(9));
            Instant latest = today.withDayOfMonth(1).atStartOfDay(zone).toInstant().minus(Duration.ofHours(2));
            long hours = Math.max(4, Math.round(m.closureDays() * 24 * (0.4 + 1.2 * rnd.nextDouble())));
            Instant due = registered.plus(Duration.ofHours(hours));
            Instant closed = due.isAfter(latest) ? latest : due;
            boolean byResident = rnd.nextInt(10) < 7;
            Person who = byResident ? pool.get(rnd.nextInt(pool.size())) : null;
            NeedSource source = who == null ? NeedSource.GRID_PATROL
                    : rnd.nextBoolean() ? NeedSource.RESIDENT_REQUEST : NeedSource.HOME_VISIT;
            GridCell grid = em.find(GridCell.class, who == null ? cells.get(rnd.nextInt(cells.size())) : who.gridCellId());
            String[] titles = NEED_TITLES[category];
            Need n = new Need(grid, who == null ? null : who.id(), CATEGORIES[category],
                    rnd.nextInt(4) == 0 ? Urgency.HIGH : Urgency.NORMAL, source, titles[rnd.nextInt(titles.length)],
                    "往期记录", registered, social);
            em.persist(n);
            int priority = 1 + rnd.nextInt(3);
            int score = m.satisfaction(rnd);
            boolean byGrid = who == null;
            Resource r = programme.get(category);
            later.add(() -> loop(n, r, registered, closed, priority, score, byGrid));
        }

        /** The rest of a need's loop, once the need is written: assessed, matched, action done, feedback, closed. */
        private void loop(Need n, Resource r, Instant registered, Instant closed, int priority, int score, boolean byGrid) {
            Duration d = Duration.between(registered, closed);
            em.persist(n.registration());
            em.persist(n.assess("上门核实后确认需求", priority, n.getUrgency(), part(registered, d, 0.15), social));
            LocalDate matchedOn = LocalDate.ofInstant(part(registered, d, 0.25), zone);
            r.reserve(1, matchedOn.isAfter(r.getAvailableUntil()) ? r.getAvailableUntil() : matchedOn);
            Matcher.Score s = Matcher.score(new Matcher.NeedFacts(n.getCategoryCode(), c.getId(), n.getGridCell().getId()),
                    new Matcher.ResourceFacts(r.getCategoryCode(), r.getCommunityId(), r.getGridCellId(), "",
                            r.getCapacity(), r.getReserved(), 0));
            DockingAction a = new DockingAction(n, r, 1, social, Set.of(), LocalDate.ofInstant(closed, zone), s.points(),
                    Reason.pack(s.reasons()), part(registered, d, 0.25), social);
            em.persist(a);
            if (a.getId() == null) {
                throw new IllegalStateException("the action has no id before it is written");
            }
            em.persist(n.match(r.getName() + " ×1 → " + social, part(registered, d, 0.25), social));
            a.start(part(registered, d, 0.35));
            n.actionStarted("#" + a.getId(), part(registered, d, 0.35), social).ifPresent(em::persist);
            a.finish(ActionStatus.DONE, "已完成", part(registered, d, 0.7));
            r.release(1);
            em.persist(n.recordFeedback("服务已完成，居民认可", new ActionTally(0, 1), part(registered, d, 0.85), social));
            em.persist(n.close(score, "往期评价", byGrid ? "网格员代评" : "本人", closed, social));
        }

        /** An activity of the month with residents' attendance; the pool widens as rotation improves. */
        private void activity(LocalDate month, DemoSeasons.Month m, int a) {
            LocalDate held = month.plusDays(Math.min(month.lengthOfMonth() - 1, 3 + a * 9 + rnd.nextInt(6)));
            if (index == 0 && !held.isBefore(today.minusDays(75))) {
                return; // C001's own demo activities fill its last 75 days
            }
            Activity act = new Activity(c.getId(), ACTIVITIES[rnd.nextInt(ACTIVITIES.length)], held, null, null, social,
                    at(held, 20));
            em.persist(act);
            for (Person r : draw(m.attendees(), m.reach())) {
                later(new Attendance(act.getId(), r.id(), null, r.name()));
            }
        }

        private void inspection(LocalDate month) {
            String[] body = INSPECTIONS[rnd.nextInt(INSPECTIONS.length)];
            LocalDate on = month.plusDays(rnd.nextInt(month.lengthOfMonth()));
            BigDecimal hours = BigDecimal.valueOf(2 + rnd.nextInt(30), 0).divide(BigDecimal.valueOf(2));
            em.persist(new Inspection(c.getId(), on, body[0], body[1], hours, "台账资料", 3 + rnd.nextInt(20), social,
                    at(on, 17)));
        }

        /** A service of the list completed in the month, voted on by residents who used it. */
        private void service(LocalDate month, DemoSeasons.Month m) {
            LocalDate done = month.plusDays(month.lengthOfMonth() - 3);
            ServiceItem s = new ServiceItem(c.getId(), done.getYear(), SERVICES[rnd.nextInt(SERVICES.length)],
                    "往期服务清单项目", null);
            s.setStatus(ServiceStatus.COMPLETED, "按计划完成", at(done, 16));
            em.persist(s);
            for (Person r : draw(3 + rnd.nextInt(4), pool.size())) {
                later(new ServiceVote(s.getId(), r.id(), m.satisfaction(rnd), null, at(done.plusDays(1), 10)));
            }
        }

        /** A residents' training session in the month, attendance taken. */
        private void training(LocalDate month, DemoSeasons.Month m) {
            Instant start = at(month.plusDays(10 + rnd.nextInt(10)), 14);
            TrainingSession s = new TrainingSession(course, start, start.plus(Duration.ofHours(2)), "社区多功能活动室",
                    "街道社工站讲师", 20);
            em.persist(s);
            for (Person r : draw(8 + rnd.nextInt(5), m.reach())) {
                Enrolment e = new Enrolment(s, r.id(), null, r.name(), start.minus(Duration.ofDays(5)), social);
                e.markAttendance(rnd.nextInt(8) != 0, social);
                later(e);
            }
        }

        private void later(Object entity) {
            later.add(() -> em.persist(entity));
        }

        /** Distinct residents from the first {@code reach} of the pool. */
        private List<Person> draw(int count, int reach) {
            int from = Math.min(reach, pool.size());
            Set<Person> chosen = new LinkedHashSet<>();
            while (chosen.size() < Math.min(count, from)) {
                chosen.add(pool.get(rnd.nextInt(from)));
            }
            return new ArrayList<>(chosen);
        }
    }

    private Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(zone).toInstant();
    }

    private static Instant part(Instant from, Duration d, double share) {
        return from.plus(Duration.ofMinutes(Math.round(d.toMinutes() * share)));
    }
}
