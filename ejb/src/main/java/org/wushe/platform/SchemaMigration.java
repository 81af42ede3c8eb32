package org.wushe.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.wushe.platform.migration.V32__Planner_statistics;
import org.wushe.shared.protect.DataKeys;
import org.wushe.shared.protect.Sealed;

/**
 * Brings the database schema to the newest version at deployment, from the versioned SQL scripts
 * in {@code db/migration} (the same scripts on Derby and PostgreSQL) and the Java migrations of
 * {@code org.wushe.platform.migration} (what differs between them). Runs before any other
 * start-up bean; if a migration fails, the deployment fails and the database is left at the last
 * good version.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "jdbc/wushe")
    DataSource dataSource;

    private String version;

    @PostConstruct
    void migrate() {
        // Where the files go must be known before anything is written: a clear error at deployment.
        java.nio.file.Path files = org.wushe.shared.Installation.dataDir();
        LOG.info(() -> "Wushe files (reports, import inbox) under " + files);
        MigrateResult result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                // what plain SQL cannot say the same way on both databases
                .javaMigrations(new V32__Planner_statistics())
                .table("schema_history")
                .baselineOnMigrate(false)
                .placeholders(java.util.Map.of("blob_type", blobType()))
                .load()
                .migrate();
        version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info(() -> "Wushe schema at version " + version + " (" + result.migrationsExecuted + " migrations applied now)");
        sealIdentifiers();
    }

    /**
     * Reads the personal-data keys (the deployment fails without them) and encrypts what is still
     * in clear or under an old key ({@link IdentifierSealing}).
     */
    private void sealIdentifiers() {
        Sealed.use(DataKeys.fromSystem());
        try (java.sql.Connection c = dataSource.getConnection()) {
            long sealed = IdentifierSealing.run(c);
            if (sealed > 0) {
                LOG.info(() -> "Wushe personal data: " + sealed + " residents and history entries encrypted under key "
                        + Sealed.keys().activeId());
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot encrypt the residents' identifiers: " + e.getMessage(), e);
        }
    }

    /** The one column type the migrations spell differently: binary content (BLOB on Derby, BYTEA on PostgreSQL). */
    private String blobType() {
        try (java.sql.Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres") ? "BYTEA" : "BLOB";
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot read the database product: " + e.getMessage(), e);
        }
    }

    /** The schema version after start-up, e.g. {@code 1}. */
    public String version() {
        return version;
    }
}
