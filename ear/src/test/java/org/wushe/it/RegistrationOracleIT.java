package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.audit.application.AuditLog;
import org.wushe.audit.application.AuditQuery;
import org.wushe.audit.domain.AuditAction;
import org.wushe.audit.domain.AuditEntry;
import org.wushe.audit.domain.AuditOutcome;
import org.wushe.community.application.ResidentService;
import org.wushe.community.application.ResidentView;
import org.wushe.community.domain.ResidentData;
import org.wushe.imports.application.ImportRunView;
import org.wushe.imports.application.ImportService;
import org.wushe.imports.domain.ImportKind;
import org.wushe.imports.domain.ReasonText;
import org.wushe.it.support.Fixtures;
import org.wushe.it.support.Fixtures.Town;
import org.wushe.security.domain.Role;
import org.wushe.shared.NotPermittedException;
import org.wushe.shared.PageRequest;
import org.wushe.shared.ValidationException;

/**
 * No ID oracle: an ID number registered outside the caller's scope is refused without saying where
 * (and audited, and throttled per account); inside the scope the duplicate answer stays; the import
 * refuses a line whose resident lives in another community.
 */
@ExtendWith(ArquillianExtension.class)
class RegistrationOracleIT {

    @Inject
    Fixtures fixtures;

    @EJB
    ResidentService residents;

    @EJB
    ImportService imports;

    @EJB
    AuditLog audit;

    private List<AuditEntry> refusals(String actor) {
        return runAs(Fixtures.AUDITOR, () -> audit.search(new AuditQuery(actor, AuditAction.REGISTRATION_REFUSED, null,
                null, null, null), PageRequest.of(0, 50))).items();
    }

    private static ResidentData in(ResidentData d, String community, String grid) {
        return new ResidentData(d.idNumber(), "另一人", d.gender(), d.birthDate(), d.phone(), d.address(), community,
                grid, d.tags());
    }

    @Test
    void duplicateInsideTheScope_isAnsweredAsADuplicate_andNotAudited() {
        Town town = fixtures.town("A");
        String worker = fixtures.staff(town, "worker", Role.SOCIAL_WORKER, "A");
        ResidentData data = fixtures.residentData("王秀英", town.community("A"), town.grid("A", 1));
        runAs(worker, () -> residents.register(data));
        ValidationException e = assertThrows(ValidationException.class,
                () -> runAs(worker, () -> residents.register(in(data, town.community("A"), town.grid("A", 2)))));
        assertEquals("idNumber", e.errors().get(0).field());
        assertEquals("resident.idNumber.duplicate", e.errors().get(0).key());
        assertEquals(0, refusals(worker).size());
    }

    @Test
    void idNumberOutsideTheScope_saysAskForATransfer_namesNothing_andIsAudited() {
        Town town = fixtures.town("A", "B");
        String a = fixtures.staff(town, "workera", Role.SOCIAL_WORKER, "A");
        String b = fixtures.staff(town, "workerb", Role.SOCIAL_WORKER, "B");
        ResidentData data = fixtures.residentData("王秀英", town.community("A"), town.grid("A", 1));
        ResidentView there = runAs(a, () -> residents.register(data));

        ValidationException e = assertThrows(ValidationException.class,
                () -> runAs(b, () -> residents.register(in(data, town.community("B"), town.grid("B", 1)))));
        assertEquals("idNumber", e.errors().get(0).field());
        assertEquals("resident.idNumber.elsewhere", e.errors().get(0).key());
        assertTrue(e.errors().get(0).args().isEmpty(), "nothing of the other record: " + e.errors().get(0).args());

        List<AuditEntry> entries = refusals(b);
        assertEquals(1, entries.size());
        assertEquals(AuditOutcome.REFUSED, entries.get(0).getOutcome());
        assertEquals(there.id(), entries.get(0).getRecordId(), "the bureau can find the record from the log");

        // an update to that ID number is refused the same way
        ResidentView own = fixtures.resident(b, "张伟", town.community("B"), town.grid("B", 1));
        ResidentData onto = new ResidentData(data.idNumber(), "张伟", data.gender(), data.birthDate(), null, null,
                town.community("B"), town.grid("B", 1), java.util.Set.of());
        ValidationException u = assertThrows(ValidationException.class,
                () -> runAs(b, () -> residents.update(own.id(), own.version(), onto)));
        assertEquals("resident.idNumber.elsewhere", u.errors().get(0).key());
        assertEquals(2, refusals(b).size());
    }

