package org.wushe.security.application;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.security.domain.Role;
import org.wushe.shared.NotPermittedException;

/**
 * The caller of the current request, read once per request from the account table, so role and
 * scope are always the stored ones, never what a client claims.
 *
 * <p>Usage: {@code @Inject CurrentCaller current; ... Caller caller = current.get();}
 */
@RequestScoped
public class CurrentCaller {

    @Inject
    CallerPrincipals principals;

    @PersistenceContext
    EntityManager em;

    private Caller cached;

    /**
     * @throws NotSignedInException when nobody is signed in or the account is disabled
     */
    public Caller get() {
        String name = principals.currentName().orElseThrow(NotSignedInException::new);
        if (cached == null || !cached.username().equals(name)) {
            cached = read(name);
        }
        return cached;
    }

    /**
     * The account's role and scope in one statement, as ids: loading the account entity took four
     * (the account, its community, its sub-districts, its grid cells) on every request. One row per
     * pair of sub-district and grid cell the account holds (a scope holds one kind or neither).
     */
    private Caller read(String name) {
        List<Object[]> rows = em.createQuery("select a.id, a.displayName, a.role, c.id, a.residentId, s.id, g.id "
                        + "from Account a left join a.community c left join a.subDistricts s left join a.gridCells g "
                        + "where a.username = :u and a.enabled = true", Object[].class)
                .setParameter("u", name)
                .getResultList();
        if (rows.isEmpty()) {
            throw new NotSignedInException();
        }
        Object[] first = rows.get(0);
        Set<Long> subDistricts = new HashSet<>();
        Set<Long> gridCells = new HashSet<>();
        for (Object[] row : rows) {
            if (row[5] != null) {
                subDistricts.add((Long) row[5]);
            }
            if (row[6] != null) {
                gridCells.add((Long) row[6]);
            }
        }
        Role role = (Role) first[2];
        return new Caller((Long) first[0], name, (String) first[1], role, role.scopeKind(), subDistricts,
                (Long) first[3], gridCells, (Long) first[4]);
    }

    /**
     * The caller, who must hold the right.
     *
     * @throws NotPermittedException when the caller's role lacks it
     */
    public Caller require(Right right) {
        Caller caller = get();
        caller.require(right);
        return caller;
    }
}
