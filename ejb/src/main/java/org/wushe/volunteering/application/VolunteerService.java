package org.wushe.volunteering.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.wushe.community.domain.Community;
import org.wushe.community.domain.Resident;
import org.wushe.community.infrastructure.GeographyRepository;
import org.wushe.security.application.CurrentCaller;
import org.wushe.security.domain.Account;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.security.domain.Role;
import org.wushe.shared.ConflictException;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.ValidationException;
import org.wushe.volunteering.domain.Certification;
import org.wushe.volunteering.domain.Shift;
import org.wushe.volunteering.domain.ShiftSignup;
import org.wushe.volunteering.domain.VolunteerPosition;

/**
 * Positions, shifts, certifications and sign-ups. Staff with {@link Right#MANAGE_VOLUNTEERING}
 * set up positions and shifts in their community; supervisors ({@link Right#VERIFY_HOURS}) issue
 * certifications; residents sign themselves up.
 */
@Stateless
public class VolunteerService {

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Clock clock;

    @Inject
    GeographyRepository geography;

    /**
     * Creates a position supervised by a social worker of the same community. Refuses a supervisor
     * who is not a social worker of that community ({@code position.supervisor.invalid}).
     */
    public VolunteerPosition createPosition(String communityCode, String name, String type, String supervisorUsername,
                                            Set<String> requiredCertifications, String description) {
        Caller caller = currentCaller.get();
        caller.require(Right.MANAGE_VOLUNTEERING);
        Community c = geography.community(communityCode).orElseThrow(
                () -> ValidationException.of("communityCode", "geo.community.unknown", String.valueOf(communityCode)));
        caller.requireCovers(c);
        Account supervisor = em.createQuery("select a from Account a where a.username = :u", Account.class)
                .setParameter("u", supervisorUsername == null ? "" : supervisorUsername.trim())
                .getResultStream().findFirst()
                .filter(a -> a.getRole() == Role.SOCIAL_WORKER && a.getCommunity() != null
                        && a.getCommunity().getId().equals(c.getId()))
                .orElseThrow(() -> ValidationException.of("supervisorUsername", "position.supervisor.invalid"));
        VolunteerPosition p = new VolunteerPosition(c.getId(), name, type, supervisor.getId(),
                requiredCertifications == null ? Set.of() : requiredCertifications, description);
        em.persist(p);
        em.flush();
        return p;
    }

    /** Adds a shift to a position. Same rights as {@link #createPosition}. */
    public Shift addShift(Long positionId, Instant startsAt, Instant endsAt, int places) {
        Caller caller = currentCaller.get();
        caller.require(Right.MANAGE_VOLUNTEERING);
        VolunteerPosition p = position(positionId, caller);
        Shift s = new Shift(p, startsAt, endsAt, places);
        em.persist(s);
        em.flush();
        return s;
    }

    /** The active positions of a community (staff in scope, or its residents). */
    public List<VolunteerPosition> positions(String communityCode) {
        Caller caller = currentCaller.get();
        Community c = geography.community(communityCode).orElseThrow(
                () -> new NotFoundException("community", communityCode));
        if (!caller.covers(c) && !c.getId().equals(caller.communityId())) {
            throw new org.wushe.shared.NotInScopeException(c.getCode());
        }
        return em.createQuery("select p from VolunteerPosition p where p.communityId = :c and p.active = true "
                + "order by p.name", VolunteerPosition.class).setParameter("c", c.getId()).setMaxResults(200).getResultList();
    }

    /** Issues a certification to a resident in scope. Supervisors ({@link Right#VERIFY_HOURS}) only. */
    public Certification certify(Long residentId, String code, String name, LocalDate expiresOn) {
        Caller caller = currentCaller.get();
        caller.require(Right.VERIFY_HOURS);
        Resident r = em.find(Resident.class, residentId);
        if (r == null) {
            throw new NotFoundException("resident", residentId);
        }
        caller.requireCovers(r.getGridCell());
        Certification cert = new Certification(residentId, code, name, Certification.IssuedBy.SUPERVISOR,
                caller.username(), null, LocalDate.now(clock), expiresOn);
        em.persist(cert);
        em.flush();
        return cert;
    }

    /** A resident's certifications, newest first (the resident themself, or staff in scope). */
    public List<Certification> certifications(Long residentId) {
        Caller caller = currentCaller.get();
        if (!residentId.equals(caller.residentId())) {
            caller.require(Right.VIEW_RESIDENTS);
            Resident r = em.find(Resident.class, residentId);
            if (r == null) {
                throw new NotFoundException("resident", residentId);
            }
            caller.requireCoversPerson(r.getGridCell());
        }
        return em.createQuery("select c from Certification c where c.residentId = :r order by c.issuedOn desc, c.id desc",
                Certification.class).setParameter("r", residentId).getResultList();
    }

