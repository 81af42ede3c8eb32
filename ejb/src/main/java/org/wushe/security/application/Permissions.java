package org.wushe.security.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Set;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;

/**
 * The caller's rights for services outside this module (the batch module's console, the web
 * module's upload limits): the check runs
 * in this module, where the caller's account is read through this module's persistence unit.
 */
@Stateless
public class Permissions {

    @Inject
    CurrentCaller currentCaller;

    /**
     * Whether someone is signed in (with an enabled account) whose role holds at least one of the
     * rights; for checks made before a request is read (the web module's upload limits).
     */
    public boolean holdsAny(Set<Right> rights) {
        try {
            Caller caller = currentCaller.get();
            return rights.stream().anyMatch(caller::has);
        } catch (NotSignedInException e) {
            return false;
        }
    }

    /** The caller, when they hold the right; refused otherwise. */
    public Caller require(Right right) {
        Caller caller = currentCaller.get();
        caller.require(right);
        return caller;
    }
}
