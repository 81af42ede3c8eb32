package org.wushe.organisation.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.wushe.audit.application.AuditLog;
import org.wushe.audit.domain.AuditAction;
import org.wushe.community.domain.Actor;
import org.wushe.community.domain.ActorType;
import org.wushe.community.domain.Community;
import org.wushe.community.domain.Masking;
import org.wushe.community.domain.Resident;
import org.wushe.organisation.application.OrganisationViews.ActivityView;
import org.wushe.organisation.application.OrganisationViews.ChecklistEntry;
import org.wushe.organisation.application.OrganisationViews.CommunityTiers;
import org.wushe.organisation.application.OrganisationViews.FundingView;
import org.wushe.organisation.application.OrganisationViews.MemberView;
import org.wushe.organisation.application.OrganisationViews.OrganisationDetail;
import org.wushe.organisation.application.OrganisationViews.OrganisationRow;
import org.wushe.organisation.application.OrganisationViews.RecognitionView;
import org.wushe.organisation.application.OrganisationViews.TierView;
import org.wushe.organisation.domain.ChecklistItem;
import org.wushe.organisation.domain.ChecklistTick;
import org.wushe.organisation.domain.CommunityOrganisation;
import org.wushe.organisation.domain.MaturityTier;
import org.wushe.organisation.domain.OrganisationActivity;
import org.wushe.organisation.domain.OrganisationFunding;
import org.wushe.organisation.domain.OrganisationMember;
import org.wushe.organisation.domain.OrganisationType;
import org.wushe.organisation.domain.Recognition;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.ConflictException;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.ValidationException;

/**
 * A community's organisations (社区社会组织): register them with their actor in the concentric
 * circle, keep members, activities, funds per year and recognition, read their maturity tier
 * (computed from the data, see {@link MaturityTier}) and tick the support checklist of the tier.
 * Reading needs {@link Right#VIEW_ORGANISATIONS}, changing {@link Right#MANAGE_ORGANISATIONS}; every
 * record's community must lie in the caller's scope. Leader and member names are masked; the full
 * names need {@link Right#REVEAL_PERSONAL_DATA} and a stated purpose, and are audited.
 */
@Stateless
public class OrganisationService {

    static final String RECORD_TYPE = "ORGANISATION";
    static final String REVEALED_FIELDS = "leaderName,memberNames";
    private static final int MAX_ROWS = 500;
    /** The circle's actor types an organisation may stand as (the outer ring). */
    private static final Set<ActorType> ACTOR_TYPES = Set.of(ActorType.SOCIAL_ORGANIZATION, ActorType.VOLUNTEER_TEAM,
            ActorType.RESIDENT_BACKBONE);

    @PersistenceContext
    EntityManager em;

    @Inject
    OrganisationAccess access;

    @Inject
    TierReader tiers;

    @Inject
    Clock clock;

    @EJB
    AuditLog audit;

    /**
     * A registration as typed in. {@code actorType} is the circle's type the organisation stands as
     * (SOCIAL_ORGANIZATION when blank; VOLUNTEER_TEAM and RESIDENT_BACKBONE also allowed).
     */
    public record RegistrationForm(String name, String type, LocalDate foundedOn, Long leaderResidentId,
                                   String actorType) {
    }

    /** An activity as typed in; satisfaction 1.0 to 5.0 with at most one decimal, with its respondents. */
    public record ActivityForm(LocalDate heldOn, String title, Integer participants, BigDecimal satisfaction,
                               Integer respondents) {
    }

    // ---------------------------------------------------------------- register

