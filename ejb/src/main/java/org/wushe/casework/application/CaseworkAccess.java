package org.wushe.casework.application;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.wushe.casework.domain.SocialCase;
import org.wushe.community.domain.Community;
import org.wushe.community.domain.GridCell;
import org.wushe.community.domain.Resident;
import org.wushe.community.infrastructure.GeographyRepository;
import org.wushe.security.application.CommunityReach;
import org.wushe.security.application.CurrentCaller;
import org.wushe.security.domain.Account;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.security.domain.Role;
import org.wushe.shared.Choices;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.NotInScopeException;
import org.wushe.shared.NotPermittedException;
import org.wushe.shared.ValidationException;

/**
 * The casework services' shared checks: who calls with which right, whether a community, grid cell
 * or resident lies in their scope, and the rule for case records: only the case's
 * social worker, that worker's supervisor and the community's Party secretary read one.
 */
@Dependent
public class CaseworkAccess {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    CommunityReach reach;

    @Inject
    GeographyRepository geography;

    @PersistenceContext
    EntityManager em;

    public Caller caller() {
        return currentCaller.get();
    }

    public Caller caller(Right right) {
        return currentCaller.require(right);
    }

    /** The community by code, covered by the caller's scope. */
    public Community community(Caller caller, String code) {
        return reach.asStaff(caller, code);
    }

    /** A community by id, covered by the caller's scope. */
    public Community community(Caller caller, Long id) {
        return reach.asStaff(caller, id);
    }

    /** The community of a record, for checks: a grid worker reaches it when it is theirs. */
    public Community communityOf(Long id) {
        return em.find(Community.class, id);
    }

    /** A grid cell by code; records an error on the field when unknown. */
    public GridCell grid(String field, String code, ValidationException.Collector errors) {
        String c = errors.text(field, code, 30, true);
        if (c == null) {
            return null;
        }
        GridCell g = geography.gridCell(c.toUpperCase()).orElse(null);
        if (g == null) {
            errors.add(field, "geo.grid.unknown", c);
        }
        return g;
    }

    /** A resident by id; records an error on the field when unknown. */
    public Resident resident(String field, Long id, ValidationException.Collector errors) {
        if (id == null) {
            errors.add(field, "error.required");
            return null;
        }
        Resident r = em.find(Resident.class, id);
        if (r == null) {
            errors.add(field, "casework.resident.unknown", String.valueOf(id));
        }
        return r;
    }

    /** An enabled account of the role in the community, by username; records an error on the field otherwise. */
    public Account staff(String field, String username, Role role, Long communityId, ValidationException.Collector errors) {
        String u = errors.text(field, username, 50, true);
        if (u == null) {
            return null;
        }
        Account a = em.createQuery("select a from Account a where a.username = :u and a.enabled = true", Account.class)
                .setParameter("u", u).getResultStream().findFirst().orElse(null);
        if (a == null || a.getRole() != role || a.getCommunity() == null
                || communityId != null && !a.getCommunity().getId().equals(communityId)) {
            errors.add(field, "casework.staff.unknown", u);
            return null;
        }
        return a;
    }

    /** The username of the community's Party secretary (the first by name), or null when there is none. */
    public String secretaryOf(Long communityId) {
        List<String> names = em.createQuery("select a.username from Account a where a.community.id = :c "
                        + "and a.role = :r and a.enabled = true order by a.username", String.class)
                .setParameter("c", communityId).setParameter("r", Role.PARTY_SECRETARY).setMaxResults(1)
                .getResultList();
        return names.isEmpty() ? null : names.get(0);
    }

    /** A case by id ({@code record.case} not found otherwise). */
    public SocialCase socialCase(Long id) {
        SocialCase c = id == null ? null : em.find(SocialCase.class, id);
        if (c == null) {
            throw new NotFoundException("case", id);
        }
        return c;
    }

    /** Whether the caller may read the case record: its social worker, their supervisor, the community's Party secretary. */
    public boolean mayRead(Caller caller, SocialCase c) {
        if (caller.accountId() != null && caller.accountId().equals(c.getSocialWorkerId())) {
            return true;
        }
        if (caller.role() == Role.PARTY_SECRETARY && c.getCommunityId().equals(caller.communityId())) {
            return true;
        }
        // The supervisor reads only while the relation is still allowed: marked supervising, enabled,
        // and the worker within their supervision scope (Account#supervises).
        Account worker = em.find(Account.class, c.getSocialWorkerId());
        return worker != null && worker.getSupervisor() != null
                && worker.getSupervisor().getId().equals(caller.accountId())
                && worker.getSupervisor().supervises(worker);
    }

    /** @throws NotPermittedException {@code case.restricted} for anyone else than {@link #mayRead} allows */
    public void requireRead(Caller caller, SocialCase c) {
        if (!mayRead(caller, c)) {
            throw new NotPermittedException("case.restricted", "Case " + c.getId() + " is restricted");
        }
    }

    /** @throws NotPermittedException {@code case.ownWorkerOnly} for anyone but the case's social worker */
    public void requireOwnWorker(Caller caller, SocialCase c) {
        if (caller.accountId() == null || !caller.accountId().equals(c.getSocialWorkerId())) {
            throw new NotPermittedException("case.ownWorkerOnly", "Only the case's social worker");
        }
    }

    /** A grid cell the caller must cover. */
    public void requireCovers(Caller caller, GridCell g) {
        if (!caller.covers(g)) {
            throw new NotInScopeException(g.getCode());
        }
    }

    /**
     * Reads a choice ({@link Choices}): blank is {@code error.required} when required, null otherwise;
     * unknown text is {@code error.choice}.
     */
    public static <E extends Enum<E>> E choice(String field, Class<E> type, String value, boolean required,
                                               ValidationException.Collector errors) {
        return required ? Choices.required(field, type, value, errors)
                : Choices.optional(field, type, value, null, errors);
    }
}
