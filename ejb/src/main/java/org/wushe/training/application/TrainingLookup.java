package org.wushe.training.application;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.wushe.community.domain.Community;
import org.wushe.community.infrastructure.GeographyRepository;
import org.wushe.security.application.CurrentCaller;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.ValidationException;
import org.wushe.training.domain.Course;
import org.wushe.training.domain.Enrolment;
import org.wushe.training.domain.TrainingSession;

/**
 * The training services' look-ups and checks: a community by code or id, a course, a session (each
 * refused as not found when missing), and the caller who manages the community's training.
 */
@Dependent
public class TrainingLookup {

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    GeographyRepository geography;

    /** The caller, who needs {@link Right#MANAGE_TRAINING} and the community in scope. */
    Caller manager(String communityCode) {
        Caller caller = currentCaller.get();
        caller.require(Right.MANAGE_TRAINING);
        caller.requireCovers(community(communityCode));
        return caller;
    }

    /** The caller, who needs {@link Right#MANAGE_TRAINING} and the community (by id) in scope. */
    Caller manager(Long communityId) {
        Caller caller = currentCaller.get();
        caller.require(Right.MANAGE_TRAINING);
        caller.requireCovers(community(communityId));
        return caller;
    }

    Community community(String code) {
        if (code == null || code.isBlank()) {
            throw ValidationException.of("communityCode", "geo.community.required");
        }
        return geography.community(code.trim().toUpperCase()).orElseThrow(() -> new NotFoundException("community", code));
    }

    Community community(Long id) {
        return em.find(Community.class, id);
    }

    Course course(Long id) {
        Course c = id == null ? null : em.find(Course.class, id);
        if (c == null) {
            throw new NotFoundException("course", id);
        }
        return c;
    }

    Enrolment enrolment(Long id) {
        Enrolment e = id == null ? null : em.find(Enrolment.class, id);
        if (e == null) {
            throw new NotFoundException("enrolment", id);
        }
        return e;
    }

    TrainingSession session(Long id) {
        TrainingSession s = id == null ? null : em.find(TrainingSession.class, id);
        if (s == null) {
            throw new NotFoundException("session", id);
        }
        return s;
    }
}
