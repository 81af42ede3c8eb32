package org.wushe.web.home;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.wushe.security.application.AccountService;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;

/** The page shell: who is signed in and which menu entries their role may see. */
@Named
@RequestScoped
public class ShellBacking {

    @EJB
    AccountService accounts;

    private Caller me;

    public Caller getMe() {
        if (me == null) {
            me = accounts.me();
        }
        return me;
    }

    /** Whether the signed-in role has the right, e.g. {@code #{shellBacking.can('VIEW_RESIDENTS')}}. */
    public boolean can(String right) {
        return getMe().has(Right.valueOf(right));
    }
}
