package org.wushe.security.application;

import java.util.Optional;

/**
 * Where the name of the signed-in person comes from. The application's own implementation reads
 * the Jakarta Security context; the integration tests select another one to act as a given account.
 */
public interface CallerPrincipals {
    /** The signed-in account's user name, or empty when nobody is signed in. */
    Optional<String> currentName();
}
