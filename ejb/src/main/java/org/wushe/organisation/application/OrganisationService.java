package org.wushe.organisation.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
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
 * A community's organisations (社区社会组织) and their members: register them with their actor in
 * the concentric circle, list them with their maturity tier (computed from the data, see
 * {@link MaturityTier}), show one, add and release members. What they did is recorded by
 * {@link OrganisationRecordService}, the tiers' overview and checklist are {@link OrganisationTierService}.
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
    Clock clock;

    @Inject
    TierReader tiers;

    @EJB
    AuditLog audit;

    /**
     * A registration as typed in. {@code actorType} is the circle's type the organisation stands as
     * (SOCIAL_ORGANIZATION when blank; VOLUNTEER_TEAM and RESIDENT_BACKBONE also allowed).
     */
    public record RegistrationForm(String name, String type, LocalDate foundedOn, Long leaderResidentId,
                                   String actorType) {
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
        OrganisationType type = OrganisationAccess.choice("type", OrganisationType.class, f.type(), null, errors);
        ActorType actorType = OrganisationAccess.choice("actorType", ActorType.class, f.actorType(), ActorType.SOCIAL_ORGANIZATION, errors);
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
        Resident leader = OrganisationForms.resident(em, "leaderResidentId", f.leaderResidentId(), c, errors);
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
                .map(m -> new MemberView(m.getId(), m.getResidentId(), OrganisationForms.shown(names.get(m.getResidentId()), revealed),
                        m.getJoinedOn(), m.getLeftOn(), m.activeOn(today))).toList();
        List<ActivityView> activities = em.createQuery("select a from OrganisationActivity a where a.organisationId = :o "
                        + "order by a.heldOn desc, a.id desc", OrganisationActivity.class)
                .setParameter("o", o.getId()).setMaxResults(200).getResultList().stream()
                .map(x -> new ActivityView(x.getId(), x.getHeldOn(), x.getTitle(), x.getParticipants(),
                        OrganisationForms.tenths(x.getSatisfactionTenths()), x.getRespondents())).toList();
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
                OrganisationForms.shown(names.get(o.getLeaderResidentId()), revealed), revealed, TierView.of(a), memberViews, activities,
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

    // ---------------------------------------------------------------- members

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
        Resident r = OrganisationForms.resident(em, "residentId", residentId, em.find(Community.class, o.getCommunityId()), errors);
        OrganisationForms.day("joinedOn", joinedOn, o, today, errors);
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

}
