package org.wushe.docking.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wushe.community.domain.Actor;
import org.wushe.community.domain.ActorType;
import org.wushe.community.domain.Community;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.ValidationException;

/**
 * The concentric circle (同心圆) of a community: the Party organisation at the centre, professional
 * social work next, the other actors outside, each with what they took part in during the year. A map
 * of who takes part in what, read from the actors and the attendance of activities.
 */
@Stateless
public class CircleService {

    @PersistenceContext
    EntityManager em;

    @Inject
    DockingAccess access;

    /** One member of a ring and the activities of the year they attended (titles, newest first). */
    public record Member(Long actorId, String name, String type, long participations, List<String> activities) {
    }

    public record Ring(int ring, List<Member> members) {
    }

    public record Circle(String communityCode, String communityName, int year, List<Ring> rings) {
    }

    public Circle circle(String communityCode, int year) {
        Caller caller = access.caller(Right.VIEW_DOCKING);
        Community c = access.community(caller, communityCode);
        List<Actor> actors = em.createQuery("select a from Actor a where a.community.id = :c order by a.type, a.name",
                Actor.class).setParameter("c", c.getId()).setMaxResults(1000).getResultList();
        Map<Long, List<String>> took = new HashMap<>();
        for (Object[] r : em.createQuery("select t.actorId, a.title from Attendance t, Activity a "
                        + "where t.activityId = a.id and a.communityId = :c and t.actorId is not null "
                        + "and a.heldOn between :from and :to order by a.heldOn desc, a.id desc", Object[].class)
                .setParameter("c", c.getId()).setParameter("from", LocalDate.of(year, 1, 1))
                .setParameter("to", LocalDate.of(year, 12, 31)).getResultList()) {
            took.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add((String) r[1]);
        }
        List<Ring> rings = new ArrayList<>();
        for (int ring = 0; ring <= 2; ring++) {
            int n = ring;
            List<Member> members = actors.stream().filter(a -> a.getType().ring() == n).map(a -> {
                List<String> acts = took.getOrDefault(a.getId(), List.of());
                return new Member(a.getId(), a.getName(), a.getType().name(), acts.size(),
                        acts.subList(0, Math.min(10, acts.size())));
            }).toList();
            rings.add(new Ring(ring, members));
        }
        return new Circle(c.getCode(), c.getName(), year, rings);
    }

    /** Adds an actor to the community's circle (the Party organisation's right). */
    public Actor addActor(String communityCode, String name, String type, String contactName) {
        Caller caller = access.caller(Right.MANAGE_OPPORTUNITIES);
        Community c = access.community(caller, communityCode);
        caller.requireCovers(c);
        ValidationException.Collector errors = new ValidationException.Collector();
        String n = DockingAccess.text("name", name, 100, true, errors);
        ActorType t = DockingAccess.choice("type", ActorType.class, type, null, errors);
        String contact = DockingAccess.text("contactName", contactName, 50, false, errors);
        errors.throwIfAny();
        Actor a = new Actor(c, n, t, contact, null);
        em.persist(a);
        em.flush();
        return a;
    }
}
