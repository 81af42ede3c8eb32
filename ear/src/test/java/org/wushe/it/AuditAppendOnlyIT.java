package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.audit.application.AuditLog;
import org.wushe.audit.application.AuditVerification;
import org.wushe.audit.domain.AuditAction;
import org.wushe.it.support.Fixtures;

/**
 * On PostgreSQL the application's own connection may only INSERT and SELECT the audit log:
 * UPDATE, DELETE and TRUNCATE fail, and so do dropping or disabling the trigger that refuses them,
 * dropping the table and granting itself more (config/postgresql/audit-lock.sql, applied by the
 * owner role in {@code config/postgresql-test.sh} and {@code config/server.sh install}). Skipped on
 * Derby, where the chain is the protection ({@code AuditChainIT}).
 */
@ExtendWith(ArquillianExtension.class)
class AuditAppendOnlyIT {

    /** PostgreSQL's SQLSTATE for "permission denied" (insufficient_privilege). */
    private static final String DENIED = "42501";

    @Resource(lookup = "jdbc/wushe")
    DataSource dataSource;

    @EJB
    AuditLog audit;

    @EJB
    AuditVerification verification;

    @BeforeEach
    void onPostgresqlOnly() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Assumptions.assumeTrue(c.getMetaData().getDatabaseProductName().contains("PostgreSQL"),
                    "the database's own protection of the audit log is PostgreSQL's (the suite runs on Derby by default)");
        }
    }

    private static void refused(Connection c, String sql) {
        SQLException e = assertThrows(SQLException.class, () -> {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }, sql);
        assertEquals(DENIED, e.getSQLState(), sql + ": " + e.getMessage());
    }

    @Test
    void theApplicationsConnection_cannotUpdateDeleteOrTruncateTheLog_norUndoTheLock() throws SQLException {
        audit.recordSystem("append-only-test", AuditAction.JOB_OPERATED, "append_only_test", 1L, "an entry to aim at");
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            refused(c, "UPDATE audit_entry SET detail = 'altered' WHERE actor = 'append-only-test'");
            refused(c, "DELETE FROM audit_entry WHERE actor = 'append-only-test'");
            refused(c, "TRUNCATE audit_entry");
            refused(c, "DROP TRIGGER audit_entry_append_only ON audit_entry");
            refused(c, "ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only");
            refused(c, "DROP TABLE audit_entry");
            refused(c, "DELETE FROM audit_anchor");
            try (Statement s = c.createStatement()) {
                s.execute("GRANT UPDATE, DELETE ON audit_entry TO CURRENT_USER"); // a warning, nothing granted
                try (ResultSet rs = s.executeQuery("SELECT has_table_privilege('audit_entry', 'UPDATE'),"
                        + " has_table_privilege('audit_entry', 'DELETE'), has_table_privilege('audit_entry', 'INSERT'),"
                        + " has_table_privilege('audit_entry', 'SELECT'),"
                        + " (SELECT rolsuper FROM pg_roles WHERE rolname = CURRENT_USER),"
                        + " (SELECT COUNT(*) FROM audit_entry WHERE actor = 'append-only-test'),"
                        + " (SELECT COUNT(*) FROM pg_trigger WHERE tgrelid = 'audit_entry'::regclass AND NOT tgisinternal"
                        + "    AND tgname IN ('audit_entry_append_only', 'audit_entry_no_truncate'))")) {
                    rs.next();
                    assertFalse(rs.getBoolean(1), "no UPDATE");
                    assertFalse(rs.getBoolean(2), "no DELETE");
                    assertTrue(rs.getBoolean(3), "INSERT");
                    assertTrue(rs.getBoolean(4), "SELECT");
                    assertFalse(rs.getBoolean(5), "the application's role is no superuser");
                    assertTrue(rs.getLong(6) >= 1, "the entry is still there");
                    assertEquals(2, rs.getInt(7), "both triggers are in place");
                }
            }
        }
        assertTrue(runAs(Fixtures.AUDITOR, () -> verification.verify()).chain().intact(),
                "the application still appends to the chain and verifies it");
    }
}
