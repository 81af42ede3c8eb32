package org.wushe.deliberation.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.wushe.audit.application.AuditLog;
import org.wushe.audit.domain.AuditAction;
import org.wushe.community.domain.Community;
import org.wushe.community.domain.Resident;
import org.wushe.deliberation.domain.MeetingAttendance;
import org.wushe.deliberation.domain.Meeting;
import org.wushe.deliberation.domain.Representative;
import org.wushe.deliberation.domain.VoteRule;
import org.wushe.deliberation.domain.VoteRules;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.ConflictException;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.ValidationException;

/**
 * Resident representatives with their terms, representatives' meetings with agenda, attendance and
 * minutes, and a community's vote rules. Staff with {@link Right#DELIBERATE} keep representatives and
 * meetings; the rules are set with {@link Right#CONFIGURE_DELIBERATION}. Each attendance row is a
 * source of deliberation points (booked by the nightly settlement, {@code points-settle}).
 */
@Stateless
public class MeetingService {

    @EJB
    AuditLog audit;

    @PersistenceContext
    EntityManager em;

    @Inject
    DeliberationAccess access;

    @Inject
    Clock clock;

    /**
     * Appoints a resident of the community as representative for a term (first and last day). Refuses a
     * resident of another community and a term that overlaps one the resident already has.
     */
    public Representative appoint(String communityCode, Long residentId, LocalDate termStart, LocalDate termEnd) {
        Caller caller = access.caller(Right.DELIBERATE);
        Community c = access.community(caller, communityCode);
        caller.requireCovers(c);
        ValidationException.Collector errors = new ValidationException.Collector();
        Resident r = residentId == null ? null : em.find(Resident.class, residentId);
        if (residentId == null) {
            errors.add("residentId", "error.required");
        } else if (r == null || !r.getCommunity().getId().equals(c.getId())) {
            errors.add("residentId", "deliberation.resident.unknown", residentId);
        }
        if (termStart == null) {
            errors.add("termStart", "error.required");
        }
        if (termEnd == null) {
            errors.add("termEnd", "error.required");
        } else if (termStart != null && termEnd.isBefore(termStart)) {
            errors.add("termEnd", "deliberation.term.order");
        } else if (termStart != null && termEnd.isAfter(termStart.plusYears(6))) {
            errors.add("termEnd", "deliberation.term.tooLong", 6);
        }
        errors.throwIfAny();
        long overlap = em.createQuery("select count(r) from Representative r where r.residentId = :r "
                        + "and r.termStart <= :e and r.termEnd >= :s", Long.class)
                .setParameter("r", residentId).setParameter("s", termStart).setParameter("e", termEnd).getSingleResult();
        if (overlap > 0) {
            throw new ConflictException("deliberation.representative.overlap", "Term overlaps", r.getName());
        }
        Representative rep = new Representative(c.getId(), r.getId(), r.getName(), termStart, termEnd,
                caller.username(), clock.instant());
        em.persist(rep);
        em.flush();
        return rep;
    }

    /** Ends a representative's term early, on the given last day. */
    public Representative endTerm(Long representativeId, LocalDate lastDay) {
        Representative r = representative(representativeId);
        access.staff(r.getCommunityId());
        if (lastDay == null) {
            throw ValidationException.of("termEnd", "error.required");
        }
        r.endTerm(lastDay);
        em.flush();
        return r;
    }

    /** The representatives of a community: current ones, or all terms when {@code all}. */
    public List<Views.RepresentativeView> representatives(String communityCode, boolean all) {
        Caller caller = access.caller();
        Community c = access.community(caller, communityCode);
        access.reader(c.getId());
        LocalDate today = access.today();
        List<Representative> reps = all
                ? em.createQuery("select r from Representative r where r.communityId = :c "
                        + "order by r.termEnd desc, r.name, r.id", Representative.class)
                .setParameter("c", c.getId()).setMaxResults(500).getResultList()
                : access.currentRepresentatives(c.getId());
        return reps.stream().map(r -> new Views.RepresentativeView(r.getId(), r.getResidentId(), r.getName(),
                r.getTermStart(), r.getTermEnd(), r.isCurrent(today))).toList();
    }

    /** Schedules a representatives' meeting with its agenda. */
    public Meeting createMeeting(String communityCode, String title, Instant heldAt, String place, String agenda) {
        Caller caller = access.caller(Right.DELIBERATE);
        Community c = access.community(caller, communityCode);
        caller.requireCovers(c);
        ValidationException.Collector errors = new ValidationException.Collector();
        String t = errors.text("title", title, 150, true);
        if (heldAt == null) {
            errors.add("heldAt", "error.timeRequired");
        }
        String p = errors.text("place", place, 100, true);
        String a = errors.text("agenda", agenda, 2000, true);
        errors.throwIfAny();
        Meeting m = new Meeting(c.getId(), t, heldAt, p, a, caller.username());
        em.persist(m);
        em.flush();
        return m;
    }

