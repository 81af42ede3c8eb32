package org.wushe.community.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wushe.shared.ValidationException;

class ResidentRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private final SubDistrict sd = new SubDistrict("SD01", "东湖街道");
    private final Community c001 = new Community("C001", "桃园社区", sd);
    private final Community c002 = new Community("C002", "水果湖社区", sd);
    private final GridCell g1 = new GridCell("C001-G01", "一网格", c001);
    private final GridCell other = new GridCell("C002-G01", "湖滨网格", c002);
    private final String id = "11010519491231002X";

    private ResidentData data(String idNumber, Gender gender, LocalDate birth, String phone, String grid) {
        return new ResidentData(idNumber, "王秀英", gender, birth, phone, "江城市东湖区桃园路1号", "C001", grid, Set.of());
    }

    private List<String> keys(ValidationException e) {
        return e.errors().stream().map(ValidationException.FieldError::key).toList();
    }

    @Test
    void validData_returnsTheParsedIdNumber() {
        IdNumber parsed = ResidentRules.check(data(id, Gender.FEMALE, LocalDate.of(1949, 12, 31), "13812345678",
                "C001-G01"), g1, TODAY);
        assertEquals(id, parsed.value());
    }

    @Test
    void everyBadField_isReportedAtOnce() {
        ValidationException e = assertThrows(ValidationException.class, () -> ResidentRules.check(
                data("110105194912310021", Gender.FEMALE, LocalDate.of(1949, 12, 31), "2381234567", "C001-G99"),
                null, TODAY));
        assertEquals(List.of("resident.idNumber.checksum", "resident.phone.format", "resident.grid.unknown"), keys(e));
    }

    @Test
    void genderAndBirthDate_mustAgreeWithTheIdNumber() {
        ValidationException e = assertThrows(ValidationException.class, () -> ResidentRules.check(
                data(id, Gender.MALE, LocalDate.of(1949, 12, 30), null, "C001-G01"), g1, TODAY));
        assertEquals(List.of("resident.gender.mismatch", "resident.birthDate.mismatch"), keys(e));
        assertEquals("1949-12-31", e.errors().get(1).args().get(0));
    }

    @Test
    void gridOfAnotherCommunity_isRefused() {
        ValidationException e = assertThrows(ValidationException.class, () -> ResidentRules.check(
                data(id, Gender.FEMALE, LocalDate.of(1949, 12, 31), null, "C002-G01"), other, TODAY));
        assertEquals(List.of("resident.grid.otherCommunity"), keys(e));
    }
}
