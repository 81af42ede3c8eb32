package org.wushe.docking.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wushe.community.domain.Actor;
import org.wushe.community.domain.ActorType;
import org.wushe.community.domain.Community;
import org.wushe.community.domain.Resident;
import org.wushe.community.infrastructure.GeographyRepository;
import org.wushe.docking.domain.Activity;
import org.wushe.docking.domain.ApplicationStatus;
import org.wushe.docking.domain.Attendance;
import org.wushe.docking.domain.IssueNature;
import org.wushe.docking.domain.Need;
import org.wushe.docking.domain.OpportunityApplication;
import org.wushe.docking.domain.OpportunityItem;
import org.wushe.docking.domain.OpportunityList;
import org.wushe.docking.domain.RotationSetting;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.ConflictException;
import org.wushe.shared.Label;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.NotPermittedException;
import org.wushe.shared.ValidationException;

/**
 * The Participation Opportunity List of a community and its rotation rule. The Party organisation
 * ({@link Right#MANAGE_OPPORTUNITIES}) writes and publishes the list, residents and organisations
 * apply, and places are filled in rotation order: applicants who took part in fewer of the
 * community's recent activities first. Choosing against that order needs a written reason, which is
 * kept and reported. Activities, with who attended, feed the rotation.
 */
@Stateless
public class OpportunityService {

    @PersistenceContext
    EntityManager em;

    @Inject
    DockingAccess access;

    @Inject
    GeographyRepository geography;

    @Inject
    Clock clock;

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

    /**
     * An applicant in rotation order: {@code recent} is how many of the community's last
     * {@code window} activities they took part in; {@code frequent} is true at or above the threshold.
     */
    public record Applicant(Long applicationId, String name, String kind, int recent, boolean frequent, int position,
                            String status, Integer rotationPosition, String overrideReason, Instant appliedAt) {
    }

    /** A choice made against the rotation order, for the report. */
    public record OutOfTurn(Long applicationId, Long itemId, String affair, String applicant, int rotationPosition,
                           String reason, String decidedBy, Instant decidedAt) {
    }

    /** An attendee of an activity: a resident or an actor. */
    public record Attendee(Long residentId, Long actorId) {
    }

    public record ActivityView(Long id, String title, LocalDate heldOn, Long itemId, Long needId, long attendees) {
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

    // ---------------------------------------------------------------- applications

    /**
     * Applies for an item. A resident applies for themself (the item must admit resident backbones);
     * staff in scope apply on behalf of an actor of the community (its type must be admitted) or of a
     * resident. Refuses a list not yet published, an item whose period is over, and a second
     * application.
     */
    public OpportunityApplication apply(Long itemId, Long residentId, Long actorId) {
        Caller caller = access.caller();
        OpportunityItem item = item(itemId);
        Community c = em.find(Community.class, item.getCommunityId());
        OpportunityList list = em.find(OpportunityList.class, item.getListId());
        Long resident;
        Long actor = null;
        String name;
        if (caller.has(Right.SELF_SERVICE) && caller.residentId() != null) {
            if (!c.getId().equals(caller.communityId())) {
                throw new NotFoundException("opportunity", itemId);
            }
            resident = caller.residentId();
        } else {
            caller.require(Right.HANDLE_NEEDS);
            caller.requireCovers(c);
            resident = actorId == null ? residentId : null;
            actor = actorId;
            if (resident == null && actor == null) {
                throw ValidationException.of("applicant", "opportunity.applicant.required");
            }
        }
        if (list.getStatus() != OpportunityList.Status.PUBLISHED) {
            throw new ConflictException("opportunity.notPublished", "List not published");
        }
        if (item.getPeriodUntil().isBefore(LocalDate.now(clock))) {
            throw new ConflictException("opportunity.closed", "Item period over", item.getAffair());
        }
        if (actor != null) {
            Actor a = em.find(Actor.class, actor);
            if (a == null || !a.getCommunity().getId().equals(c.getId())) {
                throw ValidationException.of("actorId", "opportunity.actor.unknown");
            }
            if (!item.getActorTypes().contains(a.getType())) {
                throw new ConflictException("opportunity.apply.typeNotAdmitted", "Actor type not admitted",
                        new Label("docking.actorType." + a.getType().name()));
            }
            name = a.getName();
        } else {
            Resident r = em.find(Resident.class, resident);
            if (r == null || !r.getCommunity().getId().equals(c.getId())) {
                throw ValidationException.of("residentId", "opportunity.resident.unknown");
            }
            if (!item.getActorTypes().contains(ActorType.RESIDENT_BACKBONE)) {
                throw new ConflictException("opportunity.apply.typeNotAdmitted", "Residents not admitted",
                        new Label("docking.actorType." + ActorType.RESIDENT_BACKBONE.name()));
            }
            name = r.getName();
        }
        long twice = em.createQuery("select count(a) from OpportunityApplication a where a.itemId = :i and "
                        + (actor != null ? "a.actorId = :x" : "a.residentId = :x"), Long.class)
                .setParameter("i", itemId).setParameter("x", actor != null ? actor : resident).getSingleResult();
        if (twice > 0) {
            throw new ConflictException("opportunity.apply.twice", "Already applied", item.getAffair());
        }
        OpportunityApplication app = new OpportunityApplication(item, actor == null ? resident : null, actor, name,
                clock.instant());
        em.persist(app);
        em.flush();
        return app;
    }

