package org.wushe.community.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wushe.shared.ValidationException;
import org.wushe.shared.ValidationException.FieldError;

class ResidentRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final String ID = "11010519491231002X";
    private static final LocalDate BIRTH = LocalDate.of(1949, 12, 31);

    private final SubDistrict east = new SubDistrict("SD01", "东湖街道");
    private final Community taoyuan = new Community("C001", "桃园社区", east);
    private final Community shuiguohu = new Community("C002", "水果湖社区", east);
    private final GridCell taoyuanOne = new GridCell("C001-G01", "桃园一网格", taoyuan);
    private final GridCell hubin = new GridCell("C002-G01", "湖滨网格", shuiguohu);

    private static ResidentData data(String idNumber, String name, Gender gender, LocalDate birth, String phone,
                                     String address, String community, String grid) {
        return new ResidentData(idNumber, name, gender, birth, phone, address, community, grid,
                Set.of(ResidentTag.ELDERLY));
    }

    private static ResidentData valid() {
        return data(ID, "王秀英", Gender.FEMALE, BIRTH, "13812345678", "江城市东湖区东湖街道桃园路1号", "C001", "C001-G01");
    }

    private static List<String> keys(ValidationException e) {
        return e.errors().stream().map(FieldError::key).toList();
    }

    private static List<String> fields(ValidationException e) {
        return e.errors().stream().map(FieldError::field).toList();
    }

    private ValidationException refused(ResidentData d, GridCell grid) {
        return assertThrows(ValidationException.class, () -> ResidentRules.check(d, grid, TODAY));
    }

    @Test
    void validData_returnsTheParsedIdNumber() {
        IdNumber id = ResidentRules.check(valid(), taoyuanOne, TODAY);
        assertEquals(ID, id.value());
        assertEquals(BIRTH, id.birthDate());
        assertEquals(Gender.FEMALE, id.gender());
    }

    @Test
    void validData_withoutPhoneOrAddressOrCommunity_isAccepted() {
        ResidentData d = data(ID, "王秀英", Gender.FEMALE, BIRTH, "  ", null, null, "C001-G01");
        assertEquals(ID, ResidentRules.check(d, taoyuanOne, TODAY).value());
    }

    @Test
    void lowerCaseX_andCommunityCodeInOtherCase_areAccepted() {
        ResidentData d = data(" 11010519491231002x ", "王秀英", Gender.FEMALE, BIRTH, " 13812345678 ", null, "c001",
                "C001-G01");
        assertEquals(ID, ResidentRules.check(d, taoyuanOne, TODAY).value());
    }

    @Test
    void everyBadField_isReportedAtOnce() {
        ResidentData d = data("110105194912310021", "王秀英", Gender.FEMALE, BIRTH, "2381234567", null, "C001",
                "C001-G99");
        ValidationException e = refused(d, null);
        assertEquals(List.of("resident.idNumber.checksum", "resident.phone.format", "resident.grid.unknown"), keys(e));
        assertEquals(List.of("idNumber", "phone", "gridCode"), fields(e));
        assertEquals(List.of("C001-G99"), e.errors().get(2).args());
    }

    @Test
    void badIdNumber_doesNotAlsoReportGenderOrBirthDateMismatch() {
        ResidentData d = data("110105194912310021", "王秀英", Gender.MALE, BIRTH.minusDays(1), null, null, "C001",
                "C001-G01");
        assertEquals(List.of("resident.idNumber.checksum"), keys(refused(d, taoyuanOne)));
    }

    @Test
    void missingFields_areAllReported() {
        ResidentData d = data(" ", " ", null, null, null, null, "C001", " ");
        ValidationException e = refused(d, null);
        assertEquals(List.of("resident.idNumber.required", "resident.name.required", "resident.gender.required",
                "resident.birthDate.required", "resident.grid.required"), keys(e));
        assertEquals(List.of("idNumber", "name", "gender", "birthDate", "gridCode"), fields(e));
    }

    @Test
    void genderDifferentFromTheIdNumber_isRefused() {
        ResidentData d = data(ID, "王秀英", Gender.MALE, BIRTH, null, null, "C001", "C001-G01");
        ValidationException e = refused(d, taoyuanOne);
        assertEquals(List.of("resident.gender.mismatch"), keys(e));
        assertEquals("gender", e.errors().get(0).field());
    }

    @Test
    void birthDateDifferentFromTheIdNumber_isRefused_namingTheDateOfTheIdNumber() {
        ResidentData d = data(ID, "王秀英", Gender.FEMALE, BIRTH.minusDays(1), null, null, "C001", "C001-G01");
        ValidationException e = refused(d, taoyuanOne);
        assertEquals(List.of("resident.birthDate.mismatch"), keys(e));
        assertEquals("birthDate", e.errors().get(0).field());
        assertEquals(List.of("1949-12-31"), e.errors().get(0).args());
    }

    @Test
    void gridOfAnotherCommunity_isRefused() {
        ResidentData d = data(ID, "王秀英", Gender.FEMALE, BIRTH, null, null, "C001", "C002-G01");
        ValidationException e = refused(d, hubin);
        assertEquals(List.of("resident.grid.otherCommunity"), keys(e));
        assertEquals("gridCode", e.errors().get(0).field());
        assertEquals(List.of("C002-G01", "C001"), e.errors().get(0).args());
    }

    @Test
    void phone_mustBeElevenDigitsStartingWithOne() {
        for (String bad : new String[]{"2381234567", "23812345678", "1381234567", "138123456789", "138-1234-5678",
                "1381234567a"}) {
            ResidentData d = data(ID, "王秀英", Gender.FEMALE, BIRTH, bad, null, "C001", "C001-G01");
            ValidationException e = refused(d, taoyuanOne);
            assertEquals(List.of("resident.phone.format"), keys(e), bad);
            assertEquals(List.of("phone"), fields(e), bad);
        }
    }

    @Test
    void nameLongerThanFifty_isRefused() {
        ResidentData ok = data(ID, "名".repeat(50), Gender.FEMALE, BIRTH, null, null, "C001", "C001-G01");
        ResidentRules.check(ok, taoyuanOne, TODAY);
        ResidentData d = data(ID, "名".repeat(51), Gender.FEMALE, BIRTH, null, null, "C001", "C001-G01");
        ValidationException e = refused(d, taoyuanOne);
        assertEquals(List.of("error.tooLong"), keys(e));
        assertEquals(List.of("name"), fields(e));
        assertEquals(List.of(50), e.errors().get(0).args());
    }

    @Test
    void addressLongerThanTwoHundred_isRefused() {
        ResidentData ok = data(ID, "王秀英", Gender.FEMALE, BIRTH, null, "址".repeat(200), "C001", "C001-G01");
        ResidentRules.check(ok, taoyuanOne, TODAY);
        ResidentData d = data(ID, "王秀英", Gender.FEMALE, BIRTH, null, "址".repeat(201), "C001", "C001-G01");
        ValidationException e = refused(d, taoyuanOne);
        assertEquals(List.of("error.tooLong"), keys(e));
        assertEquals(List.of("address"), fields(e));
    }
}
