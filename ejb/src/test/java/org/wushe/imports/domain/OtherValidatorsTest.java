package org.wushe.imports.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.wushe.community.domain.Gender;
import org.wushe.community.domain.IdNumber;

/** The grid cells and volunteers layouts. */
class OtherValidatorsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final String ID = IdNumber.compose("420102", LocalDate.of(1980, 5, 1), 3, Gender.MALE);

    final GridLineValidator grids = new GridLineValidator(ResidentLineValidatorTest.geography());
    final VolunteerLineValidator volunteers = new VolunteerLineValidator(TODAY);

    private static CsvLine line(String... v) {
        return new CsvLine(4, Arrays.asList(v));
    }

    private static Set<String> keys(LineResult<?> r) {
        LineResult.Rejected<?> rejected = assertInstanceOf(LineResult.Rejected.class, r);
        return rejected.problems().stream().map(p -> p.field() + "=" + p.key()).collect(Collectors.toSet());
    }

    @Test
    void grid_goodLine_isAccepted() {
        GridRow row = (GridRow) assertInstanceOf(LineResult.Accepted.class, grids.validate(line("C001", "c001-g06", "六网格"))).row();
        assertEquals(new GridRow(4, 1, "C001", "C001-G06", "六网格"), row);
    }

    @Test
    void grid_existingInTheSameCommunity_isAccepted() {
        assertInstanceOf(LineResult.Accepted.class, grids.validate(line("C001", "C001-G01", "一网格（新名）")));
    }

    @Test
    void grid_rules() {
        assertEquals(Set.of("line=import.line.columns"), keys(grids.validate(line("C001", "C001-G06"))));
        assertEquals(Set.of("community_code=import.community.required"), keys(grids.validate(line("", "C001-G06", "六"))));
        assertEquals(Set.of("community_code=geo.community.unknown"), keys(grids.validate(line("C009", "C009-G01", "一"))));
        assertEquals(Set.of("grid_code=geo.code.format"), keys(grids.validate(line("C001", "C001 G06", "六"))));
        assertEquals(Set.of("grid_code=geo.gridCode.prefix"), keys(grids.validate(line("C001", "C002-G06", "六"))));
        assertEquals(Set.of("name=geo.name.required"), keys(grids.validate(line("C001", "C001-G06", ""))));
        assertEquals(Set.of("name=error.tooLong"), keys(grids.validate(line("C001", "C001-G06", "网".repeat(101)))));
    }

    @Test
    void grid_ofAnotherCommunity_andDuplicateCode_areRefused() {
        GeographyIndex geo = ResidentLineValidatorTest.geography().community(3, "C001X", "x");
        GridLineValidator v = new GridLineValidator(geo.grid(31, "C001X-G01", "一", "C001X"));
        assertEquals(Set.of("grid_code=geo.gridCode.prefix", "grid_code=import.grid.otherCommunity"),
                keys(v.validate(line("C001", "C001X-G01", "一"))));
        assertInstanceOf(LineResult.Accepted.class, v.validate(line("C001", "C001-G07", "七")));
        assertEquals(Set.of("grid_code=import.gridCode.duplicateInFile"), keys(v.validate(line("C001", "C001-G07", "七"))));
    }

    @Test
    void volunteer_goodLine_isAccepted() {
        VolunteerRow row = (VolunteerRow) assertInstanceOf(LineResult.Accepted.class, volunteers.validate(
                line(ID, "张伟", "elder_care", "助老服务", "2026-01-10", "2028-01-09"))).row();
        assertEquals(new VolunteerRow(4, ID, "张伟", "ELDER_CARE", "助老服务", LocalDate.of(2026, 1, 10),
                LocalDate.of(2028, 1, 9)), row);
    }

    @Test
    void volunteer_rules() {
        assertEquals(Set.of("line=import.line.columns"), keys(volunteers.validate(line(ID, "张伟"))));
        assertEquals(Set.of("id_number=resident.idNumber.checksum"), keys(volunteers.validate(
                line(ID.substring(0, 17) + (ID.charAt(17) == '1' ? '2' : '1'), "张伟", "ELDER_CARE", "助老", "2026-01-10", "2028-01-09"))));
        assertEquals(Set.of("name=resident.name.required"), keys(volunteers.validate(
                line(ID, "", "ELDER_CARE", "助老", "2026-01-10", "2028-01-09"))));
        assertEquals(Set.of("certification_code=certification.code.format"), keys(volunteers.validate(
                line(ID, "张伟", "助老", "助老", "2026-01-10", "2028-01-09"))));
        assertEquals(Set.of("certification_name=certification.name.required"), keys(volunteers.validate(
                line(ID, "张伟", "ELDER_CARE", "", "2026-01-10", "2028-01-09"))));
        assertEquals(Set.of("issued_on=import.date.required"), keys(volunteers.validate(
                line(ID, "张伟", "ELDER_CARE", "助老", "", "2028-01-09"))));
        assertEquals(Set.of("expires_on=import.date.format"), keys(volunteers.validate(
                line(ID, "张伟", "ELDER_CARE", "助老", "2026-01-10", "2028.01.09"))));
        assertEquals(Set.of("issued_on=import.date.future"), keys(volunteers.validate(
                line(ID, "张伟", "ELDER_CARE", "助老", "2026-12-01", "2028-01-09"))));
        assertEquals(Set.of("expires_on=certification.expiry.afterIssue"), keys(volunteers.validate(
                line(ID, "张伟", "ELDER_CARE", "助老", "2026-01-10", "2026-01-10"))));
    }

    @Test
    void volunteer_sameCertificationTwice_isRefused_otherCertificationIsNot() {
        assertInstanceOf(LineResult.Accepted.class, volunteers.validate(line(ID, "张伟", "ELDER_CARE", "助老", "2026-01-10", "2028-01-09")));
        assertInstanceOf(LineResult.Accepted.class, volunteers.validate(line(ID, "张伟", "FIRST_AID", "急救", "2026-01-10", "2028-01-09")));
        assertEquals(Set.of("certification_code=import.certification.duplicateInFile"), keys(volunteers.validate(
                line(ID, "张伟", "elder_care", "助老", "2026-02-10", "2028-02-09"))));
    }
}
