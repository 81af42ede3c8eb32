package org.wushe.docking.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wushe.community.domain.Community;
import org.wushe.docking.domain.Need;
import org.wushe.docking.domain.ServiceItem;
import org.wushe.docking.domain.ServiceStatus;
import org.wushe.docking.domain.ServiceVote;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.ConflictException;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.NotPermittedException;
import org.wushe.shared.ValidationException;

/**
 * The station's published service list with its completion status, and the residents' votes on how
 * well each service worked: one vote per resident and service, from the service's own community.
 */
@Stateless
public class ServiceListService {

    @PersistenceContext
    EntityManager em;

    @Inject
    DockingAccess access;

    @Inject
    Clock clock;

    /** A listed service with its votes; {@code myScore} is the signed-in resident's own vote, if any. */
    public record ServiceView(Long id, int year, String title, String description, Long needId, String status,
                              String completionNote, Instant completedAt, long votes, Double averageScore,
                              Integer myScore) {
    }

    public ServiceItem add(String communityCode, int year, String title, String description, Long needId) {
        Caller caller = access.caller(Right.HANDLE_NEEDS);
        Community c = access.community(caller, communityCode);
        caller.requireCovers(c);
        ValidationException.Collector errors = new ValidationException.Collector();
        if (year < 2000 || year > 2100) {
            errors.add("year", "opportunity.year.range");
        }
        String t = DockingAccess.text("title", title, 200, true, errors);
        String d = DockingAccess.text("description", description, 1000, false, errors);
        if (needId != null) {
            Need n = em.find(Need.class, needId);
            if (n == null || !n.getCommunity().getId().equals(c.getId())) {
                errors.add("needId", "activity.need.unknown");
            }
        }
        errors.throwIfAny();
        ServiceItem s = new ServiceItem(c.getId(), year, t, d, needId);
        em.persist(s);
        em.flush();
        return s;
    }

    public ServiceItem setStatus(Long id, String status, String note) {
        Caller caller = access.caller(Right.HANDLE_NEEDS);
        ServiceItem s = service(id);
        caller.requireCovers(access.community(caller, s.getCommunityId()));
        ValidationException.Collector errors = new ValidationException.Collector();
        ServiceStatus st = DockingAccess.choice("status", ServiceStatus.class, status, null, errors);
        String n = DockingAccess.text("note", note, 1000, st == ServiceStatus.COMPLETED, errors);
        errors.throwIfAny();
        s.setStatus(st, n, clock.instant());
        return s;
    }

    /** A community's service list of a year with vote counts and averages (staff in scope or its residents). */
    public List<ServiceView> services(String communityCode, int year) {
        Caller caller = access.caller();
        if (!caller.has(Right.VIEW_DOCKING) && !caller.has(Right.SELF_SERVICE)) {
            throw new NotPermittedException(Right.VIEW_DOCKING.name());
        }
        Community c = access.community(caller, communityCode);
        List<ServiceItem> items = em.createQuery("select s from ServiceItem s where s.communityId = :c and s.year = :y "
                + "order by s.id", ServiceItem.class).setParameter("c", c.getId()).setParameter("y", year)
                .setMaxResults(500).getResultList();
        Map<Long, Object[]> votes = new HashMap<>();
        Map<Long, Integer> mine = new HashMap<>();
        if (!items.isEmpty()) {
            List<Long> ids = items.stream().map(ServiceItem::getId).toList();
            for (Object[] r : em.createQuery("select v.serviceId, count(v), avg(v.score) from ServiceVote v "
                    + "where v.serviceId in :ids group by v.serviceId", Object[].class)
                    .setParameter("ids", ids).getResultList()) {
                votes.put((Long) r[0], r);
            }
            if (caller.residentId() != null) {
                for (ServiceVote v : em.createQuery("select v from ServiceVote v where v.serviceId in :ids "
                        + "and v.residentId = :r", ServiceVote.class).setParameter("ids", ids)
                        .setParameter("r", caller.residentId()).getResultList()) {
                    mine.put(v.getServiceId(), v.getScore());
                }
            }
        }
        return items.stream().map(s -> {
            Object[] v = votes.get(s.getId());
            return new ServiceView(s.getId(), s.getYear(), s.getTitle(), s.getDescription(), s.getNeedId(),
                    s.getStatus().name(), s.getCompletionNote(), s.getCompletedAt(),
                    v == null ? 0 : ((Number) v[1]).longValue(),
                    v == null ? null : Math.round(((Number) v[2]).doubleValue() * 10) / 10.0, mine.get(s.getId()));
        }).toList();
    }

    /**
     * The signed-in resident votes 1 to 5 on a service of their community that has started. A second
     * vote is refused ({@code service.vote.twice}); the unique key on (service, resident) holds even
     * under two simultaneous requests.
     */
    public ServiceVote vote(Long serviceId, Integer score, String comment) {
        Caller caller = access.caller(Right.SELF_SERVICE);
        ServiceItem s = service(serviceId);
        if (caller.residentId() == null || !s.getCommunityId().equals(caller.communityId())) {
            throw new NotFoundException("service", serviceId);
        }
        ValidationException.Collector errors = new ValidationException.Collector();
        if (score == null) {
            errors.add("score", "error.required");
        } else if (score < 1 || score > 5) {
            errors.add("score", "service.vote.range");
        }
        String text = DockingAccess.text("comment", comment, 500, false, errors);
        errors.throwIfAny();
        if (s.getStatus() == ServiceStatus.PLANNED) {
            throw new ConflictException("service.vote.notStarted", "Service not started", s.getTitle());
        }
        long already = em.createQuery("select count(v) from ServiceVote v where v.serviceId = :s and v.residentId = :r",
                Long.class).setParameter("s", serviceId).setParameter("r", caller.residentId()).getSingleResult();
        if (already > 0) {
            throw new ConflictException("service.vote.twice", "Already voted", s.getTitle());
        }
        ServiceVote v = new ServiceVote(serviceId, caller.residentId(), score, text, clock.instant());
        em.persist(v);
        em.flush();
        return v;
    }

    private ServiceItem service(Long id) {
        ServiceItem s = id == null ? null : em.find(ServiceItem.class, id);
        if (s == null) {
            throw new NotFoundException("service", id);
        }
        return s;
    }
}
