package org.wushe.security.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import org.wushe.audit.domain.AuditAction;
import org.wushe.community.domain.Resident;
import org.wushe.security.domain.Account;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.Page;
import org.wushe.shared.PageRequest;
import org.wushe.shared.ValidationException;

/**
 * Accounts: the signed-in caller's own view, residents' self-service accounts, and (for tests and
 * the services that predate it) the entry to the security administrator's
 * {@link AccountAdministration} ({@link Right#ADMINISTER_ACCOUNTS}). Every change is audited.
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
    AccountRules rules;

    @EJB
    AccountAdministration administration;

    @Inject
    Clock clock;

    /** The signed-in caller (role, scope). Anyone signed in. */
    public Caller me() {
        return currentCaller.get();
    }

    /**
     * Creates an account with its scope; see {@link AccountAdministration#create}. The security
     * administrator only.
     */
    public AccountResult create(AccountForm f) {
        return administration.create(f);
    }

    /**
     * Opens a resident's self-service account (volunteer sign-up, hours, points), tied to their
     * resident record. The security administrator, or volunteering staff of the resident's community.
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
        rules.record(caller, AuditAction.ACCOUNT_CREATED, a, "created RESIDENT self-service account of resident "
                + r.getId());
        return rules.view(a);
    }

    /**
     * Links a staff account to the person's own resident record, so that the rules "nobody verifies
     * their own or their household's hours" know who they are. Administrator only.
     */
    public void linkResident(String username, Long residentId) {
        Caller caller = rules.administrator("link " + username + " to a resident record");
        Account a = rules.account(username);
        rules.requireNotSelf(caller, a, "resident record");
        if (residentId != null && em.find(Resident.class, residentId) == null) {
            throw ValidationException.of("residentId", "account.resident.unknown");
        }
        Long before = a.getResidentId();
        a.linkResident(residentId);
        rules.record(caller, AuditAction.ACCOUNT_CHANGED, a, "resident record: " + before + " → " + residentId);
    }

    private void requireFreeUsername(String username) {
        rules.requireFreeUsername(username);
    }

    /** One page of accounts by user name. The security administrator only. */
    public Page<AccountView> list(PageRequest page) {
        return administration.search(AccountQuery.all(), page);
    }

    /** One account by user name. The security administrator only. */
    public AccountView find(String username) {
        rules.administrator("read account " + username);
        return rules.view(rules.account(username));
    }
}
