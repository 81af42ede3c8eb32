package org.wushe.platform;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.wushe.community.domain.Community;
import org.wushe.community.domain.Resident;
import org.wushe.deliberation.domain.MeetingAttendance;
import org.wushe.deliberation.domain.AuthorKind;
import org.wushe.deliberation.domain.Comment;
import org.wushe.deliberation.domain.CorrectiveAction;
import org.wushe.deliberation.domain.Decision;
import org.wushe.deliberation.domain.Implementation;
import org.wushe.deliberation.domain.Issue;
import org.wushe.deliberation.domain.IssueEvent;
import org.wushe.deliberation.domain.IssueSource;
import org.wushe.deliberation.domain.IssueStage;
import org.wushe.deliberation.domain.Meeting;
import org.wushe.deliberation.domain.Proposal;
import org.wushe.deliberation.domain.Representative;
import org.wushe.deliberation.domain.Review;
import org.wushe.deliberation.domain.Veto;
import org.wushe.deliberation.domain.VetoGround;
import org.wushe.docking.domain.IssueNature;
import org.wushe.security.domain.Account;

/**
 * The demo city's deliberation zone in C001: six resident representatives (resident1 among them)
 * for a three-year term, last week's representatives' meeting with attendance and minutes, a service
 * issue decided and published, a resource-allocation issue taking proposals whose first proposal the
 * Party secretary vetoed (with the veto published), a rule-making issue in open discussion, and last
 * quarter's self-examination with one open corrective action.
 */
final class DemoDeliberation {

    private final EntityManager em;
    private final Instant now;
    private final LocalDate today;

    DemoDeliberation(EntityManager em, Instant now, LocalDate today) {
        this.em = em;
        this.now = now;
        this.today = today;
    }

    void load(Community c, Map<String, Account> accounts, List<Resident> residents) {
        String secretary = accounts.get("secretary1").getUsername();
        String secretaryName = accounts.get("secretary1").getDisplayName();
        String social = accounts.get("social1").getUsername();
        String cadre = accounts.get("cadre1").getUsername();
        Long resident1 = accounts.get("resident1").getResidentId();

        List<Representative> reps = new ArrayList<>();
        List<Long> ids = new ArrayList<>(List.of(resident1));
        residents.subList(50, 55).forEach(r -> ids.add(r.getId()));
        LocalDate termStart = today.minusMonths(10).withDayOfMonth(1);
        for (Long id : ids) {
            Resident r = em.find(Resident.class, id);
            Representative rep = new Representative(c.getId(), id, r.getName(), termStart, termStart.plusYears(3)
                    .minusDays(1), cadre, now);
            em.persist(rep);
            reps.add(rep);
        }
        Instant lastWeek = now.minus(Duration.ofDays(7)).truncatedTo(ChronoUnit.HOURS);
        Meeting meeting = new Meeting(c.getId(), "第三季度居民代表会议", lastWeek, "社区党群服务中心议事厅",
                "1. 社区食堂开放时间；2. 闲置活动室使用分配；3. 文明养犬公约征求意见", cadre);
        em.persist(meeting);
        em.flush();
        reps.subList(0, 5).forEach(r -> em.persist(new MeetingAttendance(meeting, r, cadre, lastWeek)));
        meeting.recordMinutes("到会代表 5 人。通报社区食堂开放时间调整的决定；听取闲置活动室分配方案的说明，"
                + "党委对方案一提出否决意见，请社工修改后再议；启动文明养犬公约的公开讨论。");

        Instant twoWeeks = now.minus(Duration.ofDays(14));
        Issue canteen = issue(c, "社区长者食堂开放时间调整", "多位老人反映午餐 11:30 开餐太晚，希望提前到 11:00。",
                IssueNature.SERVICE, IssueSource.RESIDENT, "居民代表反映", social, twoWeeks);
        canteen.moveTo(IssueStage.DECIDED, lastWeek);
        Decision d = new Decision(canteen, "自下月起长者食堂午餐提前至 11:00 开餐，晚餐时间不变。",
                "独居老人午间服药需按时进餐；食堂人手经调整可以满足。", null, null, social, lastWeek);
        em.persist(d);
        em.flush();
        d.followUp(Implementation.IN_PROGRESS, "已与食堂承办方签订补充协议，下月 1 日起执行。", null, now);
        event(canteen, "DECIDED", d.getDecisionText(), social, lastWeek);

        Issue room = issue(c, "闲置活动室使用分配", "社区二楼 60 平方米活动室闲置，多个组织申请使用，需商定分配方案。",
                IssueNature.RESOURCE_ALLOCATION, IssueSource.ORGANISATION, "桃园合唱团、四点半课堂", cadre, twoWeeks);
        Proposal first = new Proposal(room, "整间长期租给培训机构", "按市场价出租，年收入约 3 万元。", 0L, social, twoWeeks);
        em.persist(first);
        Proposal second = new Proposal(room, "分时段公益使用", "工作日下午为四点半课堂，晚间和周末由合唱团等居民组织预约使用。",
                1_200_000L, social, twoWeeks);
        em.persist(second);
        em.flush();
        event(room, "PROPOSED", first.getTitle(), social, twoWeeks);
        event(room, "PROPOSED", second.getTitle(), social, twoWeeks);
        first.veto();
        em.persist(new Veto(first, VetoGround.AGAINST_PUBLIC_WELFARE, "活动室属于社区公共空间，整体出租给营利机构偏离公益方向。",
                secretary, secretaryName, lastWeek));
        event(room, "VETOED", first.getTitle() + " (rev. 1) · AGAINST_PUBLIC_WELFARE", secretary, lastWeek);

        Issue dogs = issue(c, "居民公约：文明养犬条款", "近期多起犬只伤人和噪音投诉，拟在居民公约中增加文明养犬条款。",
                IssueNature.RULE_MAKING, IssueSource.CADRE, "桃园社区居委会", cadre, lastWeek);
        em.persist(new Comment(dogs.getId(), AuthorKind.RESIDENT, "居民代表", "建议规定出门必须牵绳，大型犬佩戴嘴套。",
                lastWeek.plus(Duration.ofDays(1)), social));
        em.persist(new Comment(dogs.getId(), AuthorKind.ORGANISATION, "桃园业委会", "建议设置宠物便溺清理点，由物业维护。",
                lastWeek.plus(Duration.ofDays(2)), social));

        LocalDate quarterEnd = today.withDayOfMonth(1).minusDays(1);
        Review review = new Review(c.getId(), quarterEnd.minusMonths(3).plusDays(1), quarterEnd, 82, 68, 90,
                "居民满意度较上季度提高；网格员向社工转介平均耗时 9 天，协调效率偏低；资金使用未发现形象工程。",
                secretary, now.minus(Duration.ofDays(3)));
        em.persist(review);
        em.flush();
        em.persist(new CorrectiveAction(review, "建立社工与网格员转介周例会，转介 3 个工作日内响应", "桃园社区 王社工",
                today.plusDays(20)));
        em.flush();
    }

    private Issue issue(Community c, String title, String description, IssueNature nature, IssueSource source,
                        String from, String by, Instant at) {
        Issue i = new Issue(c.getId(), title, description, nature, source, from, null, by, at);
        em.persist(i);
        em.flush();
        event(i, "RAISED", nature.name(), by, at);
        return i;
    }

    private void event(Issue i, String kind, String detail, String by, Instant at) {
        em.persist(new IssueEvent(i.getId(), kind, detail, at, by));
    }
}