    /**
     * Registers an organisation in a community and creates its actor in the community's circle; the
     * leader becomes its first member on the founding day. Refuses, field by field, a blank or taken
     * name, an unknown type, a founding day missing or in the future, a leader who is not a resident
     * of the community and an actor type outside the outer ring.
     */
    public OrganisationDetail register(String communityCode, RegistrationForm f) {
        Caller caller = access.caller(Right.MANAGE_ORGANISATIONS);
        Community c = access.community(caller, communityCode);
        LocalDate today = LocalDate.now(clock);
        ValidationException.Collector errors = new ValidationException.Collector();
        String name = errors.text("name", f.name(), 100, true);
        if (name != null && !em.createQuery("select o.id from CommunityOrganisation o where o.communityId = :c "
                + "and o.name = :n", Long.class).setParameter("c", c.getId()).setParameter("n", name)
                .setMaxResults(1).getResultList().isEmpty()) {
            errors.add("name", "organisation.name.taken", name);
        }
        OrganisationType type = choice("type", OrganisationType.class, f.type(), null, errors);
        ActorType actorType = choice("actorType", ActorType.class, f.actorType(), ActorType.SOCIAL_ORGANIZATION, errors);
        if (actorType != null && !ACTOR_TYPES.contains(actorType)) {
            errors.add("actorType", "organisation.actorType.outerRing");
        }
        LocalDate founded = f.foundedOn();
        if (founded == null) {
            errors.add("foundedOn", "error.required");
        } else if (founded.isAfter(today)) {
            errors.add("foundedOn", "organisation.date.future");
        } else if (founded.getYear() < 1949) {
            errors.add("foundedOn", "organisation.founded.tooEarly");
        }
        Resident leader = resident("leaderResidentId", f.leaderResidentId(), c, errors);
        errors.throwIfAny();
        Actor actor = new Actor(c, name, actorType, Masking.name(leader.getName()), leader.getId());
        em.persist(actor);
        em.flush();
        CommunityOrganisation o = new CommunityOrganisation(c.getId(), actor.getId(), name, type, founded,
                leader.getId(), caller.username(), clock.instant());
        em.persist(o);
        em.flush();
        em.persist(new OrganisationMember(o, leader.getId(), founded));
        em.flush();
        return detail(caller, o, false);
    }

    // ---------------------------------------------------------------- read

    /**
     * The organisations of a community (at most 500, by name) with their tier and what holds each
     * back, read with one aggregate query per input. Needs {@link Right#VIEW_ORGANISATIONS}.
     */
    public List<OrganisationRow> list(String communityCode) {
        Caller caller = access.caller(Right.VIEW_ORGANISATIONS);
        Community c = access.community(caller, communityCode);
        List<CommunityOrganisation> orgs = em.createQuery("select o from CommunityOrganisation o "
                        + "where o.communityId = :c order by o.name, o.id", CommunityOrganisation.class)
                .setParameter("c", c.getId()).setMaxResults(MAX_ROWS).getResultList();
        if (orgs.isEmpty()) {
            return List.of();
        }
        Map<Long, MaturityTier.Assessment> assessed = tiers.assess(orgs, TierReader.Where.community(c.getId()),
                LocalDate.now(clock));
        Map<Long, String> leaders = names(orgs.stream().map(CommunityOrganisation::getLeaderResidentId).toList());
        return orgs.stream().map(o -> new OrganisationRow(o.getId(), o.getName(), o.getType().name(), o.getFoundedOn(),
                Masking.name(leaders.get(o.getLeaderResidentId())), TierView.of(assessed.get(o.getId())))).toList();
    }

    /** One organisation's page, names masked. Needs {@link Right#VIEW_ORGANISATIONS}. */
    public OrganisationDetail detail(Long id) {
        Caller caller = access.caller(Right.VIEW_ORGANISATIONS);
        return detail(caller, access.organisation(caller, id), false);
    }

    /**
     * One organisation's page with the leader's and members' full names, after a stated purpose
     * (at least 4 characters); writes an audit entry. Needs {@link Right#VIEW_ORGANISATIONS} and
     * {@link Right#REVEAL_PERSONAL_DATA}.
     */
    public OrganisationDetail reveal(Long id, String purpose) {
        Caller caller = access.caller(Right.VIEW_ORGANISATIONS);
        caller.require(Right.REVEAL_PERSONAL_DATA);
        String p = purpose == null ? "" : purpose.strip();
        if (p.length() < 4) {
            throw ValidationException.of("purpose", "reveal.purpose.required");
        }
        if (p.length() > 500) {
            throw ValidationException.of("purpose", "error.tooLong", 500);
        }
        CommunityOrganisation o = access.organisation(caller, id);
        audit.record(caller, AuditAction.REVEAL, o.getCommunityId(), RECORD_TYPE, o.getId(), REVEALED_FIELDS, p, null);
        return detail(caller, o, true);
    }

