package org.wushe.training.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.wushe.community.domain.Community;
import org.wushe.community.domain.Resident;
import org.wushe.security.application.CurrentCaller;
import org.wushe.security.domain.Account;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.security.domain.Role;
import org.wushe.shared.ConflictException;
import org.wushe.shared.Label;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.ValidationException;
import org.wushe.training.domain.Course;
import org.wushe.training.domain.Enrolment;
import org.wushe.training.domain.ResidentCapacity;
import org.wushe.training.domain.TrainingPractice;
import org.wushe.training.domain.TrainingSession;
import org.wushe.volunteering.domain.Certification;
import org.wushe.training.application.TrainingViews.MyTraining;

/**
 * Who may take a training: residents' capacity levels (set by staff with
 * {@link Right#MANAGE_TRAINING}), enrolment in a session (a resident themself, or staff for a
 * resident or a grid worker) and the signed-in resident's own trainings with their certificates.
 */
@Stateless
public class EnrolmentService {

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    TrainingLookup lookup;

    @Inject
    Clock clock;

    // ---------------------------------------------------------------- capacity levels

    /** A resident's capacity level (1 when never set). Internal: no caller checks; the enrolment rule reads it. */
    public int capacityLevel(Long residentId) {
        ResidentCapacity rc = em.find(ResidentCapacity.class, residentId);
        return rc == null ? ResidentCapacity.DEFAULT_LEVEL : rc.getLevel();
    }

    /**
     * Sets a resident's capacity level (1 to 3) with the reason. Needs {@link Right#MANAGE_TRAINING}
     * and the resident's grid cell in the caller's scope; refuses a level outside 1 to 3 and a blank
     * reason.
     */
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
        Course course = lookup.course(s.getCourseId());
        Community c = lookup.community(s.getCommunityId());
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
}
