package org.wushe.security.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Optional;

/** The signed-in person as Jakarta Security knows them (form sign-in on pages, Basic on the API). */
@ApplicationScoped
public class SecurityContextPrincipals implements CallerPrincipals {

    @Inject
    SecurityContext securityContext;

    @Override
    public Optional<String> currentName() {
        Principal p;
        try {
            p = securityContext.getCallerPrincipal();
        } catch (RuntimeException noSecurityContext) {
            return Optional.empty();
        }
        return p == null || "ANONYMOUS".equals(p.getName()) ? Optional.empty() : Optional.of(p.getName());
    }
}
