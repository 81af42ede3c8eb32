package org.wushe.training.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.ConflictException;
import org.wushe.shared.ValidationException;
import org.wushe.training.domain.Course;
import org.wushe.training.domain.Enrolment;
import org.wushe.training.domain.TrainingPractice;
import org.wushe.training.domain.TrainingSession;
import org.wushe.volunteering.domain.Certification;
import org.wushe.training.application.TrainingViews.TraineeView;
import org.wushe.volunteering.domain.ServiceHours;

/**
 * What came of a session, recorded by staff with {@link Right#MANAGE_TRAINING} in its community:
 * its trainees, their attendance, their assessment (a pass issues the course's certification in the
 * one certification table, which volunteer positions require) and the link of a passed training to
 * its first practice, the source of the training points.
 */
@Stateless
public class TrainingResultService {

    @PersistenceContext
    EntityManager em;

    @Inject
    TrainingLookup lookup;

    @Inject
    Clock clock;

    /** The trainees of a session, for attendance and assessment (staff in scope). */
    public List<TraineeView> trainees(Long sessionId) {
        TrainingSession s = lookup.session(sessionId);
        lookup.manager(s.getCommunityId());
        return em.createQuery("select e from Enrolment e where e.sessionId = :s order by e.enrolledAt, e.id",
                        Enrolment.class).setParameter("s", sessionId).getResultList().stream()
                .map(e -> new TraineeView(e.getId(), e.getTraineeName(), e.getResidentId() != null ? "RESIDENT" : "STAFF",
                        e.getAttended(), e.getPassed(), e.getScore())).toList();
    }

    /** Takes attendance for a session once it has started: enrolment id → present. */
    public void attendance(Long sessionId, Map<Long, Boolean> present) {
        TrainingSession s = lookup.session(sessionId);
        Caller caller = lookup.manager(s.getCommunityId());
        if (s.getStartsAt().isAfter(clock.instant())) {
            throw new ConflictException("training.attendance.early", "Session has not started");
        }
        for (Map.Entry<Long, Boolean> p : present.entrySet()) {
            Enrolment e = em.find(Enrolment.class, p.getKey());
            if (e == null || !e.getSessionId().equals(sessionId)) {
                throw ValidationException.of("attendance", "training.enrolment.unknown", p.getKey());
            }
            e.markAttendance(Boolean.TRUE.equals(p.getValue()), caller.username());
        }
        em.flush();
    }

    /**
     * Records the assessment (score 0 to 100; pass at the course's mark). A resident who passes gets
     * the course's certification, valid for the course's months, in the one certification table.
     */
    public Enrolment assess(Long enrolmentId, Integer score) {
        Enrolment e = lookup.enrolment(enrolmentId);
        Caller caller = lookup.manager(e.getCommunityId());
        if (score == null || score < 0 || score > 100) {
            throw ValidationException.of("score", "training.score.range");
        }
        Course course = lookup.course(e.getCourseId());
        Instant now = clock.instant();
        e.assess(course, score, now, caller.username());
        if (e.getPassed() && e.getResidentId() != null && course.getCertificationCode() != null) {
            LocalDate today = LocalDate.now(clock);
            Certification cert = new Certification(e.getResidentId(), course.getCertificationCode(),
                    course.getCertificationName(), Certification.IssuedBy.TRAINING, caller.username(), e.getId(),
                    today, today.plusMonths(course.getValidityMonths()));
            em.persist(cert);
            em.flush();
            e.certified(cert.getId());
        }
        em.flush();
        return e;
    }

    // ---------------------------------------------------------------- practised once

    /**
     * Links a passed training to the first verified volunteer service of the course's kind that
     * started after the pass ("completed and practised once"); the link is the source of the
     * training points. Refuses a training not passed, a course without a kind of practice, and a
     * training with no such service yet ({@code training.practice.none}).
     */
    public TrainingPractice linkPractice(Long enrolmentId) {
        Enrolment e = lookup.enrolment(enrolmentId);
        Caller caller = lookup.manager(e.getCommunityId());
        TrainingPractice existing = em.createQuery("select p from TrainingPractice p where p.enrolmentId = :e",
                TrainingPractice.class).setParameter("e", enrolmentId).getResultStream().findFirst().orElse(null);
        if (existing != null) {
            return existing;
        }
        Course course = lookup.course(e.getCourseId());
        if (!Boolean.TRUE.equals(e.getPassed()) || e.getResidentId() == null || course.getPracticeKind() == null) {
            throw new ConflictException("training.practice.notEligible", "Not a passed resident training with a practice");
        }
        ServiceHours first = em.createQuery("select h from ServiceHours h, VolunteerPosition p where h.positionId = p.id "
                        + "and h.residentId = :r and p.type = :kind and h.status = :verified and h.startedAt > :passed "
                        + "order by h.startedAt, h.id", ServiceHours.class)
                .setParameter("r", e.getResidentId()).setParameter("kind", course.getPracticeKind())
                .setParameter("verified", ServiceHours.Status.VERIFIED).setParameter("passed", e.getAssessedAt())
                .setMaxResults(1).getResultStream().findFirst()
                .orElseThrow(() -> new ConflictException("training.practice.none", "Not practised yet",
                        course.getPracticeKind()));
        TrainingPractice p = new TrainingPractice(e, course.getPracticeKind(), first.getId(), first.getStartedAt(),
                clock.instant(), caller.username());
        em.persist(p);
        em.flush();
        return p;
    }
}