    /**
     * The signed-in resident signs up for a shift of their community. Refuses a missing or expired
     * certification ({@code signup.certificationMissing}, naming it), a full shift ({@code signup.full}),
     * a shift already over ({@code signup.past}) and a second sign-up ({@code signup.twice}). The shift
     * row is locked, so the last place goes to one volunteer only.
     */
    public ShiftSignup signUp(Long shiftId) {
        Caller caller = currentCaller.get();
        caller.require(Right.SELF_SERVICE);
        Shift shift = em.find(Shift.class, shiftId, LockModeType.PESSIMISTIC_WRITE);
        if (shift == null || !shift.getPosition().getCommunityId().equals(caller.communityId())) {
            throw new NotFoundException("shift", shiftId);
        }
        Instant now = clock.instant();
        if (!shift.getEndsAt().isAfter(now)) {
            throw new ConflictException("signup.past", "Shift " + shiftId + " is over");
        }
        LocalDate day = LocalDate.ofInstant(shift.getStartsAt(), clock.getZone());
        Set<String> valid = em.createQuery("select c from Certification c where c.residentId = :r", Certification.class)
                .setParameter("r", caller.residentId()).getResultStream()
                .filter(c -> c.validOn(day)).map(Certification::getCode).collect(Collectors.toSet());
        for (String required : shift.getPosition().getRequiredCertifications()) {
            if (!valid.contains(required)) {
                throw new ConflictException("signup.certificationMissing",
                        "Certification " + required + " missing or expired", required);
            }
        }
        List<Long> signedUp = em.createQuery("select s.residentId from ShiftSignup s where s.shiftId = :s", Long.class)
                .setParameter("s", shiftId).getResultList();
        if (signedUp.contains(caller.residentId())) {
            throw new ConflictException("signup.twice", "Already signed up");
        }
        if (signedUp.size() >= shift.getPlaces()) {
            throw new ConflictException("signup.full", "Shift " + shiftId + " is full", shift.getPlaces());
        }
        ShiftSignup signup = new ShiftSignup(shiftId, caller.residentId(), now);
        em.persist(signup);
        em.flush();
        return signup;
    }

    /** An upcoming shift as a volunteer sees it. */
    public record OpenShift(Long shiftId, Long positionId, String positionName, Instant startsAt, Instant endsAt,
                            int places, long taken, boolean mine, Set<String> requiredCertifications) {
    }

    /** The signed-in resident's view: upcoming shifts of their community's positions (next 60 days). */
    public List<OpenShift> openShifts() {
        Caller caller = currentCaller.get();
        caller.require(Right.SELF_SERVICE);
        Instant now = clock.instant();
        List<Shift> shifts = em.createQuery("select s from Shift s join fetch s.position p where p.communityId = :c "
                        + "and p.active = true and s.endsAt > :now and s.startsAt < :until order by s.startsAt", Shift.class)
                .setParameter("c", caller.communityId()).setParameter("now", now)
                .setParameter("until", now.plus(java.time.Duration.ofDays(60))).setMaxResults(200).getResultList();
        return shifts.stream().map(s -> {
            List<Long> who = em.createQuery("select x.residentId from ShiftSignup x where x.shiftId = :s", Long.class)
                    .setParameter("s", s.getId()).getResultList();
            return new OpenShift(s.getId(), s.getPosition().getId(), s.getPosition().getName(), s.getStartsAt(),
                    s.getEndsAt(), s.getPlaces(), who.size(), who.contains(caller.residentId()),
                    s.getPosition().getRequiredCertifications());
        }).toList();
    }

    /** Positions of the caller's own community (a resident's, or a community staff member's). */
    public List<VolunteerPosition> myCommunityPositions() {
        Caller caller = currentCaller.get();
        return em.createQuery("select p from VolunteerPosition p where p.communityId = :c and p.active = true "
                + "order by p.name", VolunteerPosition.class).setParameter("c", caller.communityId())
                .setMaxResults(200).getResultList();
    }

    private VolunteerPosition position(Long id, Caller caller) {
        VolunteerPosition p = id == null ? null : em.find(VolunteerPosition.class, id);
        if (p == null) {
            throw new NotFoundException("position", id);
        }
        caller.requireCovers(em.find(Community.class, p.getCommunityId()));
        return p;
    }
}
