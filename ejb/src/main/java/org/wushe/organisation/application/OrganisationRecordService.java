package org.wushe.organisation.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import org.wushe.organisation.application.OrganisationViews.ActivityView;
import org.wushe.organisation.application.OrganisationViews.FundingView;
import org.wushe.organisation.application.OrganisationViews.RecognitionView;
import org.wushe.organisation.domain.CommunityOrganisation;
import org.wushe.organisation.domain.MaturityTier;
import org.wushe.organisation.domain.OrganisationActivity;
import org.wushe.organisation.domain.OrganisationFunding;
import org.wushe.organisation.domain.Recognition;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.ValidationException;

/**
 * What a community organisation did and received: its activities (with participants and
 * satisfaction), its funds per year and its recognition, the inputs of its maturity tier
 * ({@link MaturityTier}). Needs {@link Right#MANAGE_ORGANISATIONS}; the organisation's community must
 * lie in the caller's scope.
 */
@Stateless
public class OrganisationRecordService {

    @PersistenceContext
    EntityManager em;

    @Inject
    OrganisationAccess access;

    @Inject
    Clock clock;

    /** An activity as typed in; satisfaction 1.0 to 5.0 with at most one decimal, with its respondents. */
    public record ActivityForm(LocalDate heldOn, String title, Integer participants, BigDecimal satisfaction,
                               Integer respondents) {
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
        OrganisationForms.day("heldOn", f.heldOn(), o, LocalDate.now(clock), errors);
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
                OrganisationForms.tenths(a.getSatisfactionTenths()), a.getRespondents());
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
        OrganisationAccess.funding("selfRaisedFen", selfRaisedFen, errors);
        OrganisationAccess.funding("externalFen", externalFen, errors);
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
        OrganisationForms.day("awardedOn", awardedOn, o, LocalDate.now(clock), errors);
        errors.throwIfAny();
        Recognition r = new Recognition(o, t, by, awardedOn, caller.username());
        em.persist(r);
        em.flush();
        return new RecognitionView(r.getId(), r.getTitle(), r.getAwardedBy(), r.getAwardedOn());
    }

}
