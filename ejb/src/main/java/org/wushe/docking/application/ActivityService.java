package org.wushe.docking.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.wushe.community.domain.Actor;
import org.wushe.community.domain.Community;
import org.wushe.community.domain.Resident;
import org.wushe.docking.domain.Activity;
import org.wushe.docking.domain.Attendance;
import org.wushe.docking.domain.Need;
import org.wushe.docking.domain.OpportunityItem;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.ValidationException;

/**
 * The activities a community held, with who attended (residents or actors of the community),
 * optionally for an item of the opportunity list or a need. The attendance feeds the rotation of
 * {@link OpportunityApplications}.
 */
@Stateless
public class ActivityService {

    @PersistenceContext
    EntityManager em;

    @Inject
    DockingAccess access;

    @Inject
    Clock clock;

    /** An attendee of an activity: a resident or an actor. */
    public record Attendee(Long residentId, Long actorId) {
    }

    /** An activity as the list shows it, with how many took part. */
    public record ActivityView(Long id, String title, LocalDate heldOn, Long itemId, Long needId, long attendees) {
    }

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
}
