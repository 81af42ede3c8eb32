package org.wushe.platform;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wushe.casework.domain.CaseEntry;
import org.wushe.casework.domain.CaseEntryKind;
import org.wushe.casework.domain.CaseOutcome;
import org.wushe.casework.domain.CaseStage;
import org.wushe.casework.domain.GridRecord;
import org.wushe.casework.domain.GridRecordKind;
import org.wushe.casework.domain.JointMeeting;
import org.wushe.casework.domain.MeetingTask;
import org.wushe.casework.domain.Patrol;
import org.wushe.casework.domain.Referral;
import org.wushe.casework.domain.ReferralEvent;
import org.wushe.casework.domain.ReferralStatus;
import org.wushe.casework.domain.RiskLevel;
import org.wushe.casework.domain.SharedField;
import org.wushe.casework.domain.SocialCase;
import org.wushe.community.domain.Community;
import org.wushe.community.domain.Resident;
import org.wushe.community.domain.ResidentChange;
import org.wushe.community.domain.ResidentTag;
import org.wushe.security.domain.Account;

/**
 * The demo city's social worker + grid worker work in C001: grid1's patrols of the last weeks (two
 * joined by social1), information collected (a resident now living alone, tagged through the change
 * history), policy publicity and a mediation; a referral in each state (pending, accepted with its
 * case, returned, escalated to secretary1 past its deadline, withdrawn); a case in intervention, a
 * case closed with improvement, and a stubborn case with a joint meeting whose plan has a task done,
 * one open and one overdue.
 */
final class DemoCasework {

    private final EntityManager em;
    private final Instant now;
    private final LocalDate today;

    DemoCasework(EntityManager em, Instant now, LocalDate today) {
        this.em = em;
        this.now = now;
        this.today = today;
    }

