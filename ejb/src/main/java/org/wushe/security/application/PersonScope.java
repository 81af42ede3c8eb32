package org.wushe.security.application;

import java.util.Map;
import java.util.Set;
import org.wushe.security.domain.Caller;

/**
 * The people rule {@link Caller#coversPerson} as a JPQL condition, so a list of people of a community
 * (already checked against the community) is narrowed in the database to the people the caller
 * reaches: a grid worker's own grid cells; nothing changes for community-wide staff.
 *
 * <p>Usage: {@code String where = "... where m.communityId = :c" + PersonScope.residentIn(caller, "m.residentId");}
 * then {@code PersonScope.bind(caller, query)} (or {@link #addTo} for a parameter map).
 */
public final class PersonScope {

    /** The query parameter the conditions use. */
    public static final String PARAMETER = "personCells";

    private PersonScope() {
    }

    /** {@code " and <gridCellId> in :personCells"} when the caller's people are narrowed, else {@code ""}. */
    public static String gridIn(Caller caller, String gridCellIdPath) {
        return caller.personCells().isPresent() ? " and " + gridCellIdPath + " in :" + PARAMETER : "";
    }

    /**
     * For records that name a resident by id: the resident must live in the caller's cells. With
     * {@code orNull} a record without a resident (an actor's application) passes.
     */
    public static String residentIn(Caller caller, String residentIdPath, boolean orNull) {
        if (caller.personCells().isEmpty()) {
            return "";
        }
        String in = residentIdPath + " in (select pr.id from Resident pr where pr.gridCell.id in :" + PARAMETER + ")";
        return orNull ? " and (" + residentIdPath + " is null or " + in + ")" : " and " + in;
    }

    /** Binds the parameter when a condition of this class was used. */
    public static <Q extends jakarta.persistence.Query> Q bind(Caller caller, Q query) {
        caller.personCells().ifPresent(cells -> query.setParameter(PARAMETER, cells));
        return query;
    }

    /** Adds the parameter to a map of parameters when a condition of this class was used. */
    public static void addTo(Caller caller, Map<String, Object> params) {
        caller.personCells().ifPresent(cells -> params.put(PARAMETER, (Set<Long>) cells));
    }
}
