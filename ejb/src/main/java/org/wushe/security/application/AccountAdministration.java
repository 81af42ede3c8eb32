package org.wushe.security.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.wushe.audit.domain.AuditAction;
import org.wushe.community.domain.SubDistrict;
import org.wushe.security.domain.Account;
import org.wushe.security.domain.AccountScope;
import org.wushe.security.domain.AdminChangeRequest;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.security.domain.Role;
import org.wushe.shared.Page;
import org.wushe.shared.PageRequest;
import org.wushe.shared.ValidationException;

/**
 * The security administrator's account administration ({@link Right#ADMINISTER_ACCOUNTS}): list and
 * search, create an account of any staff role with its scope, change role and scope, display name,
 * disable, enable, unlock, and mark supervising social workers and their supervisees. Every change
 * is written to the audit log; every refusal for want of the right or on one's own account too.
 *
 * <p>Administrator accounts (三权分立, {@link Role#isAdministrator}): creating one, giving or
 * taking such a role, disabling, enabling or unlocking one records a request that a different
 * security administrator confirms ({@link AdminChanges}); the result then says so and nothing has
 * changed yet. While the caller is the installation's only enabled security administrator, such
 * changes take effect directly, audited as such (how a new installation gets its other
 * administrators).
 */
@Stateless
public class AccountAdministration {

    @PersistenceContext
    EntityManager em;

    @Inject
    AccountRules rules;

    @Inject
    PasswordHasher hasher;

    @Inject
    Clock clock;

