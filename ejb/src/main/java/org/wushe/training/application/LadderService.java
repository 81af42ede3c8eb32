package org.wushe.training.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wushe.community.domain.Community;
import org.wushe.community.infrastructure.GeographyRepository;
import org.wushe.docking.domain.ApplicationStatus;
import org.wushe.docking.domain.NeedSource;
import org.wushe.security.application.CurrentCaller;
import org.wushe.security.application.PersonScope;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.NotInScopeException;
import org.wushe.shared.ValidationException;
import org.wushe.training.domain.Ladder;
import org.wushe.training.domain.LadderSnapshot;
import org.wushe.training.domain.Rung;
import org.wushe.volunteering.domain.ServiceHours;

/**
 * The participation ladder of a community, month by month. A snapshot reads the twelve months up to
 * the month's end from the records (activities attended, trainings attended, verified volunteer
 * services; requests the resident raised; places of the opportunity list they were chosen for and
 * actors they stand behind), places each resident with {@link Ladder#place}, and stores those above
 * the bottom rung; everyone else of the community counts as passive. The nightly assessment will
 * take the snapshots; staff can take one now.
 */
@Stateless
public class LadderService {

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    GeographyRepository geography;

    @Inject
    Clock clock;

    /** How many residents stood on each rung in a month. */
    public record Distribution(LocalDate month, long passive, long cooperative, long autonomous) {
    }

    /** A resident who moved up between the last two snapshots, with the evidence of the later one. */
    public record Mover(Long residentId, String name, String from, String to, int participations, int proposals,
                        int led) {
    }

    public record LadderView(String communityCode, String communityName, long residents,
                             List<Distribution> months, List<Mover> movedUp) {
    }

    /** Takes (or takes again) the snapshot of a month for a community; returns how many stand above passive. */
    public int snapshot(String communityCode, LocalDate month) {
        Caller caller = currentCaller.get();
        caller.require(Right.MANAGE_TRAINING);
        Community c = community(communityCode);
        caller.requireCovers(c);
        if (month == null || month.isAfter(LocalDate.now(clock))) {
            throw ValidationException.of("month", "ladder.month.future");
        }
        return snapshotCommunity(c.getId(), month.withDayOfMonth(1));
    }

    /** The snapshot itself, without caller checks, for the nightly assessment. */
    public int snapshotCommunity(Long communityId, LocalDate firstOfMonth) {
        ZoneId zone = clock.getZone();
        LocalDate endDay = firstOfMonth.plusMonths(1);
        LocalDate startDay = endDay.minusMonths(12);
        Instant start = startDay.atStartOfDay(zone).toInstant();
        Instant end = endDay.atStartOfDay(zone).toInstant();
        Map<Long, int[]> evidence = new HashMap<>();
        add(evidence, 0, em.createQuery("select t.residentId, count(t) from Attendance t, Activity a "
                + "where t.activityId = a.id and a.communityId = :c and t.residentId is not null "
                + "and a.heldOn >= :from and a.heldOn < :to group by t.residentId", Object[].class)
                .setParameter("c", communityId).setParameter("from", startDay).setParameter("to", endDay)
                .getResultList());
        add(evidence, 0, em.createQuery("select e.residentId, count(e) from Enrolment e, TrainingSession s "
                + "where e.sessionId = s.id and e.communityId = :c and e.residentId is not null and e.attended = true "
                + "and s.startsAt >= :from and s.startsAt < :to group by e.residentId", Object[].class)
                .setParameter("c", communityId).setParameter("from", start).setParameter("to", end).getResultList());
        add(evidence, 0, em.createQuery("select h.residentId, count(h) from ServiceHours h where h.communityId = :c "
                + "and h.status = :v and h.startedAt >= :from and h.startedAt < :to group by h.residentId", Object[].class)
                .setParameter("c", communityId).setParameter("v", ServiceHours.Status.VERIFIED)
                .setParameter("from", start).setParameter("to", end).getResultList());
        add(evidence, 1, em.createQuery("select n.residentId, count(n) from Need n where n.community.id = :c "
                + "and n.residentId is not null and n.source = :s and n.registeredAt >= :from and n.registeredAt < :to "
                + "group by n.residentId", Object[].class)
                .setParameter("c", communityId).setParameter("s", NeedSource.RESIDENT_REQUEST)
                .setParameter("from", start).setParameter("to", end).getResultList());
        add(evidence, 2, em.createQuery("select a.residentId, count(a) from OpportunityApplication a "
                + "where a.communityId = :c and a.residentId is not null and a.status = :sel "
                + "and a.decidedAt >= :from and a.decidedAt < :to group by a.residentId", Object[].class)
                .setParameter("c", communityId).setParameter("sel", ApplicationStatus.SELECTED)
                .setParameter("from", start).setParameter("to", end).getResultList());
        add(evidence, 2, em.createQuery("select a.residentId, count(a) from Actor a where a.community.id = :c "
                + "and a.residentId is not null group by a.residentId", Object[].class)
                .setParameter("c", communityId).getResultList());
        em.createQuery("delete from LadderSnapshot s where s.communityId = :c and s.month = :m")
                .setParameter("c", communityId).setParameter("m", firstOfMonth).executeUpdate();
        Instant now = clock.instant();
        int stored = 0;
        for (Map.Entry<Long, int[]> e : evidence.entrySet()) {
            Ladder.Evidence ev = new Ladder.Evidence(e.getValue()[0], e.getValue()[1], e.getValue()[2]);
            Rung rung = Ladder.place(ev);
            if (rung != Rung.PASSIVE) {
                em.persist(new LadderSnapshot(communityId, firstOfMonth, e.getKey(), rung, ev, now));
                stored++;
            }
        }
        em.flush();
        return stored;
    }