    private OrganisationDetail detail(Caller caller, CommunityOrganisation o, boolean revealed) {
        LocalDate today = LocalDate.now(clock);
        Community c = em.find(Community.class, o.getCommunityId());
        Actor actor = em.find(Actor.class, o.getActorId());
        MaturityTier.Assessment a = tiers.assess(List.of(o), TierReader.Where.organisation(o.getId()), today)
                .get(o.getId());
        List<OrganisationMember> members = em.createQuery("select m from OrganisationMember m "
                        + "where m.organisationId = :o order by m.leftOn desc, m.joinedOn, m.id", OrganisationMember.class)
                .setParameter("o", o.getId()).setMaxResults(MAX_ROWS).getResultList();
        List<Long> people = new ArrayList<>(members.stream().map(OrganisationMember::getResidentId).toList());
        people.add(o.getLeaderResidentId());
        Map<Long, String> names = names(people);
        List<MemberView> memberViews = members.stream().sorted(Comparator
                        .comparing((OrganisationMember m) -> !m.activeOn(today)).thenComparing(OrganisationMember::getJoinedOn))
                .map(m -> new MemberView(m.getId(), m.getResidentId(), shown(names.get(m.getResidentId()), revealed),
                        m.getJoinedOn(), m.getLeftOn(), m.activeOn(today))).toList();
        List<ActivityView> activities = em.createQuery("select a from OrganisationActivity a where a.organisationId = :o "
                        + "order by a.heldOn desc, a.id desc", OrganisationActivity.class)
                .setParameter("o", o.getId()).setMaxResults(200).getResultList().stream()
                .map(x -> new ActivityView(x.getId(), x.getHeldOn(), x.getTitle(), x.getParticipants(),
                        tenths(x.getSatisfactionTenths()), x.getRespondents())).toList();
        List<FundingView> funding = em.createQuery("select f from OrganisationFunding f where f.organisationId = :o "
                        + "order by f.year desc", OrganisationFunding.class).setParameter("o", o.getId())
                .setMaxResults(50).getResultList().stream()
                .map(f -> new FundingView(f.getYear(), f.getSelfRaisedFen(), f.getExternalFen())).toList();
        List<RecognitionView> recognitions = em.createQuery("select r from Recognition r where r.organisationId = :o "
                        + "order by r.awardedOn desc, r.id desc", Recognition.class).setParameter("o", o.getId())
                .setMaxResults(100).getResultList().stream()
                .map(r -> new RecognitionView(r.getId(), r.getTitle(), r.getAwardedBy(), r.getAwardedOn())).toList();
        return new OrganisationDetail(o.getId(), c.getCode(), c.getName(), o.getName(), o.getType().name(),
                o.getFoundedOn(), actor.getId(), actor.getType().name(), actor.getRing(), o.getLeaderResidentId(),
                shown(names.get(o.getLeaderResidentId()), revealed), revealed, TierView.of(a), memberViews, activities,
                funding, recognitions, checklist(o, a.tier()));
    }

    /** The active items of the tier's checklist with this organisation's ticks. */
    private List<ChecklistEntry> checklist(CommunityOrganisation o, MaturityTier tier) {
        Map<Long, ChecklistTick> ticks = em.createQuery("select t from ChecklistTick t where t.organisationId = :o",
                        ChecklistTick.class).setParameter("o", o.getId()).getResultList().stream()
                .collect(Collectors.toMap(ChecklistTick::getItemId, t -> t));
        return em.createQuery("select i from ChecklistItem i where i.tier = :t and i.active = 1 "
                        + "order by i.sortOrder, i.id", ChecklistItem.class).setParameter("t", tier).getResultList()
                .stream().map(i -> {
                    ChecklistTick t = ticks.get(i.getId());
                    return new ChecklistEntry(i.getId(), i.getKind().name(), i.getTitle(),
                            t == null ? null : t.getTickedOn(), t == null ? null : t.getTickedBy());
                }).toList();
    }

