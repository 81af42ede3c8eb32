package org.wushe.volunteering.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.wushe.community.domain.Community;
import org.wushe.community.infrastructure.GeographyRepository;
import org.wushe.security.application.CurrentCaller;
import org.wushe.security.application.PersonScope;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.ConflictException;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.NotInScopeException;
import org.wushe.shared.NotPermittedException;
import org.wushe.shared.ValidationException;
import org.wushe.volunteering.domain.PartyMember;
import org.wushe.volunteering.domain.WhistleCall;
import org.wushe.volunteering.domain.WhistleResponse;

/**
 * In-service Party members and whistle calls: members report to their community themselves; the
 * Party secretary ({@link Right#POST_WHISTLE}) posts calls and confirms attendance; members answer.
 * A confirmed answer is the source of Party-member points (booked by the nightly settlement, {@code points-settle}).
 */
@Stateless
public class PartyService {

    /** A call on the board with how many answered and how many were confirmed. */
    public record CallView(WhistleCall call, long answered, long confirmed) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Clock clock;

    @Inject
    GeographyRepository geography;

    /** The signed-in resident reports as an in-service Party member (or updates the report). */
    public PartyMember report(String workUnit, String contact, String commitments) {
        Caller caller = currentCaller.get();
        caller.require(Right.SELF_SERVICE);
        PartyMember m = member(caller.communityId(), caller.residentId());
        if (m == null) {
            m = new PartyMember(caller.communityId(), caller.residentId(), workUnit, contact, commitments, clock.instant());
            em.persist(m);
        } else {
            m.update(workUnit, contact, commitments);
        }
        em.flush();
        return m;
    }

    /**
     * The reported members of a community (staff in scope; a grid worker, those living in their own
     * grid cells: {@link Caller#coversPerson}).
     */
    public List<PartyMember> members(String communityCode) {
        Caller caller = currentCaller.get();
        caller.require(Right.VIEW_RESIDENTS);
        Community c = community(communityCode);
        caller.requireCovers(c);
        return PersonScope.bind(caller, em.createQuery("select m from PartyMember m where m.communityId = :c"
                        + PersonScope.residentIn(caller, "m.residentId", false) + " order by m.reportedAt desc",
                PartyMember.class)).setParameter("c", c.getId()).setMaxResults(500).getResultList();
    }

    /** Posts a call. Party secretary of the community only. */
    public WhistleCall post(String communityCode, String title, int needed, Instant startsAt, Instant endsAt,
                            Long needId) {
        Caller caller = currentCaller.get();
        caller.require(Right.POST_WHISTLE);
        Community c = community(communityCode);
        caller.requireCovers(c);
        WhistleCall call = new WhistleCall(c.getId(), title, needed, startsAt, endsAt, needId, caller.username(),
                clock.instant());
        em.persist(call);
        em.flush();
        return call;
    }

    /** Posts a call in the secretary's own community. */
    public WhistleCall postInOwnCommunity(String title, int needed, Instant startsAt, Instant endsAt, Long needId) {
        Caller caller = currentCaller.get();
        Community c = caller.communityId() == null ? null : em.find(Community.class, caller.communityId());
        if (c == null) {
            throw new NotPermittedException(Right.POST_WHISTLE.name());
        }
        return post(c.getCode(), title, needed, startsAt, endsAt, needId);
    }

    /** The community's calls, newest first, with their counts (staff in scope, or its residents). */
    public List<CallView> board(String communityCode) {
        Caller caller = currentCaller.get();
        Community c = community(communityCode);
        if (!caller.covers(c) && !c.getId().equals(caller.communityId())) {
            throw new NotInScopeException(c.getCode());
        }
        return em.createQuery("select w from WhistleCall w where w.communityId = :c order by w.startsAt desc",
                        WhistleCall.class).setParameter("c", c.getId()).setMaxResults(100).getResultStream()
                .map(w -> new CallView(w, count(w.getId(), null), count(w.getId(), WhistleResponse.Status.CONFIRMED)))
                .toList();
    }

    /** The board of the caller's own community (its residents and its staff). */
    public List<CallView> myBoard() {
        Caller caller = currentCaller.get();
        Community c = caller.communityId() == null ? null : em.find(Community.class, caller.communityId());
        if (c == null) {
            throw new NotPermittedException("whistle.board", "Only people of a community see its whistle board");
        }
        return board(c.getCode());
    }

