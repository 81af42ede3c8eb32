package org.wushe.casework.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wushe.audit.application.AuditLog;
import org.wushe.audit.domain.AuditAction;
import org.wushe.casework.domain.CaseEntry;
import org.wushe.casework.domain.CaseEntryKind;
import org.wushe.casework.domain.CaseOutcome;
import org.wushe.casework.domain.CaseStage;
import org.wushe.casework.domain.CaseworkSetting;
import org.wushe.casework.domain.Referral;
import org.wushe.casework.domain.ReferralEvent;
import org.wushe.casework.domain.SocialCase;
import org.wushe.community.domain.Community;
import org.wushe.community.domain.Resident;
import org.wushe.security.application.NotSignedInException;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.security.domain.Role;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.Page;
import org.wushe.shared.PageRequest;
import org.wushe.shared.ValidationException;

/**
 * Casework: cases opened from an accepted referral or directly, moved through the stages (a skip
 * needs a recorded reason), sessions logged during intervention, evaluated, closed, and flagged
 * stubborn by the social worker, by an evaluation without improvement or by the nightly detection.
 * A case record is read only by its social worker, that worker's supervisor and the community's
 * Party secretary, and every read is audited; everyone else gets counts.
 */
@Stateless
public class CaseService {

    static final String RECORD_TYPE = "social_case";

    @PersistenceContext
    EntityManager em;

    @Inject
    CaseworkAccess access;

    @Inject
    CaseworkSettings settings;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** A new case: the resident, a title, and the accepted referral it comes from (optional). */
    public record CaseForm(Long residentId, String title, Long referralId) {
    }

    /** A line of a case list: enough to find the case, nothing of its content. */
    public record CaseRow(Long id, String title, String residentName, String socialWorker, String stage,
                          boolean stubborn, Instant openedAt, Instant stubbornAt, String stubbornReason) {
    }

    public record EntryView(String stage, String kind, String body, String recordedBy, Instant recordedAt) {
    }

    /** The case file: the case, its resident and every entry, stage by stage. */
    public record CaseFile(Long id, String communityCode, String gridCode, Long residentId, String residentName,
                           String socialWorker, Long referralId, String title, String stage, String outcome,
                           Instant openedAt, Instant closedAt, boolean stubborn, Instant stubbornAt,
                           String stubbornBy, String stubbornReason, List<EntryView> entries) {
    }

    /** Counts of a community's cases: open per stage, stubborn open, closed (improved or not). */
    public record CaseCounts(Map<String, Long> openByStage, long stubborn, long closed, long closedImproved) {
    }

    /**
     * A social worker opens a case ({@link Right#RUN_CASEWORK}) for a resident of their community,
     * from a referral they accepted or directly. Refused per field: unknown resident, no title, a
     * referral that is not the caller's or not accepted; {@code referral.caseOpened} when the
     * referral already has a case.
     */
    public CaseRow open(CaseForm f) {
        Caller caller = access.caller(Right.RUN_CASEWORK);
        ValidationException.Collector errors = new ValidationException.Collector();
        Resident r = access.resident("residentId", f.residentId(), errors);
        String title = errors.text("title", f.title(), 200, true);
        Referral ref = null;
        if (f.referralId() != null) {
            ref = em.find(Referral.class, f.referralId(), LockModeType.PESSIMISTIC_WRITE);
            if (ref == null || !ref.getSocialWorkerId().equals(caller.accountId())) {
                errors.add("referralId", "case.referral.notYours");
            } else if (r != null && !ref.getResidentId().equals(r.getId())) {
                errors.add("residentId", "case.referral.otherResident");
            }
        }
        errors.throwIfAny();
        caller.requireCovers(r.getCommunity());
        Instant now = clock.instant();
        SocialCase c = new SocialCase(r.getCommunity().getId(), r.getGridCell().getId(), r.getId(),
                caller.accountId(), caller.username(), ref == null ? null : ref.getId(), title, now);
        em.persist(c);
        em.flush();
        if (ref != null) {
            ref.linkCase(c.getId());
            em.persist(new ReferralEvent(ref.getId(), now, caller.username(), ref.getStatus(), ref.getStatus(),
                    ref.getOwner(), "case " + c.getId()));
        }
        entry(c, CaseEntryKind.STAGE, null, caller, now);
        return row(c, r.getName());
    }

