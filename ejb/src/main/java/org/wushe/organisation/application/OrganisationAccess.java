package org.wushe.organisation.application;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.wushe.community.domain.Community;
import org.wushe.organisation.domain.CommunityOrganisation;
import org.wushe.security.application.CommunityReach;
import org.wushe.security.application.CurrentCaller;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.Choices;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.ValidationException;

/**
 * The organisation services' checks: the caller's right, and the community of the record inside
 * the caller's scope (residents have no access to this zone).
 */
@Dependent
public class OrganisationAccess {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    CommunityReach reach;

    @PersistenceContext
    EntityManager em;

    public Caller caller(Right right) {
        return currentCaller.require(right);
    }

    /** The community by code, required and in the caller's scope. */
    public Community community(Caller caller, String code) {
        return reach.asStaff(caller, code);
    }

    /** The organisation by id whose community lies in the caller's scope. */
    public CommunityOrganisation organisation(Caller caller, Long id) {
        CommunityOrganisation o = id == null ? null : em.find(CommunityOrganisation.class, id);
        if (o == null) {
            throw new NotFoundException("organisation", id);
        }
        caller.requireCoversAsStaff(em.find(Community.class, o.getCommunityId()));
        return o;
    }

    /**
     * Reads a choice ({@link Choices}): blank is {@code fallback}, or {@code error.required} when there
     * is no fallback; unknown text is {@code error.choice}.
     */
    public static <E extends Enum<E>> E choice(String field, Class<E> type, String value, E fallback,
                                               ValidationException.Collector errors) {
        return fallback == null ? Choices.required(field, type, value, errors)
                : Choices.optional(field, type, value, fallback, errors);
    }

    /** An amount of funding in fen, 0 to 1,000,000,000 yuan ({@link Choices#amount}); {@code organisation.funding.range} otherwise. */
    public static Long funding(String field, Long fen, ValidationException.Collector errors) {
        return Choices.amount(field, fen, 0, 100_000_000_000L, "organisation.funding.range", errors);
    }
}
