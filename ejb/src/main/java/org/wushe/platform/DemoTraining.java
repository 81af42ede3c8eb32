package org.wushe.platform;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.wushe.community.domain.Community;
import org.wushe.community.domain.Resident;
import org.wushe.security.domain.Account;
import org.wushe.training.application.LadderService;
import org.wushe.training.domain.Course;
import org.wushe.training.domain.Enrolment;
import org.wushe.training.domain.ResidentCapacity;
import org.wushe.training.domain.TargetGroup;
import org.wushe.training.domain.TrainingSession;
import org.wushe.volunteering.domain.Certification;

/**
 * The demo city's training station in C001: a volunteers' course held last month (resident1 and
 * four neighbours attended and passed, so they hold its certificate), its next session with places,
 * an advanced course that needs capacity level 2, a grid workers' social-work course with grid1
 * enrolled, a few capacity levels, and the participation ladder of last month and this month.
 */
final class DemoTraining {

    private final EntityManager em;
    private final Instant now;
    private final LocalDate today;

    DemoTraining(EntityManager em, Instant now, LocalDate today) {
        this.em = em;
        this.now = now;
        this.today = today;
    }

    void load(Community c, Map<String, Account> accounts, List<Resident> residents, LadderService ladder) {
        String social = accounts.get("social1").getUsername();
        Course basic = course(c, "助老服务基础", "与老人沟通、居家安全、应急处置", TargetGroup.VOLUNTEER, 1,
                "ELDER_CARE_BASIC", "助老服务基础证书", "ELDERLY_VISITING", social);
        Course advanced = course(c, "失能老人照护进阶", "移位、助浴、压疮预防", TargetGroup.VOLUNTEER, 2,
                "ELDER_CARE_ADVANCED", "失能照护进阶证书", "ELDERLY_VISITING", social);
        Course gridCourse = course(c, "网格员社会工作技能", "需求识别、转介规范、危机干预", TargetGroup.GRID_WORKER, 1,
                null, null, null, social);
        em.flush();
        Instant lastMonth = now.minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.HOURS);
        TrainingSession held = session(basic, lastMonth, "社区多功能活动室", "李老师", 20);
        session(basic, now.plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.HOURS), "社区多功能活动室", "李老师", 20);
        session(advanced, now.plus(Duration.ofDays(14)).truncatedTo(ChronoUnit.HOURS), "社区卫生服务中心", "张护士", 8);
        TrainingSession gridSession = session(gridCourse, now.plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.HOURS),
                "街道社工站", "益心社工站 陈督导", 15);
        em.flush();

        Long resident1 = accounts.get("resident1").getResidentId();
        List<Long> trainees = new java.util.ArrayList<>(List.of(resident1));
        residents.subList(30, 34).forEach(r -> trainees.add(r.getId()));
        for (Long id : trainees) {
            Resident r = em.find(Resident.class, id);
            Enrolment e = new Enrolment(held, id, null, r.getName(), lastMonth.minus(Duration.ofDays(7)), social);
            em.persist(e);
            e.markAttendance(true, social);
            e.assess(basic, id.equals(resident1) ? 92 : 80, lastMonth.plus(Duration.ofHours(3)), social);
            em.flush();
            LocalDate issued = LocalDate.ofInstant(lastMonth, java.time.ZoneId.systemDefault());
            Certification cert = new Certification(id, basic.getCertificationCode(), basic.getCertificationName(),
                    Certification.IssuedBy.TRAINING, social, e.getId(), issued, issued.plusMonths(basic.getValidityMonths()));
            em.persist(cert);
            em.flush();
            e.certified(cert.getId());
        }
        Account grid1 = accounts.get("grid1");
        em.persist(new Enrolment(gridSession, null, grid1.getId(), grid1.getDisplayName(), now, social));
        for (int k = 30; k < 33; k++) {
            ResidentCapacity rc = new ResidentCapacity(residents.get(k).getId(), c.getId());
            rc.set(2, "完成助老服务基础并持续参与探访", social, now);
            em.persist(rc);
        }
        em.flush();
        ladder.snapshotCommunity(c.getId(), today.withDayOfMonth(1).minusMonths(1));
        ladder.snapshotCommunity(c.getId(), today.withDayOfMonth(1));
    }

    private Course course(Community c, String title, String syllabus, TargetGroup group, int level, String certCode,
                          String certName, String practice, String by) {
        Course course = new Course(c.getId(), title, syllabus, group, level, 60, certCode, certName, 24, practice, by, now);
        em.persist(course);
        return course;
    }

    private TrainingSession session(Course course, Instant start, String place, String trainer, int places) {
        TrainingSession s = new TrainingSession(course, start, start.plus(Duration.ofHours(2)), place, trainer, places);
        em.persist(s);
        return s;
    }
}
