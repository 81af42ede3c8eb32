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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wushe.community.domain.Actor;
import org.wushe.community.domain.ActorType;
import org.wushe.community.domain.Community;
import org.wushe.community.domain.Resident;
import org.wushe.docking.domain.Activity;
import org.wushe.docking.domain.ApplicationStatus;
import org.wushe.docking.domain.Attendance;
import org.wushe.docking.domain.OpportunityApplication;
import org.wushe.docking.domain.OpportunityItem;
import org.wushe.docking.domain.OpportunityList;
import org.wushe.docking.domain.RotationSetting;
import org.wushe.security.application.PersonScope;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.ConflictException;
import org.wushe.shared.Label;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.ValidationException;

/**
 * Applications to the items of a community's Participation Opportunity List, and its rotation rule.
 * Residents and organisations apply, and places are filled in rotation order: applicants who took
 * part in fewer of the community's recent activities first. Choosing against that order needs a
 * written reason, which is kept and reported.
 */
@Stateless
public class OpportunityApplications {

    @PersistenceContext
    EntityManager em;

    @Inject
    DockingAccess access;

    @Inject
    Clock clock;

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

    /**
     * The applicants of an item: those still waiting in rotation order, then those already chosen.
     * The order is the whole item's; a grid worker sees of it the actors and the residents of their
     * own grid cells ({@link Caller#coversPerson}), each with their position in the whole order.
     */
    public List<Applicant> applicants(Long itemId) {
        Caller caller = access.caller(Right.VIEW_DOCKING);
        OpportunityItem item = item(itemId);
        access.community(caller, item.getCommunityId());
        List<Applicant> all = ranked(item);
        if (caller.personCells().isEmpty()) {
            return all;
        }
        Set<Long> visible = new HashSet<>(PersonScope.bind(caller, em.createQuery("select a.id from "
                + "OpportunityApplication a where a.itemId = :i" + PersonScope.residentIn(caller, "a.residentId", true),
                Long.class)).setParameter("i", item.getId()).getResultList());
        return all.stream().filter(a -> visible.contains(a.applicationId())).toList();
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

    /**
     * Choices made against the rotation order in a community's year, for the report to the
     * sub-district; a grid worker sees those of actors and of residents of their own grid cells.
     */
    public List<OutOfTurn> overrides(String communityCode, int year) {
        Caller caller = access.caller(Right.VIEW_DOCKING);
        Community c = access.community(caller, communityCode);
        List<OutOfTurn> out = new ArrayList<>();
        for (Object[] r : PersonScope.bind(caller, em.createQuery("select a, i.affair from OpportunityApplication a, "
                        + "OpportunityItem i, OpportunityList l where a.itemId = i.id and i.listId = l.id "
                        + "and l.communityId = :c and l.year = :y and a.overrideReason is not null"
                        + PersonScope.residentIn(caller, "a.residentId", true) + " order by a.decidedAt, a.id",
                        Object[].class))
                .setParameter("c", c.getId()).setParameter("y", year).getResultList()) {
            OpportunityApplication a = (OpportunityApplication) r[0];
            out.add(new OutOfTurn(a.getId(), a.getItemId(), (String) r[1], a.getApplicantName(),
                    a.getRotationPosition(), a.getOverrideReason(), a.getDecidedBy(), a.getDecidedAt()));
        }
        return out;
    }

    // ---------------------------------------------------------------- rotation rule

    /**
     * The community's rotation rule, or the default one while none was set. Anyone whose scope reaches
     * the community, a resident their own ({@link DockingAccess#community}).
     */
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
}
