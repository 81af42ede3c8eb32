package org.wushe.docking.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wushe.community.domain.ActorType;
import org.wushe.community.domain.Community;
import org.wushe.community.infrastructure.GeographyRepository;
import org.wushe.docking.domain.ApplicationStatus;
import org.wushe.docking.domain.IssueNature;
import org.wushe.docking.domain.OpportunityApplication;
import org.wushe.docking.domain.OpportunityItem;
import org.wushe.docking.domain.OpportunityList;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.ConflictException;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.NotPermittedException;
import org.wushe.shared.ValidationException;

/**
 * The Participation Opportunity List of a community: the Party organisation
 * ({@link Right#MANAGE_OPPORTUNITIES}) writes and publishes a year's list; staff in scope and the
 * community's residents read it, and the public page reads the published list without names.
 * Applications and the rotation rule are in {@link OpportunityApplications}, activities in
 * {@link ActivityService}.
 */
@Stateless
public class OpportunityService {

    @PersistenceContext
    EntityManager em;

    @Inject
    DockingAccess access;

    @Inject
    Clock clock;

    @Inject
    GeographyRepository geography;

    /** An item as the list shows it, with how many applied, how many were chosen and what is still open. */
    public record ItemView(Long id, String affair, String nature, Set<String> actorTypes, int places,
                           LocalDate periodFrom, LocalDate periodUntil, String description, long applied,
                           long selected, long open) {
    }

    /** A year's list of a community; {@code listId} is null while nothing was written for that year. */
    public record ListView(Long listId, String communityCode, String communityName, int year, String status,
                           Instant publishedAt, List<ItemView> items) {
    }

    /** An item as typed in: checked by {@link #addItem}. */
    public record ItemForm(String affair, String nature, Set<String> actorTypes, Integer places, LocalDate periodFrom,
                           LocalDate periodUntil, String description) {
    }

    // ---------------------------------------------------------------- the list

    /** The community's list of a year, for staff in scope and the community's residents. */
    public ListView list(String communityCode, int year) {
        Caller caller = access.caller();
        if (!caller.has(Right.VIEW_DOCKING) && !caller.has(Right.SELF_SERVICE)) {
            throw new NotPermittedException(Right.VIEW_DOCKING.name());
        }
        Community c = access.community(caller, communityCode);
        OpportunityList list = findList(c.getId(), year);
        if (list != null && list.getStatus() != OpportunityList.Status.PUBLISHED && !caller.has(Right.VIEW_DOCKING)) {
            list = null;
        }
        return view(c, year, list);
    }

    /** The published list of a community for the public page: no sign-in, no names of applicants. */
    public ListView publicList(String communityCode, int year) {
        Community c = communityCode == null ? null
                : geography.community(communityCode.trim().toUpperCase()).orElse(null);
        if (c == null) {
            throw new NotFoundException("community", communityCode);
        }
        OpportunityList list = findList(c.getId(), year);
        return view(c, year, list != null && list.getStatus() == OpportunityList.Status.PUBLISHED ? list : null);
    }