    @Test
    void afterFiveRefusalsInAnHour_registrationsByIdAreThrottled_andAudited() {
        Town town = fixtures.town("A", "B");
        String a = fixtures.staff(town, "workera", Role.SOCIAL_WORKER, "A");
        String b = fixtures.staff(town, "workerb", Role.SOCIAL_WORKER, "B");
        for (int i = 0; i < 5; i++) {
            ResidentData there = fixtures.residentData("居民" + i, town.community("A"), town.grid("A", 1));
            runAs(a, () -> residents.register(there));
            ValidationException e = assertThrows(ValidationException.class,
                    () -> runAs(b, () -> residents.register(in(there, town.community("B"), town.grid("B", 1)))));
            assertEquals("resident.idNumber.elsewhere", e.errors().get(0).key());
        }
        ResidentData fresh = fixtures.residentData("新居民", town.community("B"), town.grid("B", 1));
        NotPermittedException t = assertThrows(NotPermittedException.class,
                () -> runAs(b, () -> residents.register(fresh)));
        assertEquals("resident.registration.throttled", t.key());
        List<AuditEntry> entries = refusals(b);
        assertEquals(6, entries.size());
        assertTrue(entries.stream().anyMatch(x -> x.getDetail().startsWith("throttled")), "the throttled one audited");
        // another account is not held back
        ResidentView ok = runAs(a, () -> residents.register(fixtures.residentData("他人", town.community("A"),
                town.grid("A", 2))));
        assertTrue(ok.id() > 0);
    }

    @Test
    void importLine_ofAResidentOfAnotherCommunity_isRefusedWithThatReason_notMoved() throws Exception {
        Town town = fixtures.town("A", "B");
        String a = fixtures.staff(town, "workera", Role.SOCIAL_WORKER, "A");
        ResidentData data = fixtures.residentData("王秀英", town.community("A"), town.grid("A", 1));
        ResidentView there = runAs(a, () -> residents.register(data));
        ResidentData same = fixtures.residentData("李娜", town.community("A"), town.grid("A", 1));
        runAs(a, () -> residents.register(same));
        Path dir = Files.createTempDirectory("wushe-oracle");
        Path file = dir.resolve("residents.csv");
        Files.writeString(file, String.join(",", ImportKind.RESIDENTS.header()) + "\n"
                + data.idNumber() + ",王秀英,女," + data.birthDate() + ",,," + town.community("B") + ","
                + town.grid("B", 1) + ",\n"
                + same.idNumber() + ",李娜,女," + same.birthDate() + ",,," + town.community("A") + ","
                + town.grid("A", 2) + ",\n", StandardCharsets.UTF_8);
        ImportRunView run = runAs("operator", () -> imports.importFile(ImportKind.RESIDENTS, file, null, null,
                ReasonText.of(ResourceBundle.getBundle(ReasonText.BUNDLE, Locale.SIMPLIFIED_CHINESE))));
        assertEquals(1, run.rejected());
        assertEquals(1, run.updated(), "a move inside the community is still an update");
        assertEquals(List.of("2,id_number,import.idNumber.otherCommunity"),
                ResidentImportIT.reportRows(file.resolveSibling("residents.csv.report.csv")));
        assertEquals(town.grid("A", 1), runAs(a, () -> residents.view(there.id())).gridCode(), "not moved");
    }
}