    /** The applicants of an item: those still waiting in rotation order, then those already chosen. */
    public List<Applicant> applicants(Long itemId) {
        Caller caller = access.caller(Right.VIEW_DOCKING);
        OpportunityItem item = item(itemId);
        access.community(caller, item.getCommunityId());
        return ranked(item);
    }

    /**
     * Chooses an applicant for a place. Choosing anyone but the first in rotation order (or one tied
     * with the first) needs a written reason ({@code rotation.override.reasonRequired}); the reason and
     * the position the applicant had are kept and reported. A full item is refused.
     */
    public OpportunityApplication select(Long applicationId, String reason) {
        Caller caller = access.caller(Right.MANAGE_OPPORTUNITIES);
        OpportunityApplication app = applicationId == null ? null
                : em.find(OpportunityApplication.class, applicationId);
        if (app == null) {
            throw new NotFoundException("application", applicationId);
        }
        OpportunityItem item = em.find(OpportunityItem.class, app.getItemId(), LockModeType.PESSIMISTIC_WRITE);
        Community c = em.find(Community.class, item.getCommunityId());
        caller.requireCovers(c);
        if (app.getStatus() != ApplicationStatus.APPLIED) {
            throw new ConflictException("opportunity.select.notWaiting", "Not waiting",
                    new Label("docking.applicationStatus." + app.getStatus().name()));
        }
        long selected = count(item.getId(), ApplicationStatus.SELECTED);
        if (selected >= item.getPlaces()) {
            throw new ConflictException("opportunity.full", "All places filled", item.getPlaces());
        }
        List<Applicant> order = ranked(item).stream().filter(a -> a.status().equals(ApplicationStatus.APPLIED.name()))
                .toList();
        Applicant first = order.get(0);
        Applicant chosen = order.stream().filter(a -> a.applicationId().equals(applicationId)).findFirst().orElseThrow();
        boolean against = chosen.frequent() != first.frequent() || chosen.recent() != first.recent();
        String text = DockingAccess.text("reason", reason, 500, false, new ValidationException.Collector());
        if (against && text == null) {
            throw ValidationException.of("reason", "rotation.override.reasonRequired", chosen.position());
        }
        if (text != null && text.length() > 500) {
            throw ValidationException.of("reason", "error.tooLong", 500);
        }
        app.select(chosen.position(), against ? text : null, clock.instant(), caller.username());
        em.flush();
        return app;
    }

    /** Choices made against the rotation order in a community's year, for the report to the sub-district. */
    public List<OutOfTurn> overrides(String communityCode, int year) {
        Caller caller = access.caller(Right.VIEW_DOCKING);
        Community c = access.community(caller, communityCode);
        List<OutOfTurn> out = new ArrayList<>();
        for (Object[] r : em.createQuery("select a, i.affair from OpportunityApplication a, OpportunityItem i, "
                        + "OpportunityList l where a.itemId = i.id and i.listId = l.id and l.communityId = :c "
                        + "and l.year = :y and a.overrideReason is not null order by a.decidedAt, a.id", Object[].class)
                .setParameter("c", c.getId()).setParameter("y", year).getResultList()) {
            OpportunityApplication a = (OpportunityApplication) r[0];
            out.add(new OutOfTurn(a.getId(), a.getItemId(), (String) r[1], a.getApplicantName(),
                    a.getRotationPosition(), a.getOverrideReason(), a.getDecidedBy(), a.getDecidedAt()));
        }
        return out;
    }

    // ---------------------------------------------------------------- rotation rule

