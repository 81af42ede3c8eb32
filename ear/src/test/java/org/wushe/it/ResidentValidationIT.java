package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.community.application.ResidentFilter;
import org.wushe.community.application.ResidentService;
import org.wushe.community.application.ResidentView;
import org.wushe.community.domain.Gender;
import org.wushe.community.domain.IdNumber;
import org.wushe.community.domain.ResidentData;
import org.wushe.it.support.Fixtures;
import org.wushe.it.support.Fixtures.Town;
import org.wushe.security.domain.Role;
import org.wushe.shared.ConflictException;
import org.wushe.shared.PageRequest;
import org.wushe.shared.ValidationException;

/** Bad resident data is refused field by field, and nothing already saved is lost. */
@ExtendWith(ArquillianExtension.class)
class ResidentValidationIT {

    @Inject
    Fixtures fixtures;

    @EJB
    ResidentService residents;

    private Town town;
    private String cadre;
    private ResidentData good;

    @BeforeEach
    void setUp() {
        town = fixtures.town("A", "B");
        cadre = fixtures.staff(town, "cadre", Role.COMMUNITY_CADRE, "A");
        good = fixtures.residentData("李建国", town.community("A"), town.grid("A", 1));
    }

    private ValidationException refused(ResidentData data) {
        return assertThrows(ValidationException.class, () -> runAs(cadre, () -> residents.register(data)));
    }

    private long count() {
        return runAs(cadre, () -> residents.list(ResidentFilter.none(), PageRequest.of(0, 1))).total();
    }

    @Test
    void register_wrongChecksum_isRefusedOnTheIdField() {
        String id = good.idNumber();
        char wrong = id.charAt(17) == '1' ? '2' : '1';
        ValidationException e = refused(with(id.substring(0, 17) + wrong, good.gender(), good.birthDate(), good.gridCode()));
        assertEquals(List.of("idNumber"), e.errors().stream().map(ValidationException.FieldError::field).toList());
        assertEquals("resident.idNumber.checksum", e.errors().get(0).key());
        assertEquals(0, count());
    }

    @Test
    void register_birthDateNotMatchingId_isRefused() {
        ValidationException e = refused(with(good.idNumber(), good.gender(), good.birthDate().plusDays(1), good.gridCode()));
        assertEquals("birthDate", e.errors().get(0).field());
        assertEquals("resident.birthDate.mismatch", e.errors().get(0).key());
        assertEquals(good.birthDate().toString(), e.errors().get(0).args().get(0));
    }

    @Test
    void register_genderNotMatchingId_isRefused() {
        ValidationException e = refused(with(good.idNumber(), Gender.MALE, good.birthDate(), good.gridCode()));
        assertEquals("gender", e.errors().get(0).field());
        assertEquals("resident.gender.mismatch", e.errors().get(0).key());
    }

    @Test
    void register_unknownGrid_andGridOfAnotherCommunity_areRefused() {
        assertEquals("resident.grid.unknown",
                refused(with(good.idNumber(), good.gender(), good.birthDate(), town.community("A") + "-G99")).errors().get(0).key());
        assertEquals("resident.grid.otherCommunity",
                refused(with(good.idNumber(), good.gender(), good.birthDate(), town.grid("B", 1))).errors().get(0).key());
    }

    @Test
    void register_badPhone_andSeveralBadFields_reportsEveryField() {
        ResidentData bad = new ResidentData(good.idNumber().substring(0, 17) + "Y", " ", good.gender(), good.birthDate(),
                "23912345678", good.address(), good.communityCode(), town.community("A") + "-G77", Set.of());
        List<String> fields = refused(bad).errors().stream().map(ValidationException.FieldError::field).toList();
        assertEquals(List.of("idNumber", "name", "phone", "gridCode"), fields);
    }

    @Test
    void register_duplicateIdNumber_isRefused_andFirstRecordKept() {
        ResidentView first = runAs(cadre, () -> residents.register(good));
        ValidationException e = refused(good);
        assertEquals("resident.idNumber.duplicate", e.errors().get(0).key());
        assertEquals("李建国", runAs(cadre, () -> residents.view(first.id())).name());
        assertEquals(1, count());
    }

    @Test
    void update_withStaleVersion_isRefused_andKeepsTheOtherChange() {
        ResidentView first = runAs(cadre, () -> residents.register(good));
        ResidentData renamed = new ResidentData(good.idNumber(), "李建国新", good.gender(), good.birthDate(), good.phone(),
                good.address(), good.communityCode(), good.gridCode(), good.tags());
        runAs(cadre, () -> residents.update(first.id(), first.version(), renamed));
        ResidentData other = new ResidentData(good.idNumber(), "李建国旧", good.gender(), good.birthDate(), good.phone(),
                good.address(), good.communityCode(), good.gridCode(), good.tags());
        ConflictException e = assertThrows(ConflictException.class,
                () -> runAs(cadre, () -> residents.update(first.id(), first.version(), other)));
        assertEquals("error.staleVersion", e.key());
        assertEquals("李建国新", runAs(cadre, () -> residents.view(first.id())).name());
    }

    @Test
    void idNumber_lowerCaseX_isStoredUpperCase() {
        String id = null;
        for (int seq = 0; id == null; seq++) {
            String candidate = IdNumber.compose("420106", good.birthDate(), seq, Gender.FEMALE);
            if (candidate.endsWith("X")) {
                id = candidate;
            }
        }
        ResidentData lower = with(id.toLowerCase(), Gender.FEMALE, good.birthDate(), good.gridCode());
        ResidentView v = runAs(cadre, () -> residents.register(lower));
        assertEquals(id, runAs(cadre, () -> residents.reveal(v.id(), "核对身份证号大小写")).idNumber());
    }

    private ResidentData with(String id, Gender gender, java.time.LocalDate birth, String grid) {
        return new ResidentData(id, good.name(), gender, birth, good.phone(), good.address(), good.communityCode(),
                grid, good.tags());
    }
}
