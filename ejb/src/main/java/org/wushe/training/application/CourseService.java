package org.wushe.training.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wushe.community.domain.Community;
import org.wushe.security.application.CurrentCaller;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.NotInScopeException;
import org.wushe.shared.ValidationException;
import org.wushe.training.domain.Course;
import org.wushe.training.domain.Enrolment;
import org.wushe.training.domain.TargetGroup;
import org.wushe.training.domain.TrainingSession;
import org.wushe.training.application.TrainingViews.CourseForm;
import org.wushe.training.application.TrainingViews.CourseView;
import org.wushe.training.application.TrainingViews.SessionView;

/**
 * The catalogue of a community's training station: courses and their sessions, kept by staff with
 * {@link Right#MANAGE_TRAINING}, read by staff in scope and the community's residents.
 */
@Stateless
public class CourseService {

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    TrainingLookup lookup;

    @Inject
    Clock clock;

    // ---------------------------------------------------------------- catalogue

    /**
     * Creates a course of the community's training station. Needs {@link Right#MANAGE_TRAINING}
     * and the community in the caller's scope. Refuses, field by field, a blank title, a target
     * group missing or unknown, a capacity level outside 1 to 3, a pass mark outside 0 to 100, a
     * malformed certification code or one without a name, a validity outside 1 to 120 months.
     */
    public Course createCourse(String communityCode, CourseForm f) {
        Caller caller = lookup.manager(communityCode);
        Community c = lookup.community(communityCode);
        ValidationException.Collector errors = new ValidationException.Collector();
        String title = errors.text("title", f.title(), 100, true);
        String syllabus = errors.text("syllabus", f.syllabus(), 2000, false);
        TargetGroup group = null;
        try {
            group = f.targetGroup() == null || f.targetGroup().isBlank() ? null
                    : TargetGroup.valueOf(f.targetGroup().trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            errors.add("targetGroup", "error.choice", f.targetGroup());
        }
        if (group == null && !errors.has("targetGroup")) {
            errors.add("targetGroup", "error.required");
        }
        int level = f.requiredLevel() == null ? 1 : f.requiredLevel();
        if (level < 1 || level > 3) {
            errors.add("requiredLevel", "training.level.range");
        }
        int passMark = f.passMark() == null ? 60 : f.passMark();
        if (passMark < 0 || passMark > 100) {
            errors.add("passMark", "training.score.range");
        }
        String certCode = errors.text("certificationCode", f.certificationCode(), 40, false);
        if (certCode != null && !certCode.toUpperCase().matches("[A-Z][A-Z0-9_]{1,39}")) {
            errors.add("certificationCode", "certification.code.invalid");
        }
        String certName = errors.text("certificationName", f.certificationName(), 100, certCode != null);
        int validity = f.validityMonths() == null ? 24 : f.validityMonths();
        if (validity < 1 || validity > 120) {
            errors.add("validityMonths", "training.validity.range");
        }
        String kind = errors.text("practiceKind", f.practiceKind(), 40, false);
        errors.throwIfAny();
        Course course = new Course(c.getId(), title, syllabus, group, level, passMark,
                certCode == null ? null : certCode.toUpperCase(), certName, validity,
                kind == null ? null : kind.toUpperCase(), caller.username(), clock.instant());
        em.persist(course);
        em.flush();
        return course;
    }

    /**
     * Adds a session to a course. Needs {@link Right#MANAGE_TRAINING} and the course's community in
     * the caller's scope. Refuses, field by field, a start or end missing, an end not after the
     * start, a blank place or trainer, places outside 1 to 500.
     */
    public TrainingSession addSession(Long courseId, Instant startsAt, Instant endsAt, String place, String trainer,
                                      Integer places) {
        Course course = lookup.course(courseId);
        lookup.manager(course.getCommunityId());
        ValidationException.Collector errors = new ValidationException.Collector();
        if (startsAt == null) {
            errors.add("startsAt", "error.timeRequired");
        }
        if (endsAt == null) {
            errors.add("endsAt", "error.timeRequired");
        } else if (startsAt != null && !endsAt.isAfter(startsAt)) {
            errors.add("endsAt", "training.session.order");
        }
        String p = errors.text("place", place, 100, true);
        String t = errors.text("trainer", trainer, 50, true);
        if (places == null) {
            errors.add("places", "error.required");
        } else if (places < 1 || places > 500) {
            errors.add("places", "training.places.range");
        }
        errors.throwIfAny();
        TrainingSession s = new TrainingSession(course, startsAt, endsAt, p, t, places);
        em.persist(s);
        em.flush();
        return s;
    }

    /** The community's active courses with their sessions of the last 30 days and to come (staff in scope, its residents). */
    public List<CourseView> catalogue(String communityCode) {
        Caller caller = currentCaller.get();
        Community c = lookup.community(communityCode);
        if (!caller.covers(c) && !c.getId().equals(caller.communityId())) {
            throw new NotInScopeException(c.getCode());
        }
        List<Course> courses = em.createQuery("select c from Course c where c.communityId = :c and c.active = true "
                + "order by c.title, c.id", Course.class).setParameter("c", c.getId()).setMaxResults(200).getResultList();
        if (courses.isEmpty()) {
            return List.of();
        }
        Instant from = clock.instant().minus(java.time.Duration.ofDays(30));
        List<TrainingSession> sessions = em.createQuery("select s from TrainingSession s where s.communityId = :c "
                + "and s.startsAt >= :from order by s.startsAt, s.id", TrainingSession.class)
                .setParameter("c", c.getId()).setParameter("from", from).setMaxResults(1000).getResultList();
        Map<Long, Long> taken = new HashMap<>();
        if (!sessions.isEmpty()) {
            for (Object[] r : em.createQuery("select e.sessionId, count(e) from Enrolment e where e.sessionId in :ids "
                    + "group by e.sessionId", Object[].class)
                    .setParameter("ids", sessions.stream().map(TrainingSession::getId).toList()).getResultList()) {
                taken.put((Long) r[0], ((Number) r[1]).longValue());
            }
        }
        List<CourseView> out = new ArrayList<>();
        for (Course co : courses) {
            List<SessionView> mine = sessions.stream().filter(s -> s.getCourseId().equals(co.getId()))
                    .map(s -> new SessionView(s.getId(), s.getCourseId(), s.getStartsAt(), s.getEndsAt(), s.getPlace(),
                            s.getTrainer(), s.getPlaces(), taken.getOrDefault(s.getId(), 0L))).toList();
            out.add(new CourseView(co.getId(), co.getTitle(), co.getSyllabus(), co.getTargetGroup().name(),
                    co.getRequiredLevel(), co.getPassMark(), co.getCertificationCode(), co.getCertificationName(),
                    co.getValidityMonths(), co.getPracticeKind(), mine));
        }
        return out;
    }

    /** One session with its course and how many places are taken, for the session page (staff in scope). */
    public CourseView sessionDetail(Long sessionId) {
        TrainingSession s = lookup.session(sessionId);
        lookup.manager(s.getCommunityId());
        Course co = lookup.course(s.getCourseId());
        long taken = em.createQuery("select count(e) from Enrolment e where e.sessionId = :s", Long.class)
                .setParameter("s", sessionId).getSingleResult();
        return new CourseView(co.getId(), co.getTitle(), co.getSyllabus(), co.getTargetGroup().name(),
                co.getRequiredLevel(), co.getPassMark(), co.getCertificationCode(), co.getCertificationName(),
                co.getValidityMonths(), co.getPracticeKind(), List.of(new SessionView(s.getId(), s.getCourseId(),
                s.getStartsAt(), s.getEndsAt(), s.getPlace(), s.getTrainer(), s.getPlaces(), taken)));
    }
}
