package org.wushe.security.application;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.wushe.audit.application.AuditLog;
import org.wushe.audit.domain.AuditAction;
import org.wushe.community.domain.Community;
import org.wushe.community.domain.GridCell;
import org.wushe.community.domain.SubDistrict;
import org.wushe.community.infrastructure.GeographyRepository;
import org.wushe.security.domain.Account;
import org.wushe.security.domain.AccountScope;
import org.wushe.security.domain.AdminChangeRequest;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.security.domain.Role;
import org.wushe.shared.ConflictException;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.NotPermittedException;
import org.wushe.shared.ValidationException;

/**
 * The rules the account administration ({@link AccountAdministration}, {@link AdminChanges})
 * shares: only the security administrator, never on their own account, every refusal of these
 * written to the audit log ({@link AuditAction#ACCESS_REFUSED}); four-eyes on administrator
 * accounts; scopes from codes; and the changes themselves with their audit entries, used both
 * directly and when a second security administrator confirms a request.
 */
@Dependent
public class AccountRules {

    /** The record type of the audit entries about accounts. */
    static final String ACCOUNT = "ACCOUNT";

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    GeographyRepository geography;

    @Inject
    Clock clock;

    @EJB
    AuditLog audit;

    /**
     * The caller, who must hold {@link Right#ADMINISTER_ACCOUNTS} (the security administrator).
     *
     * @throws NotPermittedException otherwise, after writing the refusal to the audit log
     */
    Caller administrator(String what) {
        Caller caller = currentCaller.get();
        if (!caller.has(Right.ADMINISTER_ACCOUNTS)) {
            audit.refused(caller, AuditAction.ACCESS_REFUSED, null, ACCOUNT, null,
                    "account administration refused (" + Right.ADMINISTER_ACCOUNTS + " needed): " + what);
            throw new NotPermittedException(Right.ADMINISTER_ACCOUNTS.name());
        }
        return caller;
    }

    /**
     * Nobody changes their own account's role, scope, state, name or supervision.
     *
     * @throws NotPermittedException {@code account.self}, after writing the refusal to the audit log
     */
    void requireNotSelf(Caller caller, Account target, String what) {
        if (target.getId().equals(caller.accountId())) {
            refuse(caller, target, what + " of one's own account");
            throw new NotPermittedException("account.self", "Nobody changes their own account");
        }
    }

    /** Writes a refusal about an account to the audit log (in its own transaction). */
    void refuse(Caller caller, Account target, String detail) {
        audit.refused(caller, AuditAction.ACCESS_REFUSED, communityId(target), ACCOUNT,
                target == null ? null : target.getId(), detail);
    }