    /**
     * The case file. Only its social worker, that worker's supervisor and the community's Party
     * secretary ({@code case.restricted} for anyone else, the bureau included); every read is
     * written to the audit log.
     */
    public CaseFile file(Long id) {
        Caller caller = access.caller();
        SocialCase c = find(id);
        access.requireRead(caller, c);
        audit.record(caller, AuditAction.READ_RESTRICTED, c.getCommunityId(), RECORD_TYPE, c.getId(), "case file",
                null, null);
        Resident r = em.find(Resident.class, c.getResidentId());
        List<EntryView> entries = em.createQuery("select e from CaseEntry e where e.caseId = :c "
                        + "order by e.recordedAt, e.id", CaseEntry.class).setParameter("c", id).getResultStream()
                .map(e -> new EntryView(e.getStage().name(), e.getKind().name(), e.getBody(), e.getRecordedBy(),
                        e.getRecordedAt())).toList();
        return new CaseFile(c.getId(), r.getCommunity().getCode(), r.getGridCell().getCode(), r.getId(), r.getName(),
                c.getSocialWorker(), c.getReferralId(), c.getTitle(), c.getStage().name(),
                c.getOutcome() == null ? null : c.getOutcome().name(), c.getOpenedAt(), c.getClosedAt(), c.isStubborn(),
                c.getStubbornAt(), c.getStubbornBy(), c.getStubbornReason(), entries);
    }

    /** A note in the current stage, by the case's social worker ({@code body} required, at most 4,000 characters). */
    public void addNote(Long id, String body) {
        write(id, CaseEntryKind.NOTE, body);
    }

    /** An intervention session, by the case's social worker; only in the intervention stage ({@code case.stage.required}). */
    public void logSession(Long id, String body) {
        write(id, CaseEntryKind.SESSION, body);
    }

    private void write(Long id, CaseEntryKind kind, String body) {
        Caller caller = access.caller(Right.RUN_CASEWORK);
        ValidationException.Collector errors = new ValidationException.Collector();
        String text = errors.text("body", body, 4000, true);
        errors.throwIfAny();
        SocialCase c = lock(id);
        access.requireOwnWorker(caller, c);
        if (kind == CaseEntryKind.SESSION) {
            c.requireStage(CaseStage.INTERVENTION);
        } else if (!c.isOpen()) {
            c.requireStage(CaseStage.EVALUATION);
        }
        entry(c, kind, text, caller, clock.instant());
    }

    /**
     * Moves the case on to {@code stage} (the case's social worker). The next stage needs nothing;
     * a later one needs {@code skipReason}, recorded in the file; never back
     * ({@code case.stage.backward}); closing after an evaluation needs its outcome.
     */
    public CaseRow advance(Long id, String stage, String note, String skipReason) {
        Caller caller = access.caller(Right.RUN_CASEWORK);
        ValidationException.Collector errors = new ValidationException.Collector();
        CaseStage target = CaseworkAccess.choice("stage", CaseStage.class, stage, true, errors);
        String text = errors.text("note", note, 4000, false);
        String reason = errors.text("skipReason", skipReason, 1000, false);
        errors.throwIfAny();
        SocialCase c = lock(id);
        access.requireOwnWorker(caller, c);
        Instant now = clock.instant();
        boolean skipped = c.moveTo(target, reason, now);
        entry(c, skipped ? CaseEntryKind.SKIP : CaseEntryKind.STAGE, skipped ? reason : text, caller, now);
        if (skipped && text != null) {
            entry(c, CaseEntryKind.NOTE, text, caller, now);
        }
        return row(c, null);
    }

