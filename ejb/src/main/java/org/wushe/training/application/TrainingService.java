package org.wushe.training.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wushe.community.domain.Community;
import org.wushe.community.domain.Resident;
import org.wushe.community.infrastructure.GeographyRepository;
import org.wushe.security.application.CurrentCaller;
import org.wushe.security.domain.Account;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.security.domain.Role;
import org.wushe.shared.ConflictException;
import org.wushe.shared.Label;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.NotInScopeException;
import org.wushe.shared.ValidationException;
import org.wushe.training.domain.Course;
import org.wushe.training.domain.Enrolment;
import org.wushe.training.domain.ResidentCapacity;
import org.wushe.training.domain.TargetGroup;
import org.wushe.training.domain.TrainingPractice;
import org.wushe.training.domain.TrainingSession;
import org.wushe.volunteering.domain.Certification;
import org.wushe.volunteering.domain.ServiceHours;

/**
 * A community's training station. Staff with {@link Right#MANAGE_TRAINING} keep courses and
 * sessions, set residents' capacity levels, take attendance and record assessments; residents enrol
 * themselves, staff enrol residents and grid workers. A pass issues the course's certification in
 * the one certification table, which volunteer positions require. A passed training becomes a source
 * of points once practised: linked to the first verified volunteer service of the course's kind after
 * the pass.
 */
@Stateless
public class TrainingService {

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    GeographyRepository geography;

    @Inject
    Clock clock;

    /** A course as typed in; checked by {@link #createCourse}. */
    public record CourseForm(String title, String syllabus, String targetGroup, Integer requiredLevel, Integer passMark,
                             String certificationCode, String certificationName, Integer validityMonths,
                             String practiceKind) {
    }

    /** A session in the catalogue with how many places are taken. */
    public record SessionView(Long id, Long courseId, Instant startsAt, Instant endsAt, String place, String trainer,
                              int places, long taken) {
    }

    /** A course in the catalogue with its sessions to come. */
    public record CourseView(Long id, String title, String syllabus, String targetGroup, int requiredLevel,
                             int passMark, String certificationCode, String certificationName, int validityMonths,
                             String practiceKind, List<SessionView> sessions) {
    }

    /** One trainee of a session, for attendance and assessment. */
    public record TraineeView(Long enrolmentId, String name, String kind, Boolean attended, Boolean passed,
                              Integer score) {
    }

    /** One of the signed-in resident's trainings, with its certificate when passed. */
    public record MyTraining(Long enrolmentId, Long sessionId, String courseTitle, Instant startsAt, String place,
                             Boolean attended,
                             Boolean passed, Integer score, String certificationCode, LocalDate certificateExpiresOn,
                             boolean certificateValid, boolean practised) {
    }

    // ---------------------------------------------------------------- catalogue

