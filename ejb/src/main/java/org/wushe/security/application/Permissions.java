package org.wushe.security.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;

/**
 * The caller's rights for services outside this module (the batch module's console): the check runs
 * in this module, where the caller's account is read through this module's persistence unit.
 */
@Stateless
public class Permissions {

    @Inject
    CurrentCaller currentCaller;

    /** The caller, when they hold the right; refused otherwise. */
    public Caller require(Right right) {
        Caller caller = currentCaller.get();
        caller.require(right);
        return caller;
    }
}
