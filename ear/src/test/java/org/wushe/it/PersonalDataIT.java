package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.io.StringWriter;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.audit.application.AuditLog;
import org.wushe.audit.application.AuditQuery;
import org.wushe.audit.domain.AuditAction;
import org.wushe.audit.domain.AuditEntry;
import org.wushe.community.application.ChangeView;
import org.wushe.community.application.ResidentFilter;
import org.wushe.community.application.ResidentService;
import org.wushe.community.application.ResidentView;
import org.wushe.community.domain.ResidentData;
import org.wushe.it.support.Fixtures;
import org.wushe.it.support.Fixtures.Town;
import org.wushe.security.domain.Role;
import org.wushe.shared.NotPermittedException;
import org.wushe.shared.PageRequest;
import org.wushe.shared.ValidationException;

/** Masked by default; a reveal needs a purpose and the right role, and is audited; exports are audited. */
@ExtendWith(ArquillianExtension.class)
class PersonalDataIT {

    private static final String MASKED_ID = "\\d\\*{16}[\\dX]";

    @Inject
    Fixtures fixtures;

    @EJB
    ResidentService residents;

    @EJB
    AuditLog audit;

    private Town town;
    private String worker;
    private ResidentView resident;
    private ResidentData data;

    @BeforeEach
    void oneResident() {
        town = fixtures.town("A");
        worker = fixtures.staff(town, "worker", Role.SOCIAL_WORKER, "A");
        data = fixtures.residentData("王秀英", town.community("A"), town.grid("A", 1));
        resident = runAs(worker, () -> residents.register(data));
    }

    @Test
    void list_andView_areMasked() {
        ResidentView listed = runAs(worker, () -> residents.list(ResidentFilter.community(town.community("A")),
                PageRequest.of(0, 10))).items().get(0);
        for (ResidentView v : List.of(listed, runAs(worker, () -> residents.view(resident.id())))) {
            assertTrue(v.idNumber().matches(MASKED_ID), v.idNumber());
            assertEquals("139****5678", v.phone());
            assertEquals("江城市东湖区测试街道幸福路****", v.address());
            assertNull(v.birthDate(), "the birth date is part of what is masked");
            assertFalse(v.revealed());
        }
    }

    @Test
    void reveal_withPurpose_showsFullData_andWritesAuditEntry() {
        ResidentView full = runAs(worker, () -> residents.reveal(resident.id(), "入户走访核对联系方式"));
        assertEquals(data.idNumber(), full.idNumber());
        assertEquals("13912345678", full.phone());
        assertEquals(data.address(), full.address());
        assertTrue(full.revealed());

        List<AuditEntry> entries = runAs(Fixtures.AUDITOR, () -> audit.search(
                new AuditQuery(worker, AuditAction.REVEAL, "RESIDENT", resident.id(), null, null),
                PageRequest.of(0, 10))).items();
        assertEquals(1, entries.size());
        AuditEntry e = entries.get(0);
        assertEquals("入户走访核对联系方式", e.getPurpose());
        assertEquals("idNumber,birthDate,phone,address", e.getFields());
        assertEquals(Role.SOCIAL_WORKER.name(), e.getActorRole());
        assertNotEquals(null, e.getClientAddress());
        assertNotEquals(null, e.getOccurredAt());
    }

    @Test
    void reveal_withoutPurpose_isRefused_andNotAudited() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> runAs(worker, () -> residents.reveal(resident.id(), "  ")));
        assertEquals("purpose", e.errors().get(0).field());
        assertEquals("reveal.purpose.required", e.errors().get(0).key());
        assertEquals(0, runAs(Fixtures.AUDITOR, () -> audit.search(
                new AuditQuery(worker, AuditAction.REVEAL, null, resident.id(), null, null),
                PageRequest.of(0, 10))).total());
    }

    @Test
    void reveal_byRoleWithoutNeed_isRefused() {
        assertThrows(NotPermittedException.class,
                () -> runAs(Fixtures.ADMIN, () -> residents.reveal(resident.id(), "统计核对需要")));
    }

    @Test
    void export_isMasked_andAudited() {
        StringWriter out = new StringWriter();
        long rows = runAs(worker, () -> residents.export(ResidentFilter.community(town.community("A")), out));
        assertEquals(1, rows);
        assertFalse(out.toString().contains(data.idNumber()), "the export carries masked ID numbers");
        assertTrue(out.toString().contains("139****5678"));
        List<AuditEntry> entries = runAs(Fixtures.AUDITOR, () -> audit.search(
                new AuditQuery(worker, AuditAction.EXPORT, null, null, null, null), PageRequest.of(0, 10))).items();
        assertEquals(1, entries.size());
        assertTrue(entries.get(0).getDetail().contains("rows=1"), entries.get(0).getDetail());
    }

    @Test
    void auditLog_isOnlyForTheBureauAdministrator() {
        assertThrows(NotPermittedException.class,
                () -> runAs(worker, () -> audit.search(AuditQuery.all(), PageRequest.of(0, 10))));
    }

    @Test
    void changeHistory_keepsOldAndNewValues_masked() {
        ResidentData moved = new ResidentData(data.idNumber(), data.name(), data.gender(), data.birthDate(),
                "13787654321", data.address(), data.communityCode(), town.grid("A", 2), data.tags());
        runAs(worker, () -> residents.update(resident.id(), resident.version(), moved));
        List<ChangeView> history = runAs(worker, () -> residents.history(resident.id()));
        assertEquals(2, history.size());
        ChangeView phone = history.stream().filter(c -> c.field().equals("phone")).findFirst().orElseThrow();
        assertEquals("139****5678", phone.oldValue());
        assertEquals("137****4321", phone.newValue());
        assertEquals(worker, phone.changedBy());
        ChangeView grid = history.stream().filter(c -> c.field().equals("gridCode")).findFirst().orElseThrow();
        assertEquals(town.grid("A", 1), grid.oldValue());
        assertEquals(town.grid("A", 2), grid.newValue());
    }
}