    /**
     * How many organisations stand in each tier, per community of the caller's scope (only
     * communities with organisations), optionally of one sub-district. Needs
     * {@link Right#VIEW_ORGANISATIONS}.
     */
    public List<CommunityTiers> overview(String subDistrictCode) {
        Caller caller = access.caller(Right.VIEW_ORGANISATIONS);
        StringBuilder where = new StringBuilder("o.communityId in (select c.id from Community c where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        switch (caller.scopeKind()) {
            case CITY -> { }
            case SUB_DISTRICTS -> {
                where.append(" and c.subDistrict.id in :scopeSd");
                params.put("scopeSd", caller.subDistrictIds());
            }
            case COMMUNITY, GRID_CELLS -> {
                where.append(" and c.id = :scopeC");
                params.put("scopeC", caller.communityId());
            }
            case SELF -> where.append(" and 1 = 0");
        }
        if (subDistrictCode != null && !subDistrictCode.isBlank()) {
            where.append(" and c.subDistrict.code = :sd");
            params.put("sd", subDistrictCode.strip().toUpperCase());
        }
        where.append(")");
        TierReader.Where w = new TierReader.Where(where.toString(), params);
        var q = em.createQuery("select o from CommunityOrganisation o where " + w.jpql(), CommunityOrganisation.class);
        params.forEach(q::setParameter);
        List<CommunityOrganisation> orgs = q.getResultList();
        if (orgs.isEmpty()) {
            return List.of();
        }
        Map<Long, MaturityTier.Assessment> assessed = tiers.assess(orgs, w, LocalDate.now(clock));
        Map<Long, long[]> counts = new HashMap<>();
        for (CommunityOrganisation o : orgs) {
            counts.computeIfAbsent(o.getCommunityId(), k -> new long[3])[assessed.get(o.getId()).tier().ordinal()]++;
        }
        List<CommunityTiers> out = new ArrayList<>();
        em.createQuery("select c from Community c join fetch c.subDistrict where c.id in :ids order by c.code",
                        Community.class).setParameter("ids", counts.keySet()).getResultList()
                .forEach(c -> {
                    long[] n = counts.get(c.getId());
                    out.add(new CommunityTiers(c.getCode(), c.getName(), c.getSubDistrict().getCode(), n[0], n[1], n[2]));
                });
        return out;
    }

    // ---------------------------------------------------------------- keep

    /**
     * Adds a resident of the organisation's community as a member from the given day. Refuses a
     * resident of another community, a day in the future or before the founding, and a resident who
     * is a member already ({@code organisation.member.twice}).
     */
    public MemberView addMember(Long organisationId, Long residentId, LocalDate joinedOn) {
        Caller caller = access.caller(Right.MANAGE_ORGANISATIONS);
        CommunityOrganisation o = access.organisation(caller, organisationId);
        LocalDate today = LocalDate.now(clock);
        ValidationException.Collector errors = new ValidationException.Collector();
        Resident r = resident("residentId", residentId, em.find(Community.class, o.getCommunityId()), errors);
        day("joinedOn", joinedOn, o, today, errors);
        errors.throwIfAny();
        boolean member = em.createQuery("select m from OrganisationMember m where m.organisationId = :o "
                        + "and m.residentId = :r", OrganisationMember.class).setParameter("o", o.getId())
                .setParameter("r", r.getId()).getResultStream().anyMatch(m -> m.getLeftOn() == null);
        if (member) {
            throw new ConflictException("organisation.member.twice", "Already a member", Masking.name(r.getName()));
        }
        OrganisationMember m = new OrganisationMember(o, r.getId(), joinedOn);
        em.persist(m);
        em.flush();
        return new MemberView(m.getId(), r.getId(), Masking.name(r.getName()), joinedOn, null, m.activeOn(today));
    }

    /** Records that a member left on the given day (not before joining, not in the future). */
    public void memberLeaves(Long memberId, LocalDate leftOn) {
        Caller caller = access.caller(Right.MANAGE_ORGANISATIONS);
        OrganisationMember m = memberId == null ? null : em.find(OrganisationMember.class, memberId);
        if (m == null) {
            throw new NotFoundException("member", memberId);
        }
        access.organisation(caller, m.getOrganisationId());
        if (leftOn == null) {
            throw ValidationException.of("leftOn", "error.required");
        }
        if (leftOn.isAfter(LocalDate.now(clock))) {
            throw ValidationException.of("leftOn", "organisation.date.future");
        }
        if (leftOn.isBefore(m.getJoinedOn())) {
            throw ValidationException.of("leftOn", "organisation.member.leftBeforeJoined", m.getJoinedOn());
        }
        if (m.getLeftOn() != null) {
            throw new ConflictException("organisation.member.left", "Already left", m.getLeftOn());
        }
        m.leave(leftOn);
        em.flush();
    }

