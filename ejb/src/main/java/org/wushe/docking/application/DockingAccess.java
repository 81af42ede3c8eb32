package org.wushe.docking.application;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.wushe.community.domain.Community;
import org.wushe.docking.domain.Need;
import org.wushe.security.application.CommunityReach;
import org.wushe.security.application.CurrentCaller;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.Choices;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.NotInScopeException;
import org.wushe.shared.ValidationException;

/**
 * The docking services' shared checks: who calls, with which right, and whether the community they
 * name lies in their scope ({@link Caller#coversAsResident}: a resident reaches their own community
 * only, for self-service), and the one way the docking services read a choice ({@link Choices}).
 */
@Dependent
public class DockingAccess {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    CommunityReach reach;

    @PersistenceContext
    EntityManager em;

    public Caller caller(Right right) {
        return currentCaller.require(right);
    }

    public Caller caller() {
        return currentCaller.get();
    }

    /** The community by code, required, and covered by the caller's scope or a resident's own ({@link Caller#coversAsResident}). */
    public Community community(Caller caller, String code) {
        return reach.asResident(caller, code);
    }

    /** A community by id that must lie in the caller's scope or be a resident's own ({@link Caller#coversAsResident}). */
    public Community community(Caller caller, Long id) {
        return reach.asResident(caller, id);
    }

    /**
     * A need by id whose grid cell the caller's scope covers.
     *
     * @throws NotFoundException   when there is no such need
     * @throws NotInScopeException naming the need's community when the caller's scope does not cover it
     */
    public Need need(Caller caller, Long id) {
        Need n = id == null ? null : em.find(Need.class, id);
        if (n == null) {
            throw new NotFoundException("need", id);
        }
        if (!caller.covers(n.getGridCell())) {
            throw new NotInScopeException(n.getCommunity().getCode());
        }
        return n;
    }

    /** Trims a text; records {@code error.required} or {@code error.tooLong} against the field. */
    public static String text(String field, String value, int max, boolean required, ValidationException.Collector errors) {
        return errors.text(field, value, max, required);
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
}
