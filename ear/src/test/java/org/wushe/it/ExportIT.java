package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.audit.application.AuditLog;
import org.wushe.audit.application.AuditQuery;
import org.wushe.audit.domain.AuditAction;
import org.wushe.audit.domain.AuditEntry;
import org.wushe.audit.domain.AuditOutcome;
import org.wushe.export.application.ListExports;
import org.wushe.export.domain.ExportList;
import org.wushe.it.support.Fixtures;
import org.wushe.it.support.Fixtures.Town;
import org.wushe.security.domain.Role;
import org.wushe.shared.NotPermittedException;
import org.wushe.shared.PageRequest;
import org.wushe.shared.ValidationException;

/**
 * The rules around an Excel export (the rows themselves come from each list's scoped service; the
 * browser test {@link ExportBrowserIT} opens the files): who may export which list, the upper bound
 * {@code wushe.export.maxRows} and its message, and the audit entries of an export and of a refusal.
 */
@ExtendWith(ArquillianExtension.class)
class ExportIT {

    @Inject
    Fixtures fixtures;

    @EJB
    ListExports exports;

    @EJB
    AuditLog audit;

    private Town town;
    private String social;

    @BeforeEach
    void town() {
        town = fixtures.town("A");
        social = fixtures.staff(town, "social", Role.SOCIAL_WORKER, "A");
    }

    @Test
    void theAuditLogsExport_isTheAuditAdministratorsOnly_andARefusalIsAudited() {
        assertTrue(runAs(Fixtures.AUDITOR, () -> exports.mayExport(ExportList.AUDIT_LOG)));
        assertEquals(ListExports.maxRows(), runAs(Fixtures.AUDITOR, () -> exports.permit(ExportList.AUDIT_LOG, 10)));
        for (String other : List.of(Fixtures.ADMIN, Fixtures.SECURITY, social)) {
            assertFalse(runAs(other, () -> exports.mayExport(ExportList.AUDIT_LOG)), other);
            NotPermittedException refused = assertThrows(NotPermittedException.class,
                    () -> runAs(other, () -> exports.permit(ExportList.AUDIT_LOG, 1)), other);
            assertEquals("error.notPermitted", refused.key());
            assertThrows(NotPermittedException.class,
                    () -> runAs(other, () -> exports.exported(ExportList.AUDIT_LOG, "", 1)), other);
        }
        assertTrue(entries(social, AuditAction.ACCESS_REFUSED).stream()
                .anyMatch(e -> e.getDetail().contains("ListExports.permit") && e.getDetail().contains("EXPORT_AUDIT_LOG")),
                "the refusal is in the audit log");
        // a social worker exports the lists of their work, not the audit log
        assertTrue(runAs(social, () -> exports.mayExport(ExportList.RESIDENTS)));
        assertTrue(runAs(social, () -> exports.mayExport(ExportList.NEEDS)));
    }

    @Test
    void anExportBeyondTheBound_isRefusedWithTheMessage_andTheRefusalAudited() {
        System.setProperty(ListExports.MAX_ROWS, "3");
        try {
            assertEquals(3, runAs(social, () -> exports.permit(ExportList.RESIDENTS, 3)), "the bound itself is allowed");
            ValidationException refused = assertThrows(ValidationException.class,
                    () -> runAs(social, () -> exports.permit(ExportList.RESIDENTS, 4)));
            assertEquals("export.tooMany", refused.errors().get(0).key());
            assertEquals(List.of(4L, 3), refused.errors().get(0).args(), "the rows and the bound, for the message");
            assertTrue(entries(social, AuditAction.EXPORT).stream().anyMatch(e -> e.getOutcome() == AuditOutcome.REFUSED
                    && e.getDetail().equals("list=RESIDENTS rows=4 max=3")));
        } finally {
            System.clearProperty(ListExports.MAX_ROWS);
        }
        assertEquals(50_000, ListExports.maxRows(), "the default bound");
    }

    @Test
    void anExport_isAuditedWithItsListFiltersAndRowCount() {
        runAs(social, () -> exports.exported(ExportList.NEEDS, "community=" + town.community("A") + " status=ASSESSED", 17));
        AuditEntry entry = entries(social, AuditAction.EXPORT).stream()
                .filter(e -> e.getOutcome() == AuditOutcome.DONE).findFirst().orElseThrow();
        assertEquals("NEED", entry.getRecordType());
        assertEquals("list=NEEDS filter=community=" + town.community("A") + " status=ASSESSED rows=17", entry.getDetail());
        assertEquals("xlsx,masked", entry.getFields());
    }

    private List<AuditEntry> entries(String actor, AuditAction action) {
        return runAs(Fixtures.AUDITOR, () -> audit.search(new AuditQuery(actor, action, null, null, null, null),
                PageRequest.of(0, 200))).items();
    }
}