    /**
     * Records an activity the organisation held. Refuses, field by field, a day missing, in the
     * future or before the founding, a blank title, participants outside 0 to 100,000, a
     * satisfaction outside 1.0 to 5.0 or with more than one decimal, and respondents missing for a
     * satisfaction or more than the participants.
     */
    public ActivityView addActivity(Long organisationId, ActivityForm f) {
        Caller caller = access.caller(Right.MANAGE_ORGANISATIONS);
        CommunityOrganisation o = access.organisation(caller, organisationId);
        ValidationException.Collector errors = new ValidationException.Collector();
        day("heldOn", f.heldOn(), o, LocalDate.now(clock), errors);
        String title = errors.text("title", f.title(), 100, true);
        Integer participants = f.participants();
        if (participants == null) {
            errors.add("participants", "error.required");
        } else if (participants < 0 || participants > 100_000) {
            errors.add("participants", "organisation.participants.range");
        }
        Integer tenths = null;
        if (f.satisfaction() != null) {
            BigDecimal s = f.satisfaction().stripTrailingZeros();
            if (s.scale() > 1 || s.compareTo(BigDecimal.ONE) < 0 || s.compareTo(BigDecimal.valueOf(5)) > 0) {
                errors.add("satisfaction", "organisation.satisfaction.range");
            } else {
                tenths = s.movePointRight(1).intValueExact();
            }
        }
        Integer respondents = f.respondents();
        if (f.satisfaction() != null && (respondents == null || respondents < 1)) {
            errors.add("respondents", "organisation.respondents.required");
        } else if (respondents != null && (respondents < 0 || participants != null && respondents > participants)) {
            errors.add("respondents", "organisation.respondents.range");
        }
        errors.throwIfAny();
        OrganisationActivity a = new OrganisationActivity(o, f.heldOn(), title, participants, tenths,
                respondents == null ? 0 : respondents, caller.username());
        em.persist(a);
        em.flush();
        return new ActivityView(a.getId(), a.getHeldOn(), a.getTitle(), a.getParticipants(),
                tenths(a.getSatisfactionTenths()), a.getRespondents());
    }

    /**
     * Records (or corrects) the organisation's funds of one year, in fen. Refuses a year before the
     * founding or after this year and amounts missing or negative.
     */
    public FundingView setFunding(Long organisationId, Integer year, Long selfRaisedFen, Long externalFen) {
        Caller caller = access.caller(Right.MANAGE_ORGANISATIONS);
        CommunityOrganisation o = access.organisation(caller, organisationId);
        ValidationException.Collector errors = new ValidationException.Collector();
        if (year == null) {
            errors.add("year", "error.required");
        } else if (year < o.getFoundedOn().getYear() || year > LocalDate.now(clock).getYear()) {
            errors.add("year", "organisation.funding.year", o.getFoundedOn().getYear(), LocalDate.now(clock).getYear());
        }
        fen("selfRaisedFen", selfRaisedFen, errors);
        fen("externalFen", externalFen, errors);
        errors.throwIfAny();
        OrganisationFunding f = em.createQuery("select f from OrganisationFunding f where f.organisationId = :o "
                        + "and f.year = :y", OrganisationFunding.class).setParameter("o", o.getId())
                .setParameter("y", year).getResultStream().findFirst().orElse(null);
        if (f == null) {
            f = new OrganisationFunding(o, year, selfRaisedFen, externalFen);
            em.persist(f);
        } else {
            f.set(selfRaisedFen, externalFen);
        }
        em.flush();
        return new FundingView(f.getYear(), f.getSelfRaisedFen(), f.getExternalFen());
    }

    /** Records a plaque or prize: title, awarding body, day (not in the future, not before the founding). */
    public RecognitionView addRecognition(Long organisationId, String title, String awardedBy, LocalDate awardedOn) {
        Caller caller = access.caller(Right.MANAGE_ORGANISATIONS);
        CommunityOrganisation o = access.organisation(caller, organisationId);
        ValidationException.Collector errors = new ValidationException.Collector();
        String t = errors.text("title", title, 100, true);
        String by = errors.text("awardedBy", awardedBy, 100, true);
        day("awardedOn", awardedOn, o, LocalDate.now(clock), errors);
        errors.throwIfAny();
        Recognition r = new Recognition(o, t, by, awardedOn, caller.username());
        em.persist(r);
        em.flush();
        return new RecognitionView(r.getId(), r.getTitle(), r.getAwardedBy(), r.getAwardedOn());
    }

