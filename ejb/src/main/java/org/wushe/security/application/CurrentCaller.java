package org.wushe.security.application;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.wushe.security.domain.Account;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
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
            Account account = em.createQuery(
                            "select a from Account a where a.username = :u and a.enabled = true", Account.class)
                    .setParameter("u", name)
                    .getResultStream().findFirst()
                    .orElseThrow(NotSignedInException::new);
            cached = Caller.of(account);
        }
        return cached;
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
