package org.wushe.fund.application;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.wushe.community.domain.Community;
import org.wushe.security.application.CommunityReach;
import org.wushe.security.application.CurrentCaller;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.Choices;
import org.wushe.shared.ValidationException;

/** The fund services' shared checks: who calls, with which right, and whether the community lies in their scope. */
@Dependent
public class FundAccess {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    CommunityReach reach;

    @PersistenceContext
    EntityManager em;

    public Caller caller(Right right) {
        return currentCaller.require(right);
    }

    /** The community by code, required, and covered by the caller's staff scope ({@link Caller#coversAsStaff}). */
    public Community community(Caller caller, String code) {
        return reach.asStaff(caller, code);
    }

    /** A community by id that must lie in the caller's scope. */
    public Community community(Caller caller, Long id) {
        return reach.asStaff(caller, id);
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

    /** An amount in fen that must be above zero ({@link Choices#amount}); {@code fund.amount.positive} otherwise. */
    public static long amount(String field, Long fen, ValidationException.Collector errors) {
        Long v = Choices.amount(field, fen, 1, Long.MAX_VALUE, "fund.amount.positive", errors);
        return v == null ? 0 : v;
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
