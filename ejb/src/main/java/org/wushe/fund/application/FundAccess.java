package org.wushe.fund.application;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.wushe.community.domain.Community;
import org.wushe.community.infrastructure.GeographyRepository;
import org.wushe.security.application.CurrentCaller;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.NotInScopeException;
import org.wushe.shared.ValidationException;

/** The fund services' shared checks: who calls, with which right, and whether the community lies in their scope. */
@Dependent
public class FundAccess {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    GeographyRepository geography;

    @PersistenceContext
    EntityManager em;

    public Caller caller(Right right) {
        Caller caller = currentCaller.get();
        caller.require(right);
        return caller;
    }

    /** The community by code, required, and covered by the caller's scope. */
    public Community community(Caller caller, String code) {
        if (code == null || code.isBlank()) {
            throw ValidationException.of("communityCode", "geo.community.required");
        }
        Community c = geography.community(code.trim().toUpperCase())
                .orElseThrow(() -> new NotFoundException("community", code));
        caller.requireCovers(c);
        return c;
    }

    /** A community by id that must lie in the caller's scope. */
    public Community community(Caller caller, Long id) {
        Community c = em.find(Community.class, id);
        if (c == null) {
            throw new NotFoundException("community", id);
        }
        if (!caller.covers(c)) {
            throw new NotInScopeException(c.getCode());
        }
        return c;
    }

    /** Parses an enum constant; records {@code error.choice} (or {@code error.required}) against the field. */
    public static <E extends Enum<E>> E choice(String field, Class<E> type, String value, E fallback,
                                               ValidationException.Collector errors) {
        if (value == null || value.isBlank()) {
            if (fallback == null) {
                errors.add(field, "error.required");
            }
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            errors.add(field, "error.choice", value);
            return fallback;
        }
    }

    /** An amount in fen that must be above zero; {@code fund.amount.positive} otherwise. */
    public static long amount(String field, Long fen, ValidationException.Collector errors) {
        if (fen == null) {
            errors.add(field, "error.required");
            return 0;
        }
        if (fen <= 0) {
            errors.add(field, "fund.amount.positive");
        }
        return fen;
    }

    /** An active spending category's code; {@code fund.category.unknown} (or required) on the field otherwise. */
    public String category(String field, String code, ValidationException.Collector errors) {
        String c = errors.text(field, code, 30, true);
        if (c == null) {
            return null;
        }
        org.wushe.fund.domain.FundCategory cat = em.find(org.wushe.fund.domain.FundCategory.class, c.toUpperCase());
        if (cat == null || !cat.isActive()) {
            errors.add(field, "fund.category.unknown", code);
            return null;
        }
        return cat.getCode();
    }
}
