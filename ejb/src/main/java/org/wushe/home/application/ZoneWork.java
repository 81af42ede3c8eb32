package org.wushe.home.application;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.wushe.casework.domain.TaskStatus;
import org.wushe.deliberation.domain.VoteStatus;
import org.wushe.volunteering.application.CertificateReminders;
import org.wushe.volunteering.domain.WhistleResponse;

/**
 * The lines of "my work" from the meetings, votes, trainings, certifications, whistle calls and
 * points: one aggregate query each, scoped by the community (or the resident) the caller belongs
 * to, as the lists they open. {@link MyWork} decides who gets which line.
 */
@Dependent
class ZoneWork {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** Open tasks of the joint meetings the caller convened in their community, past their due day. */
    void meetingTasksOverdue(String username, Long communityId, String communityCode, Instant now,
                             List<WorkLine> lines) {
        Object[] r = em.createQuery("select count(t), min(t.dueOn) from MeetingTask t, JointMeeting m where "
                        + "t.communityId = :c and t.status = :open and t.dueOn < :today and m.id = t.meetingId "
                        + "and m.convenedBy = :me", Object[].class)
                .setParameter("c", communityId).setParameter("me", username).setParameter("open", TaskStatus.OPEN)
                .setParameter("today", today(now)).getSingleResult();
        MyWork.add(lines, now, "meetingTasksOverdue", (Long) r[0], null, startOf((LocalDate) r[1]), "/casework/cases",
                Map.of("community", communityCode));
    }

    /** Deliberation meetings of the community that were held and have no minutes yet. */
    void meetingsToRecord(Long communityId, String communityCode, Instant now, List<WorkLine> lines) {
        Object[] r = em.createQuery("select count(m), min(m.heldAt) from Meeting m where m.communityId = :c "
                        + "and m.heldAt < :now and m.minutes is null", Object[].class)
                .setParameter("c", communityId).setParameter("now", now).getSingleResult();
        MyWork.add(lines, now, "meetingsToRecord", (Long) r[0], (Instant) r[1], null, "/deliberation/meetings",
                Map.of("community", communityCode));
    }

    /** Training sessions of the community that ended with trainees whose attendance is not taken. */
    void trainingAttendance(Long communityId, String communityCode, Instant now, List<WorkLine> lines) {
        Object[] r = em.createQuery("select count(s), min(s.endsAt) from TrainingSession s where s.communityId = :c "
                        + "and s.endsAt < :now and exists (select e.id from Enrolment e where e.sessionId = s.id "
                        + "and e.attended is null)", Object[].class)
                .setParameter("c", communityId).setParameter("now", now).getSingleResult();
        MyWork.add(lines, now, "trainingAttendance", (Long) r[0], (Instant) r[1], null, "/training/courses",
                Map.of("community", communityCode));
    }

    /**
     * Certifications of the community's residents that expire within {@link CertificateReminders#DAYS}
     * days and are not renewed by a later one of the same code; the nearest expiry is the deadline.
     */
    void certificatesExpiring(Long communityId, Instant now, List<WorkLine> lines) {
        LocalDate today = today(now);
        Object[] r = em.createQuery("select count(c), min(c.expiresOn) from Certification c, Resident p where "
                        + "p.id = c.residentId and p.community.id = :c and c.expiresOn >= :today and c.expiresOn <= :last "
                        + "and not exists (select n.id from Certification n where n.residentId = c.residentId "
                        + "and n.code = c.code and n.expiresOn > c.expiresOn)", Object[].class)
                .setParameter("c", communityId).setParameter("today", today)
                .setParameter("last", today.plusDays(CertificateReminders.DAYS)).getSingleResult();
        MyWork.add(lines, now, "certificatesExpiring", (Long) r[0], null, endOf((LocalDate) r[1]),
                "/volunteering/positions", Map.of());
    }

    /** Open votes of the resident's community in which they are a representative of the term and have not voted. */
    void votesOpen(Long residentId, Instant now, List<WorkLine> lines) {
        Object[] r = em.createQuery("select count(v), min(v.openedAt), min(p.communityId) from Vote v, Representative p "
                        + "where p.residentId = :r and v.communityId = p.communityId and v.status = :open "
                        + "and p.termStart <= :today and p.termEnd >= :today and not exists (select b.id from Ballot b "
                        + "where b.voteId = v.id and b.representativeId = p.id)", Object[].class)
                .setParameter("r", residentId).setParameter("open", VoteStatus.OPEN)
                .setParameter("today", today(now)).getSingleResult();
        MyWork.add(lines, now, "votesOpen", (Long) r[0], (Instant) r[1], null, "/deliberation/issues",
                Map.of("stage", "VOTING"));
    }

    /** The resident's answers to whistle calls that wait for the caller's confirmation of attendance. */
    void callsAnswered(Long residentId, Instant now, List<WorkLine> lines) {
        Object[] r = em.createQuery("select count(w), min(w.respondedAt) from WhistleResponse w, PartyMember m "
                        + "where w.partyMemberId = m.id and m.residentId = :r and w.status = :answered", Object[].class)
                .setParameter("r", residentId).setParameter("answered", WhistleResponse.Status.ANSWERED)
                .getSingleResult();
        MyWork.add(lines, now, "callsAnswered", (Long) r[0], (Instant) r[1], null, "/volunteering/whistle", Map.of());
    }

    /**
     * The resident's points: the balance, and what of it expires within 30 days. Spending takes the
     * points that expire first (as the nightly expiry does), so what expires soon is the points
     * earned with an expiry before the window's end, less everything taken out, never below 0.
     */
    void myPoints(Long residentId, Instant now, List<WorkLine> lines) {
        LocalDate soon = today(now).plusDays(30);
        Object[] r = (Object[]) em.createNativeQuery("select sum(e.amount), "
                        + "sum(case when e.amount > 0 and e.expires_on < ? then e.amount else 0 end), "
                        + "sum(case when e.amount < 0 then 0 - e.amount else 0 end), "
                        + "min(case when e.amount > 0 and e.expires_on >= ? then e.expires_on end) "
                        + "from point_entry e, point_account a where e.account_id = a.id and a.resident_id = ? "
                        + "and a.account_kind <> 'REWARD_POOL'")
                .setParameter(1, java.sql.Date.valueOf(soon)).setParameter(2, java.sql.Date.valueOf(today(now)))
                .setParameter(3, residentId).getSingleResult();
        long balance = number(r[0]);
        long expiring = Math.max(0, number(r[1]) - number(r[2]));
        MyWork.add(lines, now, "myPoints", balance, null, null, "/volunteering/my", Map.of());
        LocalDate nearest = r[3] == null ? null : ((java.sql.Date) r[3]).toLocalDate();
        MyWork.add(lines, now, "myPointsExpiring", Math.min(expiring, balance), null, endOf(nearest), "/volunteering/my",
                Map.of());
    }

    private static long number(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, zone());
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    private Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(zone()).toInstant();
    }

    /** The end of a last valid day (the moment it is no longer valid). */
    private Instant endOf(LocalDate day) {
        return day == null ? null : day.plusDays(1).atStartOfDay(zone()).toInstant();
    }
}