    /** The signed-in resident's own report, if they reported. */
    public PartyMember myReport() {
        Caller caller = currentCaller.get();
        caller.require(Right.SELF_SERVICE);
        return member(caller.communityId(), caller.residentId());
    }

    /**
     * A reported Party member answers a call of their community. Refuses non-members
     * ({@code whistle.notMember}), a call that is over, a full call and a second answer.
     */
    public WhistleResponse answer(Long callId) {
        Caller caller = currentCaller.get();
        caller.require(Right.SELF_SERVICE);
        WhistleCall call = em.find(WhistleCall.class, callId, LockModeType.PESSIMISTIC_WRITE);
        if (call == null || !call.getCommunityId().equals(caller.communityId())) {
            throw new NotFoundException("whistleCall", callId);
        }
        PartyMember m = member(call.getCommunityId(), caller.residentId());
        if (m == null) {
            throw new NotPermittedException("whistle.notMember", "Only reported Party members answer");
        }
        if (!call.getEndsAt().isAfter(clock.instant())) {
            throw new ConflictException("whistle.over", "Call " + callId + " is over");
        }
        boolean answered = em.createQuery("select count(r) from WhistleResponse r where r.callId = :c "
                        + "and r.partyMemberId = :m", Long.class)
                .setParameter("c", callId).setParameter("m", m.getId()).getSingleResult() > 0;
        if (answered) {
            throw new ConflictException("whistle.twice", "Answered already");
        }
        if (count(callId, null) >= call.getNeeded()) {
            throw new ConflictException("whistle.full", "Call " + callId + " has its members", call.getNeeded());
        }
        WhistleResponse r = new WhistleResponse(callId, m.getId(), clock.instant());
        em.persist(r);
        em.flush();
        return r;
    }

    /** The poster confirms whether a member came. Only the secretary who posted the call. */
    public WhistleResponse confirm(Long responseId, boolean present) {
        Caller caller = currentCaller.get();
        caller.require(Right.POST_WHISTLE);
        WhistleResponse r = em.find(WhistleResponse.class, responseId == null ? -1L : responseId);
        if (r == null) {
            throw new NotFoundException("whistleResponse", responseId);
        }
        WhistleCall call = em.find(WhistleCall.class, r.getCallId());
        if (!call.getPostedBy().equals(caller.username())) {
            throw new NotPermittedException("whistle.notPoster", "Attendance is confirmed by the poster");
        }
        r.decide(present, caller.username(), clock.instant());
        return r;
    }

    /** The answers to one call (staff in scope; a grid worker, those of members living in their own grid cells). */
    public List<WhistleResponse> responses(Long callId) {
        Caller caller = currentCaller.get();
        WhistleCall call = em.find(WhistleCall.class, callId == null ? -1L : callId);
        if (call == null) {
            throw new NotFoundException("whistleCall", callId);
        }
        caller.requireCovers(em.find(Community.class, call.getCommunityId()));
        if (caller.personCells().isEmpty()) {
            return em.createQuery("select r from WhistleResponse r where r.callId = :c order by r.id",
                    WhistleResponse.class).setParameter("c", callId).getResultList();
        }
        return PersonScope.bind(caller, em.createQuery("select r from WhistleResponse r where r.callId = :c "
                        + "and r.partyMemberId in (select m.id from PartyMember m where m.communityId = :community"
                        + PersonScope.residentIn(caller, "m.residentId", false) + ") order by r.id", WhistleResponse.class))
                .setParameter("c", callId).setParameter("community", call.getCommunityId()).getResultList();
    }

    /** Answers that still count (not marked absent), or only those of one status. */
    private long count(Long callId, WhistleResponse.Status status) {
        if (status != null) {
            return em.createQuery("select count(r) from WhistleResponse r where r.callId = :c and r.status = :s",
                    Long.class).setParameter("c", callId).setParameter("s", status).getSingleResult();
        }
        return em.createQuery("select count(r) from WhistleResponse r where r.callId = :c and r.status <> :absent",
                Long.class).setParameter("c", callId).setParameter("absent", WhistleResponse.Status.ABSENT)
                .getSingleResult();
    }

    private PartyMember member(Long communityId, Long residentId) {
        return em.createQuery("select m from PartyMember m where m.communityId = :c and m.residentId = :r",
                        PartyMember.class)
                .setParameter("c", communityId).setParameter("r", residentId).getResultStream().findFirst().orElse(null);
    }

    private Community community(String code) {
        return geography.community(code).orElseThrow(
                () -> ValidationException.of("communityCode", "geo.community.unknown", String.valueOf(code)));
    }
}