    /**
     * The community's ladder: the distribution of the last twelve snapshots (community-wide counts)
     * and who moved up in the latest, named: only people the caller reaches ({@link Caller#coversPerson};
     * a grid worker: their own grid cells).
     */
    public LadderView ladder(String communityCode) {
        Caller caller = currentCaller.get();
        caller.require(Right.VIEW_RESIDENTS);
        Community c = community(communityCode);
        if (!caller.covers(c)) {
            throw new NotInScopeException(c.getCode());
        }
        long residents = em.createQuery("select count(r) from Resident r where r.community.id = :c", Long.class)
                .setParameter("c", c.getId()).getSingleResult();
        List<LocalDate> months = em.createQuery("select distinct s.month from LadderSnapshot s where s.communityId = :c "
                + "order by s.month desc", LocalDate.class).setParameter("c", c.getId()).setMaxResults(12).getResultList();
        Map<LocalDate, long[]> counts = new HashMap<>();
        if (!months.isEmpty()) {
            for (Object[] r : em.createQuery("select s.month, s.rung, count(s) from LadderSnapshot s "
                    + "where s.communityId = :c and s.month in :m group by s.month, s.rung", Object[].class)
                    .setParameter("c", c.getId()).setParameter("m", months).getResultList()) {
                long[] x = counts.computeIfAbsent((LocalDate) r[0], k -> new long[3]);
                x[((Rung) r[1]).ordinal()] += ((Number) r[2]).longValue();
            }
        }
        List<Distribution> dist = new ArrayList<>();
        List<LocalDate> oldestFirst = new ArrayList<>(months);
        java.util.Collections.reverse(oldestFirst);
        for (LocalDate m : oldestFirst) {
            long[] x = counts.getOrDefault(m, new long[3]);
            dist.add(new Distribution(m, Math.max(0, residents - x[1] - x[2]), x[1], x[2]));
        }
        List<Mover> movers = new ArrayList<>();
        if (!months.isEmpty()) {
            Map<Long, Rung> before = new HashMap<>();
            if (months.size() > 1) {
                em.createQuery("select s from LadderSnapshot s where s.communityId = :c and s.month = :m",
                                LadderSnapshot.class).setParameter("c", c.getId()).setParameter("m", months.get(1))
                        .getResultList().forEach(s -> before.put(s.getResidentId(), s.getRung()));
            }
            for (Object[] r : PersonScope.bind(caller, em.createQuery("select s, r.name from LadderSnapshot s, Resident r "
                            + "where s.residentId = r.id and s.communityId = :c and s.month = :m"
                            + PersonScope.gridIn(caller, "r.gridCell.id") + " order by s.rung desc, r.name", Object[].class))
                    .setParameter("c", c.getId()).setParameter("m", months.get(0)).setMaxResults(2000).getResultList()) {
                LadderSnapshot s = (LadderSnapshot) r[0];
                Rung was = before.getOrDefault(s.getResidentId(), Rung.PASSIVE);
                if (s.getRung().ordinal() > was.ordinal()) {
                    movers.add(new Mover(s.getResidentId(), (String) r[1], was.name(), s.getRung().name(),
                            s.getParticipations(), s.getProposals(), s.getLed()));
                }
            }
        }
        return new LadderView(c.getCode(), c.getName(), residents, dist, movers);
    }

    private static void add(Map<Long, int[]> evidence, int slot, List<Object[]> rows) {
        for (Object[] r : rows) {
            evidence.computeIfAbsent((Long) r[0], k -> new int[3])[slot] += ((Number) r[1]).intValue();
        }
    }

    private Community community(String code) {
        if (code == null || code.isBlank()) {
            throw ValidationException.of("communityCode", "geo.community.required");
        }
        return geography.community(code.trim().toUpperCase()).orElseThrow(() -> new NotFoundException("community", code));
    }
}