    /**
     * The evaluation's finding (the case's social worker, in the evaluation stage). No improvement
     * flags the case stubborn.
     */
    public CaseRow evaluate(Long id, String outcome, String findings) {
        Caller caller = access.caller(Right.RUN_CASEWORK);
        ValidationException.Collector errors = new ValidationException.Collector();
        CaseOutcome found = CaseworkAccess.choice("outcome", CaseOutcome.class, outcome, true, errors);
        String text = errors.text("findings", findings, 4000, true);
        errors.throwIfAny();
        SocialCase c = lock(id);
        access.requireOwnWorker(caller, c);
        Instant now = clock.instant();
        boolean wasStubborn = c.isStubborn();
        c.evaluate(found, caller.username(), now);
        entry(c, CaseEntryKind.EVALUATION, found.name() + ": " + text, caller, now);
        if (!wasStubborn && c.isStubborn()) {
            entry(c, CaseEntryKind.STUBBORN, "case.stubborn.noImprovement", caller, now);
        }
        return row(c, null);
    }

    /** The case's social worker flags it stubborn, with a reason. */
    public CaseRow flagStubborn(Long id, String reason) {
        Caller caller = access.caller(Right.RUN_CASEWORK);
        ValidationException.Collector errors = new ValidationException.Collector();
        String why = errors.text("reason", reason, 1000, true);
        errors.throwIfAny();
        SocialCase c = lock(id);
        access.requireOwnWorker(caller, c);
        Instant now = clock.instant();
        if (c.markStubborn(caller.username(), now, why)) {
            entry(c, CaseEntryKind.STUBBORN, why, caller, now);
        }
        return row(c, null);
    }

    /**
     * The nightly detection: flags stubborn every case still open and opened before {@code asOf}
     * minus the stubborn period of its community (its own setting, else the city's). One bulk update
     * per community with its own setting and one for all the others, so it runs city-wide; returns
     * how many cases were flagged. Callable by the batch (nobody signed in) or by
     * {@link Right#OPERATE_JOBS}.
     */
    public int detectStubborn(LocalDate asOf) {
        try {
            access.caller(Right.OPERATE_JOBS);
        } catch (NotSignedInException e) {
            // the nightly batch runs without a signed-in person
        }
        Instant now = clock.instant();
        String reason = "case.stubborn.openTooLong";
        int flagged = 0;
        List<CaseworkSetting> overrides = settings.overrides();
        for (CaseworkSetting s : overrides) {
            flagged += em.createQuery("update SocialCase c set c.stubborn = 1, c.stubbornAt = :now, "
                            + "c.stubbornBy = 'nightly', c.stubbornReason = :r, c.version = c.version + 1 "
                            + "where c.communityId = :c and c.stage <> :closed and c.stubborn = 0 and c.openedAt < :cutoff")
                    .setParameter("now", now).setParameter("r", reason).setParameter("c", s.getCommunityId())
                    .setParameter("closed", CaseStage.CLOSED)
                    .setParameter("cutoff", cutoff(asOf, s.getStubbornAfterDays())).executeUpdate();
        }
        String others = overrides.isEmpty() ? ""
                : " and c.communityId not in (select s.communityId from CaseworkSetting s where s.communityId is not null)";
        flagged += em.createQuery("update SocialCase c set c.stubborn = 1, c.stubbornAt = :now, "
                        + "c.stubbornBy = 'nightly', c.stubbornReason = :r, c.version = c.version + 1 "
                        + "where c.stage <> :closed and c.stubborn = 0 and c.openedAt < :cutoff" + others)
                .setParameter("now", now).setParameter("r", reason).setParameter("closed", CaseStage.CLOSED)
                .setParameter("cutoff", cutoff(asOf, settings.city().getStubbornAfterDays())).executeUpdate();
        return flagged;
    }

    private Instant cutoff(LocalDate asOf, int days) {
        return asOf.minusDays(days).atStartOfDay(clock.getZone()).toInstant();
    }

