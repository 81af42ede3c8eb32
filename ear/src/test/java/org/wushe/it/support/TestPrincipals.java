package org.wushe.it.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.wushe.security.application.CallerPrincipals;
import org.wushe.security.application.SecurityContextPrincipals;

/**
 * In the service tests, who the caller is: the user name set by {@link #runAs}. Only the name is
 * replaced; role and scope are still read from the account table, as in production. Outside
 * {@link #runAs} (the pages and the API the client-side tests use, which run in the same deployment)
 * the caller is the one the container signed in.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class TestPrincipals implements CallerPrincipals {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    @Inject
    SecurityContextPrincipals container;

    @Override
    public Optional<String> currentName() {
        String name = CURRENT.get();
        return name != null ? Optional.of(name) : container.currentName();
    }

    /** Runs the work as the given account and returns its result. */
    public static <T> T runAs(String username, Callable<T> work) {
        String before = CURRENT.get();
        CURRENT.set(username);
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }

    /** Runs the work as the given account. */
    public static void runAs(String username, Runnable work) {
        runAs(username, () -> {
            work.run();
            return null;
        });
    }
}