    void load(Community c, Map<String, Account> accounts, List<Resident> residents) {
        Account grid = accounts.get("grid1");
        Account social = accounts.get("social1");
        String secretary = accounts.get("secretary1").getUsername();
        Set<Long> cells = Set.copyOf(grid.getGridCells().stream().map(g -> g.getId()).toList());
        List<Resident> mine = residents.stream().filter(r -> cells.contains(r.getGridCell().getId()))
                .skip(20).limit(8).toList();

        Instant day = now.truncatedTo(ChronoUnit.HOURS);
        Patrol last = null;
        for (int d = 18; d >= 3; d -= 5) {
            Resident where = mine.get(d % mine.size());
            Instant start = day.minus(Duration.ofDays(d)).minus(Duration.ofHours(3));
            Patrol p = new Patrol(c.getId(), where.getGridCell().getId(), grid.getId(), grid.getUsername(), start,
                    start.plus(Duration.ofHours(2)), 10 + d, d % 2 == 0 ? "楼道堆物、独居老人未应门" : "路灯损坏一处，已报修",
                    start.plus(Duration.ofHours(2)));
            if (d % 2 == 1) {
                p.join(social.getId(), social.getUsername(), start);
            }
            em.persist(p);
            last = p;
        }
        em.flush();

        Resident alone = mine.get(0);
        for (Resident.FieldChange change : alone.retag(ResidentTag.ELDERLY_ALONE, null, last.getEndedAt())) {
            em.persist(new ResidentChange(alone.getId(), last.getEndedAt(), grid.getUsername(), change));
        }
        em.persist(new GridRecord(c.getId(), alone.getGridCell().getId(), last.getId(), GridRecordKind.INFORMATION,
                alone.getId(), ResidentTag.ELDERLY_ALONE, null, "老伴去世，现独居", null, null, null, grid.getUsername(),
                last.getEndedAt()));
        em.persist(new GridRecord(c.getId(), last.getGridCellId(), last.getId(), GridRecordKind.PUBLICITY, null, null,
                null, "高龄津贴与居家养老服务补贴申领", null, null, 26, grid.getUsername(), last.getEndedAt()));
        em.persist(new GridRecord(c.getId(), last.getGridCellId(), null, GridRecordKind.MEDIATION, null, null, null,
                "楼上漏水引发邻里纠纷", "3栋502住户、3栋402住户", "约定周末修补防水，物业到场见证", null, grid.getUsername(),
                last.getEndedAt().plus(Duration.ofHours(1))));

        // A referral in each state.
        Referral pending = referral(c, grid, social, mine.get(1), RiskLevel.LOW, day.minus(Duration.ofHours(12)),
                "独居老人近一周情绪低落，拒绝社区活动邀请", "两次走访记录", "电话联系其女儿，未接通");
        event(pending, pending.getReferredAt(), grid.getUsername(), null, null);

        Referral accepted = referral(c, grid, social, alone, RiskLevel.MEDIUM, day.minus(Duration.ofDays(12)),
                "老伴去世后独居，饮食不规律，夜间多次外出", "邻居反映、走访记录", "联系社区医生上门一次");
        event(accepted, accepted.getReferredAt(), grid.getUsername(), null, null);
        accepted.accept(social.getUsername(), accepted.getReferredAt().plus(Duration.ofHours(20)));
        event(accepted, accepted.getHandledAt(), social.getUsername(), ReferralStatus.PENDING, "接收，安排首次面谈");

        Referral returned = referral(c, grid, social, mine.get(2), RiskLevel.MEDIUM, day.minus(Duration.ofDays(3)),
                "家中有争吵声", null, null);
        event(returned, returned.getReferredAt(), grid.getUsername(), null, null);
        returned.giveBack("请补充当事人、频次和是否涉及人身安全", returned.getReferredAt().plus(Duration.ofHours(30)));
        event(returned, returned.getHandledAt(), social.getUsername(), ReferralStatus.PENDING, returned.getReturnReason());

        Referral escalated = referral(c, grid, social, mine.get(3), RiskLevel.HIGH, day.minus(Duration.ofHours(30)),
                "精神障碍患者停药后言行异常，家属求助", "家属口述、社区医生意见", "已通知社区民警关注");
        event(escalated, escalated.getReferredAt(), grid.getUsername(), null, null);
        escalated.escalate(secretary, escalated.getDueAt().plus(Duration.ofMinutes(5)));
        event(escalated, escalated.getEscalatedAt(), "system", ReferralStatus.PENDING, "deadline " + escalated.getDueAt());

        Referral withdrawn = referral(c, grid, social, mine.get(4), RiskLevel.LOW, day.minus(Duration.ofDays(9)),
                "留守儿童放学后无人看护", "学校老师反映", null);
        event(withdrawn, withdrawn.getReferredAt(), grid.getUsername(), null, null);
        withdrawn.giveBack("已由学校“四点半课堂”承接，暂不需个案", withdrawn.getReferredAt().plus(Duration.ofHours(40)));
        event(withdrawn, withdrawn.getHandledAt(), social.getUsername(), ReferralStatus.PENDING, withdrawn.getReturnReason());
        withdrawn.withdraw();
        event(withdrawn, withdrawn.getHandledAt().plus(Duration.ofHours(2)), grid.getUsername(), ReferralStatus.RETURNED,
                "学校已承接");
        em.flush();

        // A case in intervention, from the accepted referral.
        Instant opened = accepted.getHandledAt().plus(Duration.ofHours(1));
        SocialCase active = new SocialCase(c.getId(), alone.getGridCell().getId(), alone.getId(), social.getId(),
                social.getUsername(), accepted.getId(), "丧偶独居老人适应支持", opened);
        em.persist(active);
        em.flush();
        accepted.linkCase(active.getId());
        event(accepted, opened, social.getUsername(), ReferralStatus.ACCEPTED, "case " + active.getId());
        entry(active, CaseEntryKind.STAGE, null, social, opened);
        entry(active, CaseEntryKind.NOTE, "首次面谈，案主愿意每周接受探访", social, opened.plus(Duration.ofDays(1)));
        move(active, CaseStage.ASSESSMENT, social, opened.plus(Duration.ofDays(2)), null);
        entry(active, CaseEntryKind.NOTE, "需求：情绪支持、助餐、夜间安全", social, opened.plus(Duration.ofDays(3)));
        move(active, CaseStage.PLAN, social, opened.plus(Duration.ofDays(4)), null);
        entry(active, CaseEntryKind.NOTE, "计划：每周两次探访，链接长者食堂助餐，安装夜间感应灯", social, opened.plus(Duration.ofDays(4)));
        move(active, CaseStage.INTERVENTION, social, opened.plus(Duration.ofDays(5)), null);
        entry(active, CaseEntryKind.SESSION, "陪同到长者食堂办理助餐卡", social, opened.plus(Duration.ofDays(6)));
        entry(active, CaseEntryKind.SESSION, "哀伤辅导面谈一次，情绪有所缓解", social, opened.plus(Duration.ofDays(9)));

        // A case closed with improvement.
        Resident helped = mine.get(5);
        Instant earlier = day.minus(Duration.ofDays(25));
        SocialCase closed = new SocialCase(c.getId(), helped.getGridCell().getId(), helped.getId(), social.getId(),
                social.getUsername(), null, "低保边缘户就业帮扶", earlier);
        em.persist(closed);
        em.flush();
        entry(closed, CaseEntryKind.STAGE, null, social, earlier);
        move(closed, CaseStage.INTERVENTION, social, earlier.plus(Duration.ofDays(2)), "首访即完成需求评估并共同制定计划");
        entry(closed, CaseEntryKind.SESSION, "推荐至社区公益岗位面试", social, earlier.plus(Duration.ofDays(5)));
        move(closed, CaseStage.EVALUATION, social, earlier.plus(Duration.ofDays(15)), null);
        closed.evaluate(CaseOutcome.IMPROVED, social.getUsername(), earlier.plus(Duration.ofDays(15)));
        entry(closed, CaseEntryKind.EVALUATION, "IMPROVED: 已上岗，家庭收入稳定", social, earlier.plus(Duration.ofDays(15)));
        move(closed, CaseStage.CLOSED, social, earlier.plus(Duration.ofDays(16)), null);

        // A stubborn case with its joint meeting.
        Resident hard = mine.get(6);
        Instant long_ago = day.minus(Duration.ofDays(60));
        SocialCase stubborn = new SocialCase(c.getId(), hard.getGridCell().getId(), hard.getId(), social.getId(),
                social.getUsername(), null, "囤积物品引发消防隐患与邻里冲突", long_ago);
        em.persist(stubborn);
        em.flush();
        entry(stubborn, CaseEntryKind.STAGE, null, social, long_ago);
        move(stubborn, CaseStage.ASSESSMENT, social, long_ago.plus(Duration.ofDays(5)), null);
        move(stubborn, CaseStage.PLAN, social, long_ago.plus(Duration.ofDays(9)), null);
        move(stubborn, CaseStage.INTERVENTION, social, long_ago.plus(Duration.ofDays(12)), null);
        entry(stubborn, CaseEntryKind.SESSION, "与案主协商清理楼道物品，案主拒绝", social, long_ago.plus(Duration.ofDays(20)));
        entry(stubborn, CaseEntryKind.SESSION, "联系其子女共同劝说，未果", social, long_ago.plus(Duration.ofDays(35)));
        move(stubborn, CaseStage.EVALUATION, social, long_ago.plus(Duration.ofDays(45)), null);
        Instant evaluated = long_ago.plus(Duration.ofDays(46));
        stubborn.evaluate(CaseOutcome.NO_IMPROVEMENT, social.getUsername(), evaluated);
        entry(stubborn, CaseEntryKind.EVALUATION, "NO_IMPROVEMENT: 囤积未减少，邻里投诉增加", social, evaluated);
        entry(stubborn, CaseEntryKind.STUBBORN, "case.stubborn.noImprovement", social, evaluated);

        Instant convened = evaluated.plus(Duration.ofDays(2));
        JointMeeting meeting = new JointMeeting(c.getId(), stubborn.getId(), secretary, convened,
                convened.plus(Duration.ofDays(3)), "社区党群服务中心议事厅", "囤积物品的消防隐患与案主心理状况",
                Set.of("PUBLIC_SECURITY", "HEALTH", "CIVIL_AFFAIRS"), Set.of(SharedField.AGE, SharedField.ADDRESS));
        meeting.attachAnalysis("案主长期囤积，疑似强迫性囤积障碍；两次干预均被拒绝，需卫健部门评估、消防与民政协同。",
                social.getUsername());
        meeting.attachMonitoring("近一月楼道堆物由2处增至5处，夜间多次外出捡拾；邻里投诉3次。", grid.getUsername());
        meeting.adoptPlan(convened.plus(Duration.ofDays(3)));
        em.persist(meeting);
        em.flush();
        MeetingTask done = new MeetingTask(meeting.getId(), c.getId(), "PUBLIC_SECURITY", "消防安全检查并书面告知",
                today.minusDays(5));
        done.complete(secretary, "已检查并告知，案主签收", convened.plus(Duration.ofDays(6)));
        em.persist(done);
        em.persist(new MeetingTask(meeting.getId(), c.getId(), "HEALTH", "精神卫生专科上门评估", today.minusDays(2)));
        em.persist(new MeetingTask(meeting.getId(), c.getId(), "CIVIL_AFFAIRS", "评估纳入特困供养或临时救助",
                today.plusDays(14)));
        em.flush();
    }

    private Referral referral(Community c, Account grid, Account social, Resident r, RiskLevel risk, Instant at,
                              String what, String evidence, String tried) {
        Referral ref = new Referral(c.getId(), r.getGridCell().getId(), r.getId(), grid.getId(), grid.getUsername(),
                social.getId(), social.getUsername(), risk, what, evidence, tried, at,
                at.plus(Duration.ofHours(risk == RiskLevel.HIGH ? 24 : 72)));
        em.persist(ref);
        em.flush();
        return ref;
    }

    private void event(Referral r, Instant at, String actor, ReferralStatus from, String note) {
        em.persist(new ReferralEvent(r.getId(), at, actor, from, r.getStatus(), r.getOwner(), note));
    }

    private void entry(SocialCase c, CaseEntryKind kind, String body, Account by, Instant at) {
        em.persist(new CaseEntry(c.getId(), c.getStage(), kind, body, by.getUsername(), at));
    }

    private void move(SocialCase c, CaseStage to, Account by, Instant at, String skipReason) {
        boolean skipped = c.moveTo(to, skipReason, at);
        entry(c, skipped ? CaseEntryKind.SKIP : CaseEntryKind.STAGE, skipped ? skipReason : null, by, at);
    }
}