    /**
     * The cases the caller may read, open first then newest: a social worker's own, a supervisor's
     * supervisees', the Party secretary's community's. Only stubborn ones when asked.
     */
    public Page<CaseRow> myCases(boolean stubbornOnly, PageRequest page) {
        Caller caller = access.caller();
        StringBuilder where = new StringBuilder(" from SocialCase c, Resident r where r.id = c.residentId and (c.socialWorkerId = :me"
                + " or c.socialWorkerId in (select a.id from Account a join a.supervisor s join s.supervisionSubDistricts sd"
                + " where s.id = :me and s.supervising = true and a.role = :worker and a.community.subDistrict = sd)");
        Map<String, Object> params = new HashMap<>();
        params.put("me", caller.accountId());
        params.put("worker", Role.SOCIAL_WORKER);
        if (caller.role() == Role.PARTY_SECRETARY) {
            where.append(" or c.communityId = :community");
            params.put("community", caller.communityId());
        }
        where.append(")");
        if (stubbornOnly) {
            where.append(" and c.stubborn = 1 and c.stage <> :closed");
            params.put("closed", CaseStage.CLOSED);
        }
        TypedQuery<Long> count = em.createQuery("select count(c)" + where, Long.class);
        TypedQuery<Object[]> rows = em.createQuery("select c, r.name" + where + " order by c.openedAt desc, c.id desc",
                Object[].class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            rows.setParameter(k, v);
        });
        List<CaseRow> items = rows.setFirstResult(page.first()).setMaxResults(page.size()).getResultList().stream()
                .map(o -> row((SocialCase) o[0], (String) o[1])).toList();
        return new Page<>(items, count.getSingleResult(), page.first(), page.size());
    }

    /** Counts of a community's cases, for everyone with {@link Right#VIEW_CASEWORK_FIGURES} in scope. */
    public CaseCounts counts(String communityCode) {
        Caller caller = access.caller(Right.VIEW_CASEWORK_FIGURES);
        Community community = access.community(caller, communityCode);
        Map<String, Long> open = new LinkedHashMap<>();
        for (CaseStage s : CaseStage.values()) {
            if (s != CaseStage.CLOSED) {
                open.put(s.name(), 0L);
            }
        }
        long closed = 0;
        for (Object[] row : em.createQuery("select c.stage, count(c) from SocialCase c where c.communityId = :c "
                + "group by c.stage", Object[].class).setParameter("c", community.getId()).getResultList()) {
            CaseStage s = (CaseStage) row[0];
            long n = ((Number) row[1]).longValue();
            if (s == CaseStage.CLOSED) {
                closed = n;
            } else {
                open.put(s.name(), n);
            }
        }
        long stubborn = em.createQuery("select count(c) from SocialCase c where c.communityId = :c and c.stubborn = 1 "
                        + "and c.stage <> :closed", Long.class).setParameter("c", community.getId())
                .setParameter("closed", CaseStage.CLOSED).getSingleResult();
        long improved = em.createQuery("select count(c) from SocialCase c where c.communityId = :c and c.stage = :closed "
                        + "and c.outcome = :improved", Long.class).setParameter("c", community.getId())
                .setParameter("closed", CaseStage.CLOSED).setParameter("improved", CaseOutcome.IMPROVED)
                .getSingleResult();
        return new CaseCounts(open, stubborn, closed, improved);
    }

    private SocialCase find(Long id) {
        return access.socialCase(id);
    }

    private SocialCase lock(Long id) {
        SocialCase c = id == null ? null : em.find(SocialCase.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw new NotFoundException("case", id);
        }
        return c;
    }

    private void entry(SocialCase c, CaseEntryKind kind, String body, Caller caller, Instant at) {
        em.persist(new CaseEntry(c.getId(), c.getStage(), kind, body, caller.username(), at));
    }

    private CaseRow row(SocialCase c, String residentName) {
        String name = residentName;
        if (name == null) {
            Resident r = em.find(Resident.class, c.getResidentId());
            name = r == null ? null : r.getName();
        }
        return new CaseRow(c.getId(), c.getTitle(), name, c.getSocialWorker(), c.getStage().name(), c.isStubborn(),
                c.getOpenedAt(), c.getStubbornAt(), c.getStubbornReason());
    }
}