    /** The account by user name. */
    Account account(String username) {
        String u = username == null ? "" : username.strip();
        return em.createQuery("select a from Account a where a.username = :u", Account.class)
                .setParameter("u", u).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("account", u));
    }

    /** A taken user name, or one a pending request would create, is refused. */
    void requireFreeUsername(String username) {
        if (username == null) {
            return;
        }
        String u = username.strip();
        if (em.createQuery("select count(a) from Account a where a.username = :u", Long.class)
                .setParameter("u", u).getSingleResult() > 0) {
            throw ValidationException.of("username", "account.username.taken");
        }
        if (pendingFor(u) != null) {
            throw ValidationException.of("username", "account.adminChange.pending", u);
        }
    }

    /** At confirmation of a new administrator account: the user name must still be free. */
    void requireFreeUsernameBesides(AdminChangeRequest creation) {
        if (em.createQuery("select count(a) from Account a where a.username = :u", Long.class)
                .setParameter("u", creation.getUsername()).getSingleResult() > 0) {
            throw new ConflictException("account.adminChange.stale", "User name taken meanwhile", creation.getUsername());
        }
    }

    /** The pending administrator change of the user name, or null. */
    AdminChangeRequest pendingFor(String username) {
        return em.createQuery("select r from AdminChangeRequest r where r.username = :u and r.status = :s",
                        AdminChangeRequest.class).setParameter("u", username)
                .setParameter("s", AdminChangeRequest.Status.PENDING).getResultStream().findFirst().orElse(null);
    }

    /**
     * Whether a change to an administrator account needs a second security administrator: as soon
     * as the installation has another enabled security administrator than the caller. While the
     * caller is the only one (a new installation), the change takes effect directly and its audit
     * entry says so.
     */
    boolean fourEyes(Caller caller) {
        return em.createQuery("select count(a) from Account a where a.role = :r and a.enabled = true and a.id <> :me",
                Long.class).setParameter("r", Role.SECURITY_ADMIN).setParameter("me", caller.accountId())
                .getSingleResult() > 0;
    }

    /** The note of an administrator change made without a second security administrator. */
    static final String DIRECT = " (direct: no second security administrator to confirm)";

    /**
     * Records a requested administrator change (one pending request per account at a time) and
     * writes {@link AuditAction#ADMIN_CHANGE_REQUESTED}.
     *
     * @throws ConflictException {@code account.adminChange.pending} when one is pending already
     */
    AdminChangeView request(Caller caller, AdminChangeRequest r, Long communityId) {
        if (pendingFor(r.getUsername()) != null) {
            throw new ConflictException("account.adminChange.pending", "A change is pending", r.getUsername());
        }
        em.persist(r);
        em.flush();
        audit.record(caller, AuditAction.ADMIN_CHANGE_REQUESTED, communityId, ACCOUNT, r.getAccountId(), null, null,
                "request " + r.getId() + " " + r.getKind() + " " + r.getUsername() + ": " + r.getSummary());
        return AdminChangeView.of(r);
    }

    /**
     * The scope of the role from codes (unknown codes are refused per field).
     *
     * @throws ValidationException for a missing role, unknown codes, a scope that does not fit the role
     */
    AccountScope scope(Role role, Set<String> subDistrictCodes, String communityCode, Set<String> gridCodes) {
        if (role == null) {
            throw ValidationException.of("role", "account.role.required");
        }
        ValidationException.Collector errors = new ValidationException.Collector();
        Set<SubDistrict> subDistricts = new HashSet<>();
        Community community = null;
        Set<GridCell> cells = new HashSet<>();
        switch (role.scopeKind()) {
            case SUB_DISTRICTS -> subDistricts = subDistricts("subDistrictCodes", subDistrictCodes, errors);
            case COMMUNITY -> {
                String code = communityCode == null ? "" : communityCode.strip().toUpperCase();
                if (!code.isEmpty()) {
                    community = geography.community(code).orElse(null);
                    if (community == null) {
                        errors.add("communityCode", "geo.community.unknown", code);
                    }
                }
            }
            case GRID_CELLS -> {
                for (String code : gridCodes == null ? Set.<String>of() : gridCodes) {
                    String c = code.strip().toUpperCase();
                    geography.gridCell(c).ifPresentOrElse(cells::add,
                            () -> errors.add("gridCodes", "resident.grid.unknown", c));
                }
            }
            default -> {
                // the city, or a resident's own records (refused by AccountScope.of)
            }
        }
        errors.throwIfAny();
        return AccountScope.of(role, subDistricts, community, cells);
    }

    /** Sub-districts by code; unknown codes are recorded against the field. */
    Set<SubDistrict> subDistricts(String field, Set<String> codes, ValidationException.Collector errors) {
        Set<SubDistrict> found = new HashSet<>();
        for (String code : codes == null ? Set.<String>of() : codes) {
            String c = code.strip().toUpperCase();
            geography.subDistrict(c).ifPresentOrElse(found::add,
                    () -> errors.add(field, "geo.subDistrict.unknown", c));
        }
        return found;
    }

    /** The role and scope as the audit log and a request summary write them, e.g. {@code SOCIAL_WORKER [C001]}. */
    static String describe(AccountScope scope) {
        return scope.role() + " " + scope.codes();
    }

    static String codes(Set<SubDistrict> subDistricts) {
        Set<String> codes = new TreeSet<>();
        subDistricts.forEach(s -> codes.add(s.getCode()));
        return codes.toString();
    }

    /** Writes an account entry (in the action's transaction). */
    void record(Caller caller, AuditAction action, Account a, String detail) {
        audit.record(caller, action, communityId(a), ACCOUNT, a.getId(), null, null, a.getUsername() + ": " + detail);
    }

    private static Long communityId(Account a) {
        return a == null || a.getCommunity() == null ? null : a.getCommunity().getId();
    }

    /**
     * Gives the account another role and scope and writes {@link AuditAction#ACCOUNT_CHANGED}; a
     * supervisor relation the new place no longer allows ends, written as
     * {@link AuditAction#SUPERVISOR_CHANGED}.
     */
    void applyRoleScope(Caller caller, Account a, AccountScope scope, String note) {
        String before = describe(a.scope());
        boolean wasSupervising = a.isSupervising();
        Account supervisor = a.getSupervisor();
        a.rescope(scope);
        a.endSessions(clock.instant());
        record(caller, AuditAction.ACCOUNT_CHANGED, a, "role and scope: " + before + " → " + describe(a.scope()) + note);
        if (supervisor != null && a.getSupervisor() == null) {
            record(caller, AuditAction.SUPERVISOR_CHANGED, a, "supervisor: " + supervisor.getUsername()
                    + " → none (no longer within their supervision)");
        }
        if (wasSupervising && !a.isSupervising()) {
            record(caller, AuditAction.SUPERVISOR_CHANGED, a, "supervising: yes → no (role " + a.getRole() + ")");
        }
        dropSupervisees(caller, a);
    }

    /** Ends the supervision of the workers {@code supervisor} no longer may supervise (audited). */
    void dropSupervisees(Caller caller, Account supervisor) {
        List<Account> supervisees = new ArrayList<>(em.createQuery(
                "select a from Account a where a.supervisor = :s", Account.class)
                .setParameter("s", supervisor).getResultList());
        for (Account w : supervisees) {
            if (!supervisor.supervises(w)) {
                w.assignSupervisor(null);
                record(caller, AuditAction.SUPERVISOR_CHANGED, w, "supervisor: " + supervisor.getUsername()
                        + " → none (" + supervisor.getUsername() + " no longer supervises them)");
            }
        }
    }

    /** Disables, enables or unlocks the account and writes its entry. */
    void applyState(Caller caller, Account a, AdminChangeRequest.Kind kind, String note) {
        switch (kind) {
            case DISABLE -> {
                a.disable();
                a.endSessions(clock.instant());
                record(caller, AuditAction.ACCOUNT_CHANGED, a, "state: enabled → disabled" + note);
            }
            case ENABLE -> {
                a.enable();
                record(caller, AuditAction.ACCOUNT_CHANGED, a, "state: disabled → enabled" + note);
            }
            case UNLOCK -> {
                var until = a.getLockedUntil();
                boolean locked = a.unlock(clock.instant());
                record(caller, AuditAction.ACCOUNT_UNLOCKED, a,
                        (locked ? "locked until " + until : "not locked") + " → unlocked, failures cleared" + note);
            }
            default -> throw new IllegalArgumentException(kind + " is no change of state");
        }
    }

    /** The account as lists show it. */
    AccountView view(Account a) {
        List<String> scope = new ArrayList<>(a.scope().codes());
        return new AccountView(a.getId(), a.getUsername(), a.getDisplayName(), a.getRole(), scope, a.isEnabled(),
                a.isLockedAt(clock.instant()), a.isSupervising(),
                a.getSupervisor() == null ? null : a.getSupervisor().getUsername());
    }
}
