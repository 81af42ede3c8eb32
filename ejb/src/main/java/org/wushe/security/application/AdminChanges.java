package org.wushe.security.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.wushe.audit.domain.AuditAction;
import org.wushe.security.domain.Account;
import org.wushe.security.domain.AccountScope;
import org.wushe.security.domain.AdminChangeRequest;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Role;
import org.wushe.shared.ConflictException;
import org.wushe.shared.NotFoundException;

/**
 * Four-eyes on administrator accounts: the requested changes ({@link AccountAdministration}) and
 * their decision by a second security administrator. A different security administrator than the
 * requester confirms — never the account the change is about — and the change then takes effect,
 * checked again as it stands now; anyone of them but that account may decline it with a reason
 * (the requester: withdraw it). Both write {@link AuditAction#ADMIN_CHANGE_DECIDED} besides the
 * change's own entry; a refused decision is written as {@link AuditAction#ACCESS_REFUSED}.
 */
@Stateless
public class AdminChanges {

    /** How many decided requests the screen shows under the pending ones. */
    public static final int RECENT = 20;

    @PersistenceContext
    EntityManager em;

    @Inject
    AccountRules rules;

    @Inject
    Clock clock;

    /** The requests waiting for a decision, oldest first. */
    public List<AdminChangeView> pending() {
        rules.administrator("list administrator changes");
        return em.createQuery("select r from AdminChangeRequest r where r.status = :s order by r.requestedAt, r.id",
                        AdminChangeRequest.class).setParameter("s", AdminChangeRequest.Status.PENDING)
                .getResultStream().map(AdminChangeView::of).toList();
    }

    /** The latest {@value #RECENT} decided requests, newest first. */
    public List<AdminChangeView> recentlyDecided() {
        rules.administrator("list administrator changes");
        return em.createQuery("select r from AdminChangeRequest r where r.status <> :s order by r.decidedAt desc, r.id desc",
                        AdminChangeRequest.class).setParameter("s", AdminChangeRequest.Status.PENDING)
                .setMaxResults(RECENT).getResultStream().map(AdminChangeView::of).toList();
    }

    /**
     * Confirms a request: the change takes effect now.
     *
     * @throws org.wushe.shared.NotPermittedException the requester or the account concerned confirming
     * @throws ConflictException already decided; the requester no longer an enabled security
     *         administrator; the account changed meanwhile so that the change no longer applies
     */
    public AccountResult confirm(Long id) {
        Caller caller = rules.administrator("confirm administrator change " + id);
        AdminChangeRequest r = request(id);
        check(caller, r, true);
        Account requester = em.createQuery("select a from Account a where a.username = :u", Account.class)
                .setParameter("u", r.getRequestedBy()).getResultStream().findFirst().orElse(null);
        if (requester == null || !requester.isEnabled() || requester.getRole() != Role.SECURITY_ADMIN) {
            throw new ConflictException("account.adminChange.requesterGone", "Requester no longer administers",
                    r.getRequestedBy());
        }
        String note = " (request " + r.getId() + " by " + r.getRequestedBy() + ", confirmed by " + caller.username() + ")";
        Account a;
        if (r.getKind() == AdminChangeRequest.Kind.CREATE) {
            rules.requireFreeUsernameBesides(r);
            AccountScope scope = AccountScope.of(r.getNewRole(), java.util.Set.of(), null, java.util.Set.of());
            a = Account.withScope(r.getUsername(), r.getPasswordHash(), r.getDisplayName(), scope, clock.instant());
            // The requesting administrator typed the password: the new administrator chooses their own.
            a.passwordSetByOther(clock.instant());
            em.persist(a);
            em.flush();
            rules.record(caller, AuditAction.ACCOUNT_CREATED, a, "created " + AccountRules.describe(scope) + " ("
                    + a.getDisplayName() + ")" + note);
        } else {
            a = r.getAccountId() == null ? null : em.find(Account.class, r.getAccountId(), LockModeType.OPTIMISTIC);
            if (a == null) {
                throw new NotFoundException("account", r.getUsername());
            }
            if (r.getKind() == AdminChangeRequest.Kind.ROLE_SCOPE) {
                rules.applyRoleScope(caller, a, rules.scope(r.getNewRole(), r.getSubDistrictCodes(),
                        r.getCommunityCode(), r.getGridCodes()), note);
            } else {
                if (r.getKind() == AdminChangeRequest.Kind.DISABLE && !a.isEnabled()
                        || r.getKind() == AdminChangeRequest.Kind.ENABLE && a.isEnabled()) {
                    throw new ConflictException("account.adminChange.stale", "Already in that state", r.getUsername());
                }
                rules.applyState(caller, a, r.getKind(), note);
            }
        }
        r.confirm(caller.username(), a.getId(), clock.instant());
        rules.record(caller, AuditAction.ADMIN_CHANGE_DECIDED, a, "request " + r.getId() + " confirmed: "
                + r.getSummary() + " (requested by " + r.getRequestedBy() + ")");
        return AccountResult.done(rules.view(a));
    }

    /** Declines a request with a reason (by its requester: withdraws it); nothing changes. */
    public AdminChangeView decline(Long id, String reason) {
        Caller caller = rules.administrator("decline administrator change " + id);
        AdminChangeRequest r = request(id);
        check(caller, r, false);
        Instant now = clock.instant();
        r.decline(caller.username(), reason, now);
        Account a = r.getAccountId() == null ? null : em.find(Account.class, r.getAccountId());
        rules.audit.record(caller, AuditAction.ADMIN_CHANGE_DECIDED, a == null || a.getCommunity() == null ? null
                        : a.getCommunity().getId(), AccountRules.ACCOUNT, r.getAccountId(), null, null,
                r.getUsername() + ": request " + r.getId() + " declined: " + r.getSummary() + " (requested by "
                        + r.getRequestedBy() + "); reason: " + r.getDecisionReason());
        return AdminChangeView.of(r);
    }

    private AdminChangeRequest request(Long id) {
        AdminChangeRequest r = id == null ? null : em.find(AdminChangeRequest.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            throw new NotFoundException("adminChange", id);
        }
        return r;
    }

    /** The decision rules of the request; a refusal by them is written to the audit log first. */
    private void check(Caller caller, AdminChangeRequest r, boolean confirming) {
        try {
            r.checkDecider(caller.username(), confirming);
        } catch (org.wushe.shared.NotPermittedException e) {
            Account target = r.getAccountId() == null ? null : em.find(Account.class, r.getAccountId());
            rules.refuse(caller, target, (confirming ? "confirming" : "declining") + " request " + r.getId()
                    + " (" + r.getSummary() + ", requested by " + r.getRequestedBy() + "): " + e.key());
            throw e;
        }
    }
}
