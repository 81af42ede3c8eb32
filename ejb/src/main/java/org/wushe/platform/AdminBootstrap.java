package org.wushe.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;
import org.wushe.security.application.PasswordHasher;
import org.wushe.security.domain.Account;
import org.wushe.security.domain.Role;

/**
 * Creates the first administrator of a new installation, which has no default password: when the
 * server runs with {@code -Dwushe.bootstrapAdminFile=<file>} and no administrator of any of the three
 * kinds exists yet, the file's first line {@code username:password[:display name]} becomes the
 * security administrator (三权分立). While it is the only enabled security administrator, its changes
 * to administrator accounts take effect directly (audited as such); it creates a second security
 * administrator first, after which the system and audit administrators and every later change to
 * an administrator account need the second one's confirmation (four-eyes, {@code AdminChanges}).
 * {@code config/server.sh admin <username>} writes the file, restarts, and deletes it again.
 */
@Singleton
@Startup
// After the demo loader: it records the installation kind and decides on an empty database first.
@DependsOn({"SchemaMigration", "DemoCityLoader"})
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());
    static final String FILE_PROPERTY = "wushe.bootstrapAdminFile";

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    @Inject
    Clock clock;

    /** The parsed first line of the bootstrap file. */
    record FirstAdmin(String username, char[] password, String displayName) {
        static FirstAdmin parse(String line) {
            String[] parts = line.strip().split(":", 3);
            if (parts.length < 2 || parts[0].isBlank() || parts[1].isEmpty()) {
                throw new IllegalArgumentException("expected username:password[:display name]");
            }
            return new FirstAdmin(parts[0].trim(), parts[1].toCharArray(),
                    parts.length == 3 && !parts[2].isBlank() ? parts[2].trim() : "安全管理员");
        }
    }

    @PostConstruct
    void createFirstAdministrator() {
        String file = System.getProperty(FILE_PROPERTY);
        if (file == null || file.isBlank()) {
            return;
        }
        long admins = em.createQuery("select count(a) from Account a where a.role in :r", Long.class)
                .setParameter("r", List.of(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN)).getSingleResult();
        if (admins > 0) {
            LOG.warning(() -> FILE_PROPERTY + " ignored: an administrator exists already");
            return;
        }
        FirstAdmin first;
        try {
            first = FirstAdmin.parse(Files.readAllLines(Path.of(file), StandardCharsets.UTF_8).get(0));
        } catch (IOException | IndexOutOfBoundsException | IllegalArgumentException e) {
            LOG.severe(() -> "First administrator not created from " + file + ": " + e.getMessage());
            return;
        }
        String hash;
        try {
            hash = hasher.hash(first.password());
        } catch (org.wushe.shared.ValidationException weak) {
            LOG.severe(() -> "First administrator not created from " + file + ": the password breaks the policy ("
                    + weak.errors().get(0).key() + " " + weak.errors().get(0).args() + ")");
            return;
        }
        // The installer chose this password for themselves: no forced change; the second factor is
        // enrolled at the first sign-in on the page.
        em.persist(Account.cityWide(first.username(), hash, first.displayName(), Role.SECURITY_ADMIN, clock.instant()));
        LOG.warning(() -> "First administrator '" + first.username() + "' created; delete " + file);
    }
}