    /** One page of accounts matching the filter, by user name. */
    public Page<AccountView> search(AccountQuery q, PageRequest page) {
        rules.administrator("list accounts");
        AccountQuery query = q == null ? AccountQuery.all() : q;
        StringBuilder where = new StringBuilder(" from Account a where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (query.text() != null && !query.text().isBlank()) {
            where.append(" and (lower(a.username) like :t or lower(a.displayName) like :t)");
            params.put("t", "%" + query.text().strip().toLowerCase(Locale.ROOT).replace("%", "") + "%");
        }
        if (query.role() != null) {
            where.append(" and a.role = :r");
            params.put("r", query.role());
        }
        if (query.communityCode() != null && !query.communityCode().isBlank()) {
            where.append(" and a.community.code = :c");
            params.put("c", query.communityCode().strip().toUpperCase(Locale.ROOT));
        }
        TypedQuery<Account> rows = em.createQuery("select a" + where + " order by a.username", Account.class);
        TypedQuery<Long> count = em.createQuery("select count(a)" + where, Long.class);
        params.forEach((k, v) -> {
            rows.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<AccountView> items = rows.setFirstResult(page.first()).setMaxResults(page.size()).getResultList()
                .stream().map(rules::view).toList();
        return new Page<>(items, count.getSingleResult(), page.first(), page.size());
    }

    /** One account as the edit form shows it. */
    public AccountDetail detail(String username) {
        rules.administrator("read account " + username);
        Account a = rules.account(username);
        AccountScope s = a.scope();
        AdminChangeRequest pending = rules.pendingFor(a.getUsername());
        return new AccountDetail(a.getId(), a.getUsername(), a.getDisplayName(), a.getRole(),
                sorted(s.subDistricts().stream().map(SubDistrict::getCode).toList()),
                s.community() == null ? null : s.community().getCode(),
                sorted(s.gridCells().stream().map(g -> g.getCode()).toList()), a.isSupervising(),
                sorted(a.getSupervisionSubDistricts().stream().map(SubDistrict::getCode).toList()),
                a.getSupervisor() == null ? null : a.getSupervisor().getUsername(), a.isEnabled(),
                a.getLockedUntil(), a.isLockedAt(clock.instant()), pending == null ? null : pending.getId());
    }

    private static List<String> sorted(List<String> codes) {
        return List.copyOf(new TreeSet<>(codes));
    }

    /** The supervising social workers, for the supervisor picker. */
    public List<AccountView> supervisors() {
        rules.administrator("list supervisors");
        return em.createQuery("select a from Account a where a.supervising = true and a.enabled = true "
                + "and a.role = :r order by a.username", Account.class).setParameter("r", Role.SOCIAL_WORKER)
                .getResultStream().map(rules::view).toList();
    }

    /**
     * Creates an account with its scope (any role but a resident's; residents' accounts are opened
     * through {@link AccountService#createResidentAccount}), optionally supervising and with a
     * supervisor. An administrator account under four-eyes becomes a request.
     *
     * @throws ValidationException a taken or badly formed user name, a missing name, a weak
     *         password, unknown codes, a scope that does not fit the role, a supervisor who may not
     *         supervise this account
     */
    public AccountResult create(AccountForm f) {
        Caller caller = rules.administrator("create account " + (f == null ? "" : f.username()));
        if (f == null || f.role() == null) {
            throw ValidationException.of("role", "account.role.required");
        }
        String username = f.username() == null ? null : f.username().strip();
        AccountScope scope = rules.scope(f.role(), f.subDistrictCodes(), f.communityCode(), f.gridCodes());
        rules.requireFreeUsername(username);
        Instant now = clock.instant();
        String hash = hasher.hash(f.password() == null ? new char[0] : f.password());
        Account a = Account.withScope(username, hash, f.displayName(), scope, now);
        // The administrator typed the password: its owner chooses their own at the first sign-in.
        a.passwordSetByOther(now);
        String what = AccountRules.describe(scope);
        if (f.role().isAdministrator() && rules.fourEyes(caller)) {
            return AccountResult.requested(rules.request(caller, AdminChangeRequest.create(a.getUsername(),
                    a.getDisplayName(), f.role(), hash, "new account " + a.getUsername() + " (" + a.getDisplayName()
                            + "): " + what, caller.username(), now), null));
        }
        if (f.supervising()) {
            ValidationException.Collector errors = new ValidationException.Collector();
            Set<SubDistrict> within = rules.subDistricts("supervisionCodes", f.supervisionCodes(), errors);
            errors.throwIfAny();
            a.markSupervising(within);
            what += ", supervising " + AccountRules.codes(within);
        }
        if (f.supervisorUsername() != null && !f.supervisorUsername().isBlank()) {
            a.assignSupervisor(supervisor(f.supervisorUsername()));
        }
        em.persist(a);
        em.flush();
        rules.record(caller, AuditAction.ACCOUNT_CREATED, a, "created " + what + " (" + a.getDisplayName() + ")"
                + (f.role().isAdministrator() ? AccountRules.DIRECT : ""));
        if (a.getSupervisor() != null) {
            rules.record(caller, AuditAction.SUPERVISOR_CHANGED, a, "supervisor: none → "
                    + a.getSupervisor().getUsername());
        }
        return AccountResult.done(rules.view(a));
    }

    private Account supervisor(String username) {
        String u = username.strip();
        return em.createQuery("select a from Account a where a.username = :u", Account.class).setParameter("u", u)
                .getResultStream().findFirst()
                .orElseThrow(() -> ValidationException.of("supervisorUsername", "account.supervisor.unknown", u));
    }

    /**
     * Gives an account another role and scope; for an administrator account (before or after)
     * under four-eyes, a request. A resident's account keeps its role.
     */
    public AccountResult changeRoleAndScope(String username, RoleScopeForm f) {
        Caller caller = rules.administrator("change role of " + username);
        Account a = rules.account(username);
        rules.requireNotSelf(caller, a, "role and scope");
        if (f == null || f.role() == null) {
            throw ValidationException.of("role", "account.role.required");
        }
        if (a.getRole() == Role.RESIDENT) {
            throw ValidationException.of("role", "account.role.residentFixed");
        }
        AccountScope scope = rules.scope(f.role(), f.subDistrictCodes(), f.communityCode(), f.gridCodes());
        if (AccountRules.describe(scope).equals(AccountRules.describe(a.scope()))) {
            throw ValidationException.of("role", "account.unchanged");
        }
        boolean administrator = a.getRole().isAdministrator() || f.role().isAdministrator();
        if (administrator && rules.fourEyes(caller)) {
            return AccountResult.requested(rules.request(caller, AdminChangeRequest.roleAndScope(a, f.role(),
                    scope.subDistricts().stream().map(SubDistrict::getCode).collect(java.util.stream.Collectors.toSet()),
                    scope.community() == null ? null : scope.community().getCode(),
                    scope.gridCells().stream().map(g -> g.getCode()).collect(java.util.stream.Collectors.toSet()),
                    "role and scope: " + AccountRules.describe(a.scope()) + " → " + AccountRules.describe(scope),
                    caller.username(), clock.instant()), null));
        }
        rules.applyRoleScope(caller, a, scope, administrator ? AccountRules.DIRECT : "");
        return AccountResult.done(rules.view(a));
    }

    /** Changes the display name (no four-eyes: it changes no power). */
    public AccountView rename(String username, String displayName) {
        Caller caller = rules.administrator("rename " + username);
        Account a = rules.account(username);
        rules.requireNotSelf(caller, a, "display name");
        String before = a.getDisplayName();
        a.rename(displayName);
        rules.record(caller, AuditAction.ACCOUNT_CHANGED, a, "display name: '" + before + "' → '"
                + a.getDisplayName() + "'");
        return rules.view(a);
    }

    /** Disables the account: it can no longer sign in, and a running session's next request is refused. */
    public AccountResult disable(String username) {
        return state(username, AdminChangeRequest.Kind.DISABLE);
    }

    /** Enables a disabled account. */
    public AccountResult enable(String username) {
        return state(username, AdminChangeRequest.Kind.ENABLE);
    }

    /** Ends the lock of a locked account and clears its failures. */
    public AccountResult unlock(String username) {
        return state(username, AdminChangeRequest.Kind.UNLOCK);
    }

    private AccountResult state(String username, AdminChangeRequest.Kind kind) {
        Caller caller = rules.administrator(kind + " " + username);
        Account a = rules.account(username);
        rules.requireNotSelf(caller, a, kind.name().toLowerCase(Locale.ROOT));
        if (kind == AdminChangeRequest.Kind.DISABLE && !a.isEnabled()
                || kind == AdminChangeRequest.Kind.ENABLE && a.isEnabled()) {
            throw ValidationException.of("state", "account.unchanged");
        }
        if (a.getRole().isAdministrator() && rules.fourEyes(caller)) {
            return AccountResult.requested(rules.request(caller, AdminChangeRequest.state(kind, a,
                    kind.name().toLowerCase(Locale.ROOT) + " " + a.getRole() + " " + a.getUsername(), caller.username(),
                    clock.instant()), null));
        }
        rules.applyState(caller, a, kind, a.getRole().isAdministrator() ? AccountRules.DIRECT : "");
        return AccountResult.done(rules.view(a));
    }

    /**
     * Marks a social worker as supervising the social workers of the given sub-districts, or (with
     * {@code supervising} false) ends it; the workers the account no longer may supervise lose it as
     * their supervisor. Audited as {@link AuditAction#SUPERVISOR_CHANGED}.
     */
    public AccountView setSupervising(String username, boolean supervising, Set<String> subDistrictCodes) {
        Caller caller = rules.administrator("supervising " + username);
        Account a = rules.account(username);
        rules.requireNotSelf(caller, a, "supervising");
        String before = a.isSupervising() ? AccountRules.codes(a.getSupervisionSubDistricts()) : "no";
        if (supervising) {
            ValidationException.Collector errors = new ValidationException.Collector();
            Set<SubDistrict> within = rules.subDistricts("supervisionCodes", subDistrictCodes, errors);
            errors.throwIfAny();
            a.markSupervising(within);
        } else {
            a.stopSupervising();
        }
        String after = a.isSupervising() ? AccountRules.codes(a.getSupervisionSubDistricts()) : "no";
        rules.record(caller, AuditAction.SUPERVISOR_CHANGED, a, "supervising: " + before + " → " + after);
        rules.dropSupervisees(caller, a);
        return rules.view(a);
    }

    /** Sets (blank: removes) the supervisor of a social worker: only a supervising social worker whose scope holds them. */
    public AccountView assignSupervisor(String username, String supervisorUsername) {
        Caller caller = rules.administrator("supervisor of " + username);
        Account a = rules.account(username);
        rules.requireNotSelf(caller, a, "supervisor");
        Account s = supervisorUsername == null || supervisorUsername.isBlank() ? null : supervisor(supervisorUsername);
        if (s != null) {
            rules.requireNotSelf(caller, s, "supervising through");
        }
        String before = a.getSupervisor() == null ? "none" : a.getSupervisor().getUsername();
        a.assignSupervisor(s);
        rules.record(caller, AuditAction.SUPERVISOR_CHANGED, a, "supervisor: " + before + " → "
                + (s == null ? "none" : s.getUsername()));
        return rules.view(a);
    }
}
