package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.audit.application.AuditArchive;
import org.wushe.audit.application.AuditLog;
import org.wushe.audit.application.AuditQuery;
import org.wushe.audit.application.AuditVerification;
import org.wushe.audit.chain.ChainVerification;
import org.wushe.audit.domain.AuditAction;
import org.wushe.audit.domain.AuditEntry;
import org.wushe.audit.domain.AuditOutcome;
import org.wushe.it.support.Fixtures;
import org.wushe.shared.NotPermittedException;
import org.wushe.shared.PageRequest;
import org.wushe.shared.ValidationException;

/**
 * The audit log's hash chain: entries written by concurrent transactions form one gapless chain,
 * the verification finds an altered and a deleted entry at their places, and only the audit
 * administrator verifies. The tampering tests change the shared chain with plain JDBC and put it
 * back in a finally block, so the chain is intact again for every other test; they run on Derby,
 * where the application's connection may still change the table; on PostgreSQL they check that it
 * may not (the whole of that protection: {@code AuditAppendOnlyIT}).
 */
@ExtendWith(ArquillianExtension.class)
class AuditChainIT {

    @EJB
    AuditLog audit;

    @EJB
    AuditVerification verification;

    @EJB
    AuditArchive archive;

    @Resource(lookup = "jdbc/wushe")
    DataSource dataSource;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    private long seqOf(String actor, long recordId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement p = c.prepareStatement("SELECT chain_seq FROM audit_entry WHERE actor = ? AND record_id = ?")) {
            p.setString(1, actor);
            p.setLong(2, recordId);
            try (ResultSet rs = p.executeQuery()) {
                assertTrue(rs.next(), "entry of " + actor + " " + recordId);
                return rs.getLong(1);
            }
        }
    }

    private String actor() {
        return "chain" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    }

    private void write(String actor, int n) {
        for (long i = 1; i <= n; i++) {
            audit.recordSystem(actor, AuditAction.JOB_OPERATED, "chain_test", i, actor + " entry " + i);
        }
    }

    private ChainVerification verify() {
        return runAs(Fixtures.AUDITOR, () -> verification.verify()).chain();
    }

    private boolean derby() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase().contains("derby");
        }
    }

    @Test
    void concurrentWriters_appendOneGaplessChain_thatVerifiesIntact_andTheVerificationIsAudited() throws Exception {
        String actor = actor();
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            writers.add(executor.submit(() -> {
                for (long i = 1; i <= 10; i++) {
                    audit.recordSystem(actor, AuditAction.JOB_OPERATED, "chain_test", thread * 100 + i, "concurrent");
                }
            }));
        }
        for (Future<?> w : writers) {
            w.get();
        }
        Set<Long> places = new HashSet<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement p = c.prepareStatement("SELECT chain_seq, prev_hash, entry_hash FROM audit_entry WHERE actor = ?")) {
            p.setString(1, actor);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    places.add(rs.getLong(1));
                    assertEquals(64, rs.getString(2).length());
                    assertEquals(64, rs.getString(3).length());
                }
            }
        }
        assertEquals(40, places.size(), "every entry has a place of its own");

        ChainVerification v = verify();
        assertTrue(v.intact(), () -> "intact: " + v);
        assertTrue(v.lastGoodSeq() >= places.stream().mapToLong(Long::longValue).max().orElseThrow());

        List<AuditEntry> verified = runAs(Fixtures.AUDITOR, () -> audit.search(new AuditQuery(Fixtures.AUDITOR,
                AuditAction.AUDIT_VERIFIED, null, null, null, null, AuditOutcome.DONE), PageRequest.of(0, 1))).items();
        assertEquals(1, verified.size());
        assertTrue(verified.get(0).getDetail().startsWith("intact"), verified.get(0).getDetail());
        assertNotNull(verified.get(0).getEntryHash());
    }

    @Test
    void anEntryAlteredWithPlainJdbc_isFoundAtItsPlace() throws Exception {
        String actor = actor();
        write(actor, 3);
        long seq = seqOf(actor, 2);
        if (!derby()) {
            // On PostgreSQL the application's connection cannot alter an entry at all (AuditAppendOnlyIT).
            try (Connection c = dataSource.getConnection()) {
                assertThrows(SQLException.class, () -> exec(c, "UPDATE audit_entry SET detail = 'x' WHERE chain_seq = " + seq));
            }
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement p = c.prepareStatement("UPDATE audit_entry SET detail = ? WHERE chain_seq = ?")) {
            p.setString(1, actor + " entry 2, altered");
            p.setLong(2, seq);
            assertEquals(1, p.executeUpdate());
            try {
                ChainVerification v = verify();
                assertFalse(v.intact());
                assertEquals(ChainVerification.Problem.ALTERED, v.problem());
                assertEquals(seq, v.brokenSeq());
                assertEquals(seq - 1, v.lastGoodSeq());
            } finally {
                p.setString(1, actor + " entry 2");
                p.executeUpdate();
            }
        }
        assertTrue(verify().intact(), "intact again once restored");
    }

    @Test
    void aDeletedEntry_isFoundAtItsPlace() throws Exception {
        String actor = actor();
        write(actor, 3);
        long seq = seqOf(actor, 2);
        if (!derby()) {
            // On PostgreSQL the application's connection cannot delete an entry at all (AuditAppendOnlyIT).
            try (Connection c = dataSource.getConnection()) {
                assertThrows(SQLException.class, () -> exec(c, "DELETE FROM audit_entry WHERE chain_seq = " + seq));
            }
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement copy = c.prepareStatement("CREATE TABLE audit_entry_kept AS SELECT * FROM audit_entry WITH NO DATA")) {
                copy.execute();
            } catch (SQLException exists) {
                // left by an earlier run that could not finish: emptied below
            }
            exec(c, "DELETE FROM audit_entry_kept");
            exec(c, "INSERT INTO audit_entry_kept SELECT * FROM audit_entry WHERE chain_seq = " + seq);
            assertEquals(1, exec(c, "DELETE FROM audit_entry WHERE chain_seq = " + seq));
            try {
                ChainVerification v = verify();
                assertFalse(v.intact());
                assertEquals(ChainVerification.Problem.MISSING, v.problem());
                assertEquals(seq, v.brokenSeq());
                assertEquals(seq - 1, v.lastGoodSeq());
            } finally {
                exec(c, "INSERT INTO audit_entry SELECT * FROM audit_entry_kept");
                exec(c, "DROP TABLE audit_entry_kept");
            }
        }
        assertTrue(verify().intact(), "intact again once restored");
    }

    private static int exec(Connection c, String sql) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            return p.executeUpdate();
        }
    }

    @Test
    void anArchive_verifiesOnItsOwn_andItsExportIsAudited() throws Exception {
        String actor = actor();
        write(actor, 3);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        AuditArchive.ArchiveFile file = runAs(Fixtures.AUDITOR, () -> archive.archive(today.minusDays(1), today));
        try {
            assertTrue(file.entries() >= 3, "entries: " + file.entries());
            String csv = Files.readString(file.path(), StandardCharsets.UTF_8);
            assertTrue(csv.startsWith("\"chain_seq\",\"id\",\"occurred_at\","), csv.substring(0, 40));
            ChainVerification whole = AuditArchive.verify(new StringReader(csv));
            assertTrue(whole.intact(), () -> "archive intact: " + whole);
            assertEquals(file.lastSeq().longValue(), whole.lastGoodSeq());

            String altered = csv.replace("\"" + actor + " entry 2\"", "\"" + actor + " entry 2, altered\"");
            ChainVerification broken = AuditArchive.verify(new StringReader(altered));
            assertEquals(ChainVerification.Problem.ALTERED, broken.problem());
            assertEquals(seqOf(actor, 2), broken.brokenSeq());
        } finally {
            Files.deleteIfExists(file.path());
        }
        List<AuditEntry> archived = runAs(Fixtures.AUDITOR, () -> audit.search(new AuditQuery(Fixtures.AUDITOR,
                AuditAction.AUDIT_ARCHIVED, null, null, null, null), PageRequest.of(0, 1))).items();
        assertTrue(archived.get(0).getDetail().startsWith("period " + today.minusDays(1) + ".." + today + ": "),
                archived.get(0).getDetail());

        ValidationException missing = assertThrows(ValidationException.class,
                () -> runAs(Fixtures.AUDITOR, () -> archive.archive(null, null)));
        assertEquals(List.of("archiveFrom", "archiveTo"), missing.errors().stream().map(e -> e.field()).toList());
        ValidationException order = assertThrows(ValidationException.class,
                () -> runAs(Fixtures.AUDITOR, () -> archive.archive(today, today.minusDays(1))));
        assertEquals("audit.archive.toBeforeFrom", order.errors().get(0).key());
        assertThrows(NotPermittedException.class, () -> runAs(Fixtures.SECURITY, () -> archive.archive(today, today)));
    }

    @Test
    void onlyTheAuditAdministrator_verifies_andARefusalIsAudited() {
        assertThrows(NotPermittedException.class, () -> runAs(Fixtures.ADMIN, () -> verification.verify()));
        List<AuditEntry> refused = runAs(Fixtures.AUDITOR, () -> audit.search(new AuditQuery(Fixtures.ADMIN,
                AuditAction.ACCESS_REFUSED, null, null, null, null, AuditOutcome.REFUSED), PageRequest.of(0, 1))).items();
        assertEquals(1, refused.size());
        assertEquals("AuditVerification", refused.get(0).getRecordType());
        assertTrue(refused.get(0).getDetail().startsWith("AuditVerification.verify: error.notPermitted"),
                refused.get(0).getDetail());
        assertEquals("SYSTEM_ADMIN", refused.get(0).getActorRole());
    }
}
