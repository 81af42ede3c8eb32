package org.wushe.it.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import java.util.concurrent.atomic.AtomicLong;
import org.wushe.security.application.PasswordHasher;

/**
 * In the service tests, the password hasher that counts its verifications, so a test can show that
 * a sign-in did (or did not) verify a password without measuring time.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class CountingPasswordHasher extends PasswordHasher {

    private static final AtomicLong VERIFICATIONS = new AtomicLong();

    @Override
    public boolean verify(char[] password, String hash) {
        VERIFICATIONS.incrementAndGet();
        return super.verify(password, hash);
    }

    /** Password verifications since the server started. */
    public static long verifications() {
        return VERIFICATIONS.get();
    }
}
