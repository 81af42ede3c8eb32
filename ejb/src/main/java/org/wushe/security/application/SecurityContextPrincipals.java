package org.wushe.security.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.Principal;
import java.util.Optional;

/**
 * The signed-in person as the container knows them (form sign-in on pages, Basic on the API): the
 * caller principal of the current call, through the container's built-in {@link Principal} bean,
 * which reads it afresh on every call. Jakarta Security's {@code SecurityContext.getCallerPrincipal}
 * gives the same name but parses the caller's subject each time (several reflective look-ups); it
 * was 3.6 % of the server's CPU under 200 sessions, since every service call asks for its caller.
 */
@ApplicationScoped
public class SecurityContextPrincipals implements CallerPrincipals {

    /** The container's name for the caller of a call nobody signed in to. */
    static final String ANONYMOUS = "ANONYMOUS";

    @Inject
    Principal principal;

    @Override
    public Optional<String> currentName() {
        String name;
        try {
            name = principal.getName();
        } catch (RuntimeException noCaller) {
            // no security context on this thread, or no principal in it
            return Optional.empty();
        }
        return name == null || name.isBlank() || ANONYMOUS.equals(name) ? Optional.empty() : Optional.of(name);
    }
}