    public RotationSetting rotation(String communityCode) {
        Caller caller = access.caller();
        Community c = access.community(caller, communityCode);
        RotationSetting s = em.find(RotationSetting.class, c.getId());
        return s != null ? s : new RotationSetting(c.getId(), RotationSetting.DEFAULT_WINDOW,
                RotationSetting.DEFAULT_THRESHOLD);
    }

    /** Sets the community's rotation rule: {@code threshold} of the last {@code window} activities. */
    public RotationSetting setRotation(String communityCode, Integer window, Integer threshold) {
        Caller caller = access.caller(Right.MANAGE_OPPORTUNITIES);
        Community c = access.community(caller, communityCode);
        caller.requireCovers(c);
        ValidationException.Collector errors = new ValidationException.Collector();
        if (window == null || window < 1 || window > 100) {
            errors.add("window", "rotation.window.range");
        }
        if (threshold == null || threshold < 1 || window != null && threshold > window) {
            errors.add("threshold", "rotation.threshold.range");
        }
        errors.throwIfAny();
        RotationSetting s = em.find(RotationSetting.class, c.getId());
        if (s == null) {
            s = new RotationSetting(c.getId(), window, threshold);
            em.persist(s);
        } else {
            s.set(window, threshold);
        }
        em.flush();
        return s;
    }

    // ---------------------------------------------------------------- activities

    /**
     * Records an activity that was held, with who took part (residents or actors of the community),
     * optionally for an item of the list or a need. The attendance feeds the rotation.
     */
    public Activity recordActivity(String communityCode, String title, LocalDate heldOn, Long itemId, Long needId,
                                   List<Attendee> attendees) {
        Caller caller = access.caller(Right.HANDLE_NEEDS);
        Community c = access.community(caller, communityCode);
        caller.requireCovers(c);
        ValidationException.Collector errors = new ValidationException.Collector();
        String t = DockingAccess.text("title", title, 200, true, errors);
        if (heldOn == null) {
            errors.add("heldOn", "error.required");
        } else if (heldOn.isAfter(LocalDate.now(clock))) {
            errors.add("heldOn", "activity.future");
        }
        if (itemId != null) {
            OpportunityItem i = em.find(OpportunityItem.class, itemId);
            if (i == null || !i.getCommunityId().equals(c.getId())) {
                errors.add("itemId", "activity.item.unknown");
            }
        }
        if (needId != null) {
            Need n = em.find(Need.class, needId);
            if (n == null || !n.getCommunity().getId().equals(c.getId())) {
                errors.add("needId", "activity.need.unknown");
            }
        }
        Map<String, Attendance> unique = new java.util.LinkedHashMap<>();
        List<Attendee> list = attendees == null ? List.of() : attendees;
        if (list.size() > 500) {
            errors.add("attendees", "activity.attendees.tooMany", 500);
        }
        List<Object[]> named = new ArrayList<>();
        for (Attendee a : list) {
            if (a.actorId() != null) {
                Actor actor = em.find(Actor.class, a.actorId());
                if (actor == null || !actor.getCommunity().getId().equals(c.getId())) {
                    errors.add("attendees", "activity.attendee.unknown", "A" + a.actorId());
                } else {
                    named.add(new Object[] {"A:" + actor.getId(), null, actor.getId(), actor.getName()});
                }
            } else if (a.residentId() != null) {
                Resident r = em.find(Resident.class, a.residentId());
                if (r == null || !r.getCommunity().getId().equals(c.getId())) {
                    errors.add("attendees", "activity.attendee.unknown", "R" + a.residentId());
                } else {
                    named.add(new Object[] {"R:" + r.getId(), r.getId(), null, r.getName()});
                }
            }
        }
        errors.throwIfAny();
        Activity activity = new Activity(c.getId(), t, heldOn, itemId, needId, caller.username(), clock.instant());
        em.persist(activity);
        em.flush();
        for (Object[] n : named) {
            unique.putIfAbsent((String) n[0], new Attendance(activity.getId(), (Long) n[1], (Long) n[2], (String) n[3]));
        }
        unique.values().forEach(em::persist);
        em.flush();
        return activity;
    }

