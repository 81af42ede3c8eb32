package org.wushe.security.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.wushe.community.domain.Community;
import org.wushe.community.domain.GridCell;
import org.wushe.community.domain.Resident;
import org.wushe.community.domain.SubDistrict;
import org.wushe.community.infrastructure.GeographyRepository;
import org.wushe.security.domain.Account;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.Page;
import org.wushe.shared.PageRequest;
import org.wushe.shared.ValidationException;

/**
 * Accounts: the signed-in caller's own view, and creation and listing by the bureau administrator
 * ({@link Right#ADMINISTER_ACCOUNTS}).
 */
@Stateless
public class AccountService {

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    PasswordHasher hasher;

    @Inject
    GeographyRepository geography;

    @Inject
    Clock clock;

    /** The signed-in caller (role, scope). Anyone signed in. */
    public Caller me() {
        return currentCaller.get();
    }

    /**
     * Creates an account with its scope. Administrator only. Refuses a taken user name, a weak
     * password, unknown codes and a scope that does not fit the role.
     */
    public AccountView create(AccountForm f) {
        Caller caller = currentCaller.get();
        caller.require(Right.ADMINISTER_ACCOUNTS);
        if (f.role() == null) {
            throw ValidationException.of("role", "account.role.required");
        }
        requireFreeUsername(f.username());
        String hash = hasher.hash(f.password() == null ? new char[0] : f.password());
        String username = f.username() == null ? null : f.username().trim();
        Instant now = clock.instant();
        Account a = switch (f.role().scopeKind()) {
            case CITY -> Account.cityWide(username, hash, f.displayName(), f.role(), now);
            case SUB_DISTRICTS -> Account.overSubDistricts(username, hash, f.displayName(), f.role(),
                    subDistricts(f.subDistrictCodes()), now);
            case COMMUNITY -> Account.inCommunity(username, hash, f.displayName(), f.role(),
                    community(f.communityCode()), now);
            case GRID_CELLS -> Account.overGridCells(username, hash, f.displayName(), f.role(),
                    gridCells(f.gridCodes()), now);
            case SELF -> throw ValidationException.of("role", "account.role.selfService");
        };
        // The administrator typed the password: its owner chooses their own at the first sign-in.
        a.passwordSetByOther(now);
        if (f.supervisorUsername() != null && !f.supervisorUsername().isBlank()) {
            a.assignSupervisor(em.createQuery("select a from Account a where a.username = :u", Account.class)
                    .setParameter("u", f.supervisorUsername().trim()).getResultStream().findFirst()
                    .orElseThrow(() -> ValidationException.of("supervisorUsername", "account.supervisor.unknown")));
        }
        em.persist(a);
        em.flush();
        return view(a);
    }

    /**
     * Opens a resident's self-service account (volunteer sign-up, hours, points), tied to their
     * resident record. The bureau administrator, or volunteering staff of the resident's community.
     */
    public AccountView createResidentAccount(String username, char[] password, Long residentId) {
        Caller caller = currentCaller.get();
        Resident r = residentId == null ? null : em.find(Resident.class, residentId);
        if (r == null) {
            throw ValidationException.of("residentId", "account.resident.unknown");
        }
        if (!caller.has(Right.ADMINISTER_ACCOUNTS)) {
            caller.require(Right.MANAGE_VOLUNTEERING);
            caller.requireCovers(r.getGridCell());
        }
        requireFreeUsername(username);
        Account a = Account.forResident(username == null ? null : username.trim(),
                hasher.hash(password == null ? new char[0] : password), r.getName(), r.getCommunity(), r.getId(),
                clock.instant());
        // Staff typed the password: the resident chooses their own at the first sign-in.
        a.passwordSetByOther(clock.instant());
        em.persist(a);
        em.flush();
        return view(a);
    }

    /**
     * Links a staff account to the person's own resident record, so that the rules "nobody verifies
     * their own or their household's hours" know who they are. Administrator only.
     */
    public void linkResident(String username, Long residentId) {
        currentCaller.get().require(Right.ADMINISTER_ACCOUNTS);
        Account a = em.createQuery("select a from Account a where a.username = :u", Account.class)
                .setParameter("u", username).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("account", username));
        if (residentId != null && em.find(Resident.class, residentId) == null) {
            throw ValidationException.of("residentId", "account.resident.unknown");
        }
        a.linkResident(residentId);
    }

    private void requireFreeUsername(String username) {
        if (username != null && em.createQuery("select count(a) from Account a where a.username = :u", Long.class)
                .setParameter("u", username.trim()).getSingleResult() > 0) {
            throw ValidationException.of("username", "account.username.taken");
        }
    }

    /** One page of accounts by user name. Administrator only. */
    public Page<AccountView> list(PageRequest page) {
        currentCaller.get().require(Right.ADMINISTER_ACCOUNTS);
        List<Account> rows = em.createQuery("select a from Account a order by a.username", Account.class)
                .setFirstResult(page.first()).setMaxResults(page.size()).getResultList();
        long total = em.createQuery("select count(a) from Account a", Long.class).getSingleResult();
        return new Page<>(rows.stream().map(this::view).toList(), total, page.first(), page.size());
    }

    /** One account by user name. Administrator only. */
    public AccountView find(String username) {
        currentCaller.get().require(Right.ADMINISTER_ACCOUNTS);
        return em.createQuery("select a from Account a where a.username = :u", Account.class)
                .setParameter("u", username).getResultStream().findFirst().map(this::view)
                .orElseThrow(() -> new NotFoundException("account", username));
    }

    private AccountView view(Account a) {
        List<String> scope = new ArrayList<>();
        a.getSubDistricts().forEach(s -> scope.add(s.getCode()));
        if (a.getGridCells().isEmpty() && a.getCommunity() != null) {
            scope.add(a.getCommunity().getCode());
        }
        a.getGridCells().forEach(g -> scope.add(g.getCode()));
        scope.sort(String::compareTo);
        return new AccountView(a.getId(), a.getUsername(), a.getDisplayName(), a.getRole(), scope, a.isEnabled(),
                a.isLockedAt(clock.instant()));
    }

    private Set<SubDistrict> subDistricts(Set<String> codes) {
        Set<SubDistrict> found = new HashSet<>();
        for (String code : codes) {
            found.add(geography.subDistrict(code)
                    .orElseThrow(() -> ValidationException.of("subDistrictCodes", "geo.subDistrict.unknown", code)));
        }
        return found;
    }

    private Community community(String code) {
        if (code == null || code.isBlank()) {
            throw ValidationException.of("communityCode", "account.scope.empty");
        }
        return geography.community(code)
                .orElseThrow(() -> ValidationException.of("communityCode", "geo.community.unknown", code));
    }

    private Set<GridCell> gridCells(Set<String> codes) {
        Set<GridCell> found = new HashSet<>();
        for (String code : codes) {
            found.add(geography.gridCell(code)
                    .orElseThrow(() -> ValidationException.of("gridCodes", "resident.grid.unknown", code)));
        }
        return found;
    }
}