    /** Adds an item to the year's list (creating the list as a draft when there is none yet). */
    public OpportunityItem addItem(String communityCode, int year, ItemForm f) {
        Caller caller = access.caller(Right.MANAGE_OPPORTUNITIES);
        Community c = access.community(caller, communityCode);
        caller.requireCovers(c);
        ValidationException.Collector errors = new ValidationException.Collector();
        if (year < 2000 || year > 2100) {
            errors.add("year", "opportunity.year.range");
        }
        String affair = DockingAccess.text("affair", f.affair(), 200, true, errors);
        IssueNature nature = DockingAccess.choice("nature", IssueNature.class, f.nature(), null, errors);
        Set<ActorType> types = EnumSet.noneOf(ActorType.class);
        if (f.actorTypes() == null || f.actorTypes().isEmpty()) {
            errors.add("actorTypes", "opportunity.actorTypes.required");
        } else {
            for (String t : f.actorTypes()) {
                ActorType at = DockingAccess.choice("actorTypes", ActorType.class, t, null, errors);
                if (at != null) {
                    types.add(at);
                }
            }
        }
        if (f.places() == null) {
            errors.add("places", "error.required");
        } else if (f.places() < 1 || f.places() > 1000) {
            errors.add("places", "opportunity.places.range");
        }
        if (f.periodFrom() == null) {
            errors.add("periodFrom", "error.required");
        }
        if (f.periodUntil() == null) {
            errors.add("periodUntil", "error.required");
        } else if (f.periodFrom() != null && f.periodUntil().isBefore(f.periodFrom())) {
            errors.add("periodUntil", "opportunity.period.order");
        }
        String description = DockingAccess.text("description", f.description(), 1000, false, errors);
        errors.throwIfAny();
        OpportunityList list = findList(c.getId(), year);
        if (list == null) {
            list = new OpportunityList(c.getId(), year);
            em.persist(list);
            em.flush();
        }
        OpportunityItem item = new OpportunityItem(list, affair, nature, types, f.places(), f.periodFrom(),
                f.periodUntil(), description);
        em.persist(item);
        em.flush();
        return item;
    }

    /** Publishes the year's list, which then shows on the public page and takes applications. */
    public OpportunityList publish(String communityCode, int year) {
        Caller caller = access.caller(Right.MANAGE_OPPORTUNITIES);
        Community c = access.community(caller, communityCode);
        caller.requireCovers(c);
        OpportunityList list = findList(c.getId(), year);
        if (list == null || items(list.getId()).isEmpty()) {
            throw new ConflictException("opportunity.publish.empty", "Nothing to publish", year);
        }
        if (list.getStatus() != OpportunityList.Status.PUBLISHED) {
            list.publish(clock.instant(), caller.username());
        }
        return list;
    }

    // ---------------------------------------------------------------- helpers

    private OpportunityList findList(Long communityId, int year) {
        return em.createQuery("select l from OpportunityList l where l.communityId = :c and l.year = :y",
                        OpportunityList.class).setParameter("c", communityId).setParameter("y", year)
                .getResultStream().findFirst().orElse(null);
    }

    private List<OpportunityItem> items(Long listId) {
        return em.createQuery("select i from OpportunityItem i where i.listId = :l order by i.periodFrom, i.id",
                OpportunityItem.class).setParameter("l", listId).getResultList();
    }

    private ListView view(Community c, int year, OpportunityList list) {
        if (list == null) {
            return new ListView(null, c.getCode(), c.getName(), year, null, null, List.of());
        }
        Map<Long, long[]> counts = new HashMap<>();
        for (Object[] r : em.createQuery("select a.itemId, a.status, count(a) from OpportunityApplication a, "
                + "OpportunityItem i where a.itemId = i.id and i.listId = :l group by a.itemId, a.status", Object[].class)
                .setParameter("l", list.getId()).getResultList()) {
            long[] x = counts.computeIfAbsent((Long) r[0], k -> new long[2]);
            ApplicationStatus s = (ApplicationStatus) r[1];
            if (s == ApplicationStatus.APPLIED) {
                x[0] += ((Number) r[2]).longValue();
            } else if (s == ApplicationStatus.SELECTED) {
                x[1] += ((Number) r[2]).longValue();
            }
        }
        List<ItemView> items = items(list.getId()).stream().map(i -> {
            long[] x = counts.getOrDefault(i.getId(), new long[2]);
            Set<String> types = new LinkedHashSet<>();
            i.getActorTypes().stream().sorted().forEach(t -> types.add(t.name()));
            return new ItemView(i.getId(), i.getAffair(), i.getNature().name(), types, i.getPlaces(),
                    i.getPeriodFrom(), i.getPeriodUntil(), i.getDescription(), x[0] + x[1], x[1],
                    Math.max(0, i.getPlaces() - x[1]));
        }).toList();
        return new ListView(list.getId(), c.getCode(), c.getName(), year, list.getStatus().name(),
                list.getPublishedAt(), items);
    }
}