    public Course createCourse(String communityCode, CourseForm f) {
        Caller caller = manager(communityCode);
        Community c = community(communityCode);
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

    public TrainingSession addSession(Long courseId, Instant startsAt, Instant endsAt, String place, String trainer,
                                      Integer places) {
        Course course = course(courseId);
        manager(community(course.getCommunityId()).getCode());
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
        Community c = community(communityCode);
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

    // ---------------------------------------------------------------- capacity levels

    public int capacityLevel(Long residentId) {
        ResidentCapacity rc = em.find(ResidentCapacity.class, residentId);
        return rc == null ? ResidentCapacity.DEFAULT_LEVEL : rc.getLevel();
    }

    /** Sets a resident's capacity level (1 to 3) with the reason. */
    public ResidentCapacity setCapacityLevel(Long residentId, Integer level, String reason) {
        Caller caller = currentCaller.get();
        caller.require(Right.MANAGE_TRAINING);
        Resident r = residentId == null ? null : em.find(Resident.class, residentId);
        if (r == null) {
            throw new NotFoundException("resident", residentId);
        }
        caller.requireCovers(r.getGridCell());
        ValidationException.Collector errors = new ValidationException.Collector();
        if (level == null || level < 1 || level > 3) {
            errors.add("level", "training.level.range");
        }
        String why = errors.text("reason", reason, 500, true);
        errors.throwIfAny();
        ResidentCapacity rc = em.find(ResidentCapacity.class, residentId, LockModeType.PESSIMISTIC_WRITE);
        if (rc == null) {
            rc = new ResidentCapacity(residentId, r.getCommunity().getId());
            rc.set(level, why, caller.username(), clock.instant());
            em.persist(rc);
        } else {
            rc.set(level, why, caller.username(), clock.instant());
        }
        em.flush();
        return rc;
    }

    // ---------------------------------------------------------------- enrolment

    /**
     * Enrols in a session: a resident enrols themself (no arguments); staff enrol a resident of the
     * community or, for grid-worker courses, a grid worker by username. Refuses a session that has
     * started ({@code training.session.past}), a full one ({@code training.session.full}), a trainee
     * below the course's capacity level ({@code training.level.notMet}), the wrong kind of trainee
     * ({@code training.targetGroup}) and a second enrolment ({@code training.enrol.twice}). The
     * session row is locked, so the last place goes to one trainee only.
     */
    public Enrolment enrol(Long sessionId, Long residentId, String gridWorkerUsername) {
        Caller caller = currentCaller.get();
        TrainingSession s = sessionId == null ? null
                : em.find(TrainingSession.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            throw new NotFoundException("session", sessionId);
        }
        Course course = course(s.getCourseId());
        Community c = community(s.getCommunityId());
        Long resident = null;
        Long account = null;
        String name;
        if (caller.has(Right.SELF_SERVICE) && caller.residentId() != null) {
            if (!c.getId().equals(caller.communityId())) {
                throw new NotFoundException("session", sessionId);
            }
            resident = caller.residentId();
        } else {
            caller.require(Right.MANAGE_TRAINING);
            caller.requireCovers(c);
            if (gridWorkerUsername != null && !gridWorkerUsername.isBlank()) {
                Account a = em.createQuery("select a from Account a where a.username = :u", Account.class)
                        .setParameter("u", gridWorkerUsername.trim()).getResultStream().findFirst()
                        .filter(x -> x.getRole() == Role.GRID_WORKER && x.getCommunity() != null
                                && x.getCommunity().getId().equals(c.getId()))
                        .orElseThrow(() -> ValidationException.of("gridWorker", "training.gridWorker.unknown",
                                gridWorkerUsername));
                account = a.getId();
            } else if (residentId != null) {
                resident = residentId;
            } else {
                throw ValidationException.of("residentId", "error.required");
            }
        }
        if (resident != null) {
            Resident r = em.find(Resident.class, resident);
            if (r == null || !r.getCommunity().getId().equals(c.getId())) {
                throw ValidationException.of("residentId", "opportunity.resident.unknown");
            }
            name = r.getName();
        } else {
            name = em.find(Account.class, account).getDisplayName();
        }
        if (course.getTargetGroup().forStaff() != (account != null)) {
            throw new ConflictException("training.targetGroup", "Wrong kind of trainee",
                    new Label("training.group." + course.getTargetGroup().name()));
        }
        if (!s.getStartsAt().isAfter(clock.instant())) {
            throw new ConflictException("training.session.past", "Session has started");
        }
        long twice = em.createQuery("select count(e) from Enrolment e where e.sessionId = :s and "
                        + (account != null ? "e.accountId = :t" : "e.residentId = :t"), Long.class)
                .setParameter("s", sessionId).setParameter("t", account != null ? account : resident).getSingleResult();
        if (twice > 0) {
            throw new ConflictException("training.enrol.twice", "Already enrolled", course.getTitle());
        }
        long taken = em.createQuery("select count(e) from Enrolment e where e.sessionId = :s", Long.class)
                .setParameter("s", sessionId).getSingleResult();
        if (taken >= s.getPlaces()) {
            throw new ConflictException("training.session.full", "Session full", s.getPlaces());
        }
        if (resident != null) {
            int level = capacityLevel(resident);
            if (level < course.getRequiredLevel()) {
                throw new ConflictException("training.level.notMet", "Level not met", course.getRequiredLevel(), level);
            }
        }
        Enrolment e = new Enrolment(s, resident, account, name, clock.instant(), caller.username());
        em.persist(e);
        em.flush();
        return e;
    }

    /** One session with its course and how many places are taken, for the session page (staff in scope). */
    public CourseView sessionDetail(Long sessionId) {
        TrainingSession s = session(sessionId);
        Caller caller = currentCaller.get();
        caller.require(Right.MANAGE_TRAINING);
        caller.requireCovers(community(s.getCommunityId()));
        Course co = course(s.getCourseId());
        long taken = em.createQuery("select count(e) from Enrolment e where e.sessionId = :s", Long.class)
                .setParameter("s", sessionId).getSingleResult();
        return new CourseView(co.getId(), co.getTitle(), co.getSyllabus(), co.getTargetGroup().name(),
                co.getRequiredLevel(), co.getPassMark(), co.getCertificationCode(), co.getCertificationName(),
                co.getValidityMonths(), co.getPracticeKind(), List.of(new SessionView(s.getId(), s.getCourseId(),
                s.getStartsAt(), s.getEndsAt(), s.getPlace(), s.getTrainer(), s.getPlaces(), taken)));
    }

    /** The trainees of a session, for attendance and assessment (staff in scope). */
    public List<TraineeView> trainees(Long sessionId) {
        TrainingSession s = session(sessionId);
        Caller caller = currentCaller.get();
        caller.require(Right.MANAGE_TRAINING);
        caller.requireCovers(community(s.getCommunityId()));
        return em.createQuery("select e from Enrolment e where e.sessionId = :s order by e.enrolledAt, e.id",
                        Enrolment.class).setParameter("s", sessionId).getResultList().stream()
                .map(e -> new TraineeView(e.getId(), e.getTraineeName(), e.getResidentId() != null ? "RESIDENT" : "STAFF",
                        e.getAttended(), e.getPassed(), e.getScore())).toList();
    }

    /** Takes attendance for a session once it has started: enrolment id → present. */
    public void attendance(Long sessionId, Map<Long, Boolean> present) {
        TrainingSession s = session(sessionId);
        Caller caller = currentCaller.get();
        caller.require(Right.MANAGE_TRAINING);
        caller.requireCovers(community(s.getCommunityId()));
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
        Enrolment e = enrolmentId == null ? null : em.find(Enrolment.class, enrolmentId);
        if (e == null) {
            throw new NotFoundException("enrolment", enrolmentId);
        }
        Caller caller = currentCaller.get();
        caller.require(Right.MANAGE_TRAINING);
        caller.requireCovers(community(e.getCommunityId()));
        if (score == null || score < 0 || score > 100) {
            throw ValidationException.of("score", "training.score.range");
        }
        Course course = course(e.getCourseId());
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

    /** The signed-in resident's trainings, newest first, with certificates and whether each was practised. */
    public List<MyTraining> myTrainings() {
        Caller caller = currentCaller.get();
        caller.require(Right.SELF_SERVICE);
        LocalDate today = LocalDate.now(clock);
        List<MyTraining> out = new ArrayList<>();
        for (Object[] r : em.createQuery("select e, s, c from Enrolment e, TrainingSession s, Course c "
                        + "where e.sessionId = s.id and e.courseId = c.id and e.residentId = :r "
                        + "order by s.startsAt desc, e.id desc", Object[].class)
                .setParameter("r", caller.residentId()).setMaxResults(200).getResultList()) {
            Enrolment e = (Enrolment) r[0];
            TrainingSession s = (TrainingSession) r[1];
            Course c = (Course) r[2];
            Certification cert = e.getCertificationId() == null ? null : em.find(Certification.class, e.getCertificationId());
            boolean practised = em.createQuery("select count(p) from TrainingPractice p where p.enrolmentId = :e",
                    Long.class).setParameter("e", e.getId()).getSingleResult() > 0;
            out.add(new MyTraining(e.getId(), s.getId(), c.getTitle(), s.getStartsAt(), s.getPlace(), e.getAttended(),
                    e.getPassed(), e.getScore(), cert == null ? null : cert.getCode(),
                    cert == null ? null : cert.getExpiresOn(), cert != null && cert.validOn(today), practised));
        }
        return out;
    }

    // ---------------------------------------------------------------- practised once

    /**
     * Links a passed training to the first verified volunteer service of the course's kind that
     * started after the pass ("completed and practised once"); the link is the source of the
     * training points. Refuses a training not passed, a course without a kind of practice, and a
     * training with no such service yet ({@code training.practice.none}).
     */
    public TrainingPractice linkPractice(Long enrolmentId) {
        Enrolment e = enrolmentId == null ? null : em.find(Enrolment.class, enrolmentId);
        if (e == null) {
            throw new NotFoundException("enrolment", enrolmentId);
        }
        Caller caller = currentCaller.get();
        caller.require(Right.MANAGE_TRAINING);
        caller.requireCovers(community(e.getCommunityId()));
        TrainingPractice existing = em.createQuery("select p from TrainingPractice p where p.enrolmentId = :e",
                TrainingPractice.class).setParameter("e", enrolmentId).getResultStream().findFirst().orElse(null);
        if (existing != null) {
            return existing;
        }
        Course course = course(e.getCourseId());
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

    // ---------------------------------------------------------------- helpers

    private Caller manager(String communityCode) {
        Caller caller = currentCaller.get();
        caller.require(Right.MANAGE_TRAINING);
        caller.requireCovers(community(communityCode));
        return caller;
    }

    private Community community(String code) {
        if (code == null || code.isBlank()) {
            throw ValidationException.of("communityCode", "geo.community.required");
        }
        return geography.community(code.trim().toUpperCase()).orElseThrow(() -> new NotFoundException("community", code));
    }

    private Community community(Long id) {
        return em.find(Community.class, id);
    }

    private Course course(Long id) {
        Course c = id == null ? null : em.find(Course.class, id);
        if (c == null) {
            throw new NotFoundException("course", id);
        }
        return c;
    }

    private TrainingSession session(Long id) {
        TrainingSession s = id == null ? null : em.find(TrainingSession.class, id);
        if (s == null) {
            throw new NotFoundException("session", id);
        }
        return s;
    }
}