    /**
     * Ticks an item of the checklist of the organisation's current tier as done today by the
     * caller. Refuses an item of another tier ({@code organisation.checklist.otherTier}), a retired
     * item and an item ticked already ({@code organisation.checklist.twice}).
     */
    public ChecklistEntry tick(Long organisationId, Long itemId) {
        Caller caller = access.caller(Right.MANAGE_ORGANISATIONS);
        CommunityOrganisation o = access.organisation(caller, organisationId);
        ChecklistItem item = itemId == null ? null : em.find(ChecklistItem.class, itemId);
        if (item == null || !item.isActive()) {
            throw new NotFoundException("checklistItem", itemId);
        }
        LocalDate today = LocalDate.now(clock);
        MaturityTier tier = tiers.assess(List.of(o), TierReader.Where.organisation(o.getId()), today)
                .get(o.getId()).tier();
        if (item.getTier() != tier) {
            throw new ConflictException("organisation.checklist.otherTier", "Item of another tier",
                    new org.wushe.shared.Label("organisation.tier." + item.getTier().name()),
                    new org.wushe.shared.Label("organisation.tier." + tier.name()));
        }
        boolean done = !em.createQuery("select t.id from ChecklistTick t where t.organisationId = :o and t.itemId = :i",
                Long.class).setParameter("o", o.getId()).setParameter("i", item.getId()).getResultList().isEmpty();
        if (done) {
            throw new ConflictException("organisation.checklist.twice", "Ticked already", item.getTitle());
        }
        ChecklistTick t = new ChecklistTick(o, item.getId(), today, caller.username());
        em.persist(t);
        em.flush();
        return new ChecklistEntry(item.getId(), item.getKind().name(), item.getTitle(), t.getTickedOn(), t.getTickedBy());
    }

    // ---------------------------------------------------------------- helpers

    private Resident resident(String field, Long id, Community c, ValidationException.Collector errors) {
        if (id == null) {
            errors.add(field, "error.required");
            return null;
        }
        Resident r = em.find(Resident.class, id);
        if (r == null || !r.getCommunity().getId().equals(c.getId())) {
            errors.add(field, "organisation.resident.unknown", id);
            return null;
        }
        return r;
    }

    private static void day(String field, LocalDate day, CommunityOrganisation o, LocalDate today,
                            ValidationException.Collector errors) {
        if (day == null) {
            errors.add(field, "error.required");
        } else if (day.isAfter(today)) {
            errors.add(field, "organisation.date.future");
        } else if (day.isBefore(o.getFoundedOn())) {
            errors.add(field, "organisation.date.beforeFounding", o.getFoundedOn());
        }
    }

    private static void fen(String field, Long fen, ValidationException.Collector errors) {
        if (fen == null) {
            errors.add(field, "error.required");
        } else if (fen < 0 || fen > 100_000_000_000L) {
            errors.add(field, "organisation.funding.range");
        }
    }

    private Map<Long, String> names(List<Long> residentIds) {
        Map<Long, String> out = new LinkedHashMap<>();
        if (residentIds.isEmpty()) {
            return out;
        }
        for (Object[] r : em.createQuery("select r.id, r.name from Resident r where r.id in :ids", Object[].class)
                .setParameter("ids", Set.copyOf(residentIds)).getResultList()) {
            out.put((Long) r[0], (String) r[1]);
        }
        return out;
    }

    private static String shown(String name, boolean revealed) {
        return revealed ? name : Masking.name(name);
    }

    private static String tenths(Integer t) {
        return t == null ? null : t / 10 + "." + t % 10;
    }

    static <E extends Enum<E>> E choice(String field, Class<E> type, String value, E fallback,
                                        ValidationException.Collector errors) {
        if (value == null || value.isBlank()) {
            if (fallback == null) {
                errors.add(field, "error.required");
            }
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            errors.add(field, "error.choice", value);
            return null;
        }
    }
}