    /** A community's activities of a year, newest first, with how many took part. */
    public List<ActivityView> activities(String communityCode, int year) {
        Caller caller = access.caller(Right.VIEW_DOCKING);
        Community c = access.community(caller, communityCode);
        List<ActivityView> out = new ArrayList<>();
        for (Object[] r : em.createQuery("select a, (select count(t) from Attendance t where t.activityId = a.id) "
                        + "from Activity a where a.communityId = :c and a.heldOn between :from and :to "
                        + "order by a.heldOn desc, a.id desc", Object[].class)
                .setParameter("c", c.getId()).setParameter("from", LocalDate.of(year, 1, 1))
                .setParameter("to", LocalDate.of(year, 12, 31)).setMaxResults(500).getResultList()) {
            Activity a = (Activity) r[0];
            out.add(new ActivityView(a.getId(), a.getTitle(), a.getHeldOn(), a.getItemId(), a.getNeedId(),
                    ((Number) r[1]).longValue()));
        }
        return out;
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Rotation order: applicants below the threshold before those at or above it, then fewer recent
     * activities first, then the earlier application. Chosen applicants follow, in the order chosen.
     */
    private List<Applicant> ranked(OpportunityItem item) {
        RotationSetting rule = em.find(RotationSetting.class, item.getCommunityId());
        int window = rule == null ? RotationSetting.DEFAULT_WINDOW : rule.getWindowSize();
        int threshold = rule == null ? RotationSetting.DEFAULT_THRESHOLD : rule.getThreshold();
        List<Long> recent = em.createQuery("select a.id from Activity a where a.communityId = :c "
                        + "order by a.heldOn desc, a.id desc", Long.class)
                .setParameter("c", item.getCommunityId()).setMaxResults(window).getResultList();
        Map<String, Integer> taken = new HashMap<>();
        if (!recent.isEmpty()) {
            for (Object[] r : em.createQuery("select t.residentId, t.actorId, count(t) from Attendance t "
                    + "where t.activityId in :ids group by t.residentId, t.actorId", Object[].class)
                    .setParameter("ids", recent).getResultList()) {
                String key = r[0] != null ? "R:" + r[0] : "A:" + r[1];
                taken.merge(key, ((Number) r[2]).intValue(), Integer::sum);
            }
        }
        List<OpportunityApplication> apps = em.createQuery("select a from OpportunityApplication a "
                        + "where a.itemId = :i and a.status <> :w order by a.appliedAt, a.id", OpportunityApplication.class)
                .setParameter("i", item.getId()).setParameter("w", ApplicationStatus.WITHDRAWN).getResultList();
        Comparator<OpportunityApplication> order = Comparator
                .comparing((OpportunityApplication a) -> taken.getOrDefault(a.applicantKey(), 0) >= threshold)
                .thenComparing(a -> taken.getOrDefault(a.applicantKey(), 0))
                .thenComparing(OpportunityApplication::getAppliedAt)
                .thenComparing(OpportunityApplication::getId);
        List<OpportunityApplication> waiting = apps.stream()
                .filter(a -> a.getStatus() == ApplicationStatus.APPLIED).sorted(order).toList();
        List<OpportunityApplication> chosen = apps.stream()
                .filter(a -> a.getStatus() == ApplicationStatus.SELECTED)
                .sorted(Comparator.comparing(OpportunityApplication::getDecidedAt)).toList();
        List<Applicant> out = new ArrayList<>();
        int pos = 0;
        for (OpportunityApplication a : java.util.stream.Stream.concat(waiting.stream(), chosen.stream()).toList()) {
            int n = taken.getOrDefault(a.applicantKey(), 0);
            boolean waits = a.getStatus() == ApplicationStatus.APPLIED;
            out.add(new Applicant(a.getId(), a.getApplicantName(), a.getResidentId() != null ? "RESIDENT" : "ACTOR",
                    n, n >= threshold, waits ? ++pos : 0, a.getStatus().name(), a.getRotationPosition(),
                    a.getOverrideReason(), a.getAppliedAt()));
        }
        return out;
    }

    private OpportunityList findList(Long communityId, int year) {
        return em.createQuery("select l from OpportunityList l where l.communityId = :c and l.year = :y",
                        OpportunityList.class).setParameter("c", communityId).setParameter("y", year)
                .getResultStream().findFirst().orElse(null);
    }

    private List<OpportunityItem> items(Long listId) {
        return em.createQuery("select i from OpportunityItem i where i.listId = :l order by i.periodFrom, i.id",
                OpportunityItem.class).setParameter("l", listId).getResultList();
    }

    private OpportunityItem item(Long id) {
        OpportunityItem i = id == null ? null : em.find(OpportunityItem.class, id);
        if (i == null) {
            throw new NotFoundException("opportunity", id);
        }
        return i;
    }

    private long count(Long itemId, ApplicationStatus status) {
        return em.createQuery("select count(a) from OpportunityApplication a where a.itemId = :i and a.status = :s",
                Long.class).setParameter("i", itemId).setParameter("s", status).getSingleResult();
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