    /**
     * Records which representatives are present (adds to what was recorded; recording someone twice
     * changes nothing). Only representatives whose term covers the meeting's day; not before the day.
     */
    public Views.MeetingView recordAttendance(Long meetingId, Collection<Long> representativeIds) {
        Meeting m = meeting(meetingId, true);
        Caller caller = access.staff(m.getCommunityId());
        LocalDate day = LocalDate.ofInstant(m.getHeldAt(), clock.getZone());
        if (day.isAfter(access.today())) {
            throw new ConflictException("deliberation.attendance.early", "Meeting has not taken place", day.toString());
        }
        if (representativeIds == null || representativeIds.isEmpty()) {
            throw ValidationException.of("present", "error.required");
        }
        Set<Long> already = new HashSet<>(presentIds(m.getId()));
        for (Long id : new HashSet<>(representativeIds)) {
            Representative r = id == null ? null : em.find(Representative.class, id);
            if (r == null || !r.getCommunityId().equals(m.getCommunityId()) || !r.isCurrent(day)) {
                throw ValidationException.of("present", "deliberation.attendance.notRepresentative", id);
            }
            if (already.add(r.getId())) {
                em.persist(new MeetingAttendance(m, r, caller.username(), clock.instant()));
            }
        }
        em.flush();
        return view(m);
    }

    /** Records the minutes of a meeting. */
    public Meeting recordMinutes(Long meetingId, String minutes) {
        Meeting m = meeting(meetingId, false);
        access.staff(m.getCommunityId());
        ValidationException.Collector errors = new ValidationException.Collector();
        String text = errors.text("minutes", minutes, 4000, true);
        errors.throwIfAny();
        m.recordMinutes(text);
        em.flush();
        return m;
    }

    /** The community's meetings, newest first (the last 100). */
    public List<Views.MeetingView> meetings(String communityCode) {
        Caller caller = access.caller();
        Community c = access.community(caller, communityCode);
        access.reader(c.getId());
        return em.createQuery("select m from Meeting m where m.communityId = :c order by m.heldAt desc, m.id desc",
                        Meeting.class).setParameter("c", c.getId()).setMaxResults(100).getResultList()
                .stream().map(this::view).toList();
    }

    public Views.MeetingView meetingView(Long meetingId) {
        Meeting m = meeting(meetingId, false);
        access.reader(m.getCommunityId());
        return view(m);
    }

    /** The community's vote rules and review interval; the defaults when it has set none. */
    public Views.RulesView rules(String communityCode) {
        Caller caller = access.caller();
        Community c = access.community(caller, communityCode);
        access.reader(c.getId());
        VoteRule r = em.find(VoteRule.class, c.getId());
        VoteRule shown = r == null ? new VoteRule(c.getId()) : r;
        return new Views.RulesView(shown.quorum().toString(), shown.majority().toString(), shown.getReviewMonths(),
                r == null);
    }

    /**
     * Sets the community's quorum (a share of the representatives that must be present, e.g. 2/3), its
     * majority (votes must be more than this share of those present, e.g. 1/2) and the months between
     * two self-examination reviews. Votes already open keep the rules they opened with.
     */
    public Views.RulesView setRules(String communityCode, Integer quorumNum, Integer quorumDen, Integer majorityNum,
                                    Integer majorityDen, Integer reviewMonths) {
        Caller caller = access.caller(Right.CONFIGURE_DELIBERATION);
        Community c = access.community(caller, communityCode);
        caller.requireCovers(c);
        ValidationException.Collector errors = new ValidationException.Collector();
        VoteRules.Fraction quorum = fraction("quorum", quorumNum, quorumDen, true, errors);
        VoteRules.Fraction majority = fraction("majority", majorityNum, majorityDen, false, errors);
        int months = reviewMonths == null ? VoteRule.DEFAULT_REVIEW_MONTHS : reviewMonths;
        if (months < 1 || months > 12) {
            errors.add("reviewMonths", "review.months.range");
        }
        errors.throwIfAny();
        VoteRule r = em.find(VoteRule.class, c.getId(), LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            r = new VoteRule(c.getId());
            r.change(quorum, majority, months, caller.username(), clock.instant());
            em.persist(r);
        } else {
            r.change(quorum, majority, months, caller.username(), clock.instant());
        }
        em.flush();
        audit.record(caller, AuditAction.SETTING_CHANGED, c.getId(), "vote_rule", c.getId(), null, null,
                "vote rules of " + c.getCode() + ": quorum " + quorumNum + "/" + quorumDen + ", majority "
                        + majorityNum + "/" + majorityDen + ", review every " + months + " months");
        return rules(communityCode);
    }

    private static VoteRules.Fraction fraction(String field, Integer num, Integer den, boolean wholeAllowed,
                                               ValidationException.Collector errors) {
        if (num == null || den == null) {
            errors.add(field, "error.required");
            return null;
        }
        if (num <= 0 || den <= 0 || den > 100 || num > den || (!wholeAllowed && num.equals(den))) {
            errors.add(field, "vote.rule.share");
            return null;
        }
        return new VoteRules.Fraction(num, den);
    }

    private Views.MeetingView view(Meeting m) {
        return new Views.MeetingView(m.getId(), m.getTitle(), m.getHeldAt(), m.getPlace(), m.getAgenda(),
                m.getMinutes(), presentIds(m.getId()));
    }

    private List<Long> presentIds(Long meetingId) {
        return em.createQuery("select a.representativeId from MeetingAttendance a where a.meetingId = :m order by a.id",
                Long.class).setParameter("m", meetingId).getResultList();
    }

    private Meeting meeting(Long id, boolean lock) {
        Meeting m = id == null ? null : lock ? em.find(Meeting.class, id, LockModeType.PESSIMISTIC_WRITE)
                : em.find(Meeting.class, id);
        if (m == null) {
            throw new NotFoundException("meeting", id);
        }
        return m;
    }

    private Representative representative(Long id) {
        Representative r = id == null ? null : em.find(Representative.class, id);
        if (r == null) {
            throw new NotFoundException("representative", id);
        }
        return r;
    }
}
