package org.wushe.imports.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.wushe.community.domain.Gender;
import org.wushe.community.domain.IdNumber;
import org.wushe.community.domain.ResidentTag;

class ResidentLineValidatorTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final LocalDate BIRTH = LocalDate.of(1949, 12, 31);
    static final String WOMAN = IdNumber.compose("110105", BIRTH, 7, Gender.FEMALE);

    static GeographyIndex geography() {
        return new GeographyIndex().community(1, "C001", "幸福社区").community(2, "C002", "和平社区")
                .grid(11, "C001-G01", "一网格", "C001").grid(21, "C002-G01", "一网格", "C002");
    }

    final ResidentLineValidator validator = new ResidentLineValidator(geography(), TODAY);

    static CsvLine line(long n, String... values) {
        return new CsvLine(n, Arrays.asList(values));
    }

    static String[] good() {
        return new String[]{WOMAN, "王秀英", "女", "1949-12-31", "13912345678", "幸福路8号", "C001", "C001-G01", "独居老人;党员"};
    }

    static String[] with(int column, String value) {
        String[] v = good();
        v[column] = value;
        return v;
    }

    /** The problems of a refused line as field=key. */
    private Set<String> problems(String... values) {
        LineResult<ResidentRow> r = validator.validate(line(5, values));
        LineResult.Rejected<ResidentRow> rejected = assertInstanceOf(LineResult.Rejected.class, r);
        rejected.problems().forEach(p -> assertEquals(5, p.line()));
        return rejected.problems().stream().map(p -> p.field() + "=" + p.key()).collect(Collectors.toSet());
    }

    @Test
    void goodLine_isAccepted_withTheRowToStore() {
        LineResult<ResidentRow> r = validator.validate(line(2, good()));
        ResidentRow row = assertInstanceOf(LineResult.Accepted.class, r).row() instanceof ResidentRow x ? x : null;
        assertEquals(WOMAN, row.idNumber());
        assertEquals(Gender.FEMALE, row.gender());
        assertEquals(BIRTH, row.birthDate());
        assertEquals(11, row.gridCellId());
        assertEquals(1, row.communityId());
        assertEquals("C001-G01", row.gridCode());
        assertEquals(Set.of(ResidentTag.ELDERLY_ALONE, ResidentTag.PARTY_MEMBER), row.tags());
        assertEquals(2, row.line());
    }

    @Test
    void optionalFieldsBlank_andTagsByCode_areAccepted() {
        String[] v = with(4, "");
        v[5] = " ";
        v[8] = "ELDERLY； veteran";
        ResidentRow row = (ResidentRow) ((LineResult.Accepted<?>) validator.validate(line(2, v))).row();
        assertEquals(null, row.phone());
        assertEquals(null, row.address());
        assertEquals(Set.of(ResidentTag.ELDERLY, ResidentTag.VETERAN), row.tags());
    }

    @Test
    void wrongColumnCount_isRefusedAsALine() {
        assertEquals(Set.of("line=import.line.columns"), problems("a", "b"));
        String[] ten = Arrays.copyOf(good(), 10);
        ten[9] = "x";
        assertEquals(Set.of("line=import.line.columns"), problems(ten));
    }

    @Test
    void idNumber_rules() {
        assertEquals(Set.of("id_number=resident.idNumber.required"), problems(with(0, "")));
        assertEquals(Set.of("id_number=resident.idNumber.format"), problems(with(0, "1101051949")));
        String badCheck = WOMAN.substring(0, 17) + (WOMAN.charAt(17) == '0' ? '1' : '0');
        assertEquals(Set.of("id_number=resident.idNumber.checksum"), problems(with(0, badCheck)));
        assertEquals(Set.of("id_number=resident.idNumber.birthDate"), problems(with(0, "110105194913310020")));
    }

    @Test
    void genderAndBirthDate_mustAgreeWithTheId() {
        assertEquals(Set.of("gender=resident.gender.mismatch"), problems(with(2, "男")));
        assertEquals(Set.of("birth_date=resident.birthDate.mismatch"), problems(with(3, "1950-01-01")));
    }

    @Test
    void genderAndBirthDate_requiredAndFormat() {
        assertEquals(Set.of("gender=resident.gender.required"), problems(with(2, "")));
        assertEquals(Set.of("gender=resident.gender.unknown"), problems(with(2, "女性")));
        assertEquals(Set.of("birth_date=resident.birthDate.required"), problems(with(3, "")));
        assertEquals(Set.of("birth_date=resident.birthDate.format"), problems(with(3, "1949/12/31")));
    }

    @Test
    void nameRequired_andAtMost50() {
        assertEquals(Set.of("name=resident.name.required"), problems(with(1, " ")));
        assertEquals(Set.of("name=error.tooLong"), problems(with(1, "王".repeat(51))));
    }

    @Test
    void phoneFormat_andAddressLength() {
        assertEquals(Set.of("phone=resident.phone.format"), problems(with(4, "0279876543")));
        assertEquals(Set.of("address=error.tooLong"), problems(with(5, "路".repeat(201))));
    }

    @Test
    void community_requiredAndKnown() {
        assertEquals(Set.of("community_code=import.community.required"), problems(with(6, "")));
        assertEquals(Set.of("community_code=geo.community.unknown", "grid_code=resident.grid.otherCommunity"),
                problems(with(6, "C999")));
    }

    @Test
    void grid_requiredKnownAndOfTheCommunity() {
        assertEquals(Set.of("grid_code=resident.grid.required"), problems(with(7, "")));
        assertEquals(Set.of("grid_code=resident.grid.unknown"), problems(with(7, "C001-G09")));
        assertEquals(Set.of("grid_code=resident.grid.otherCommunity"), problems(with(7, "C002-G01")));
    }

    @Test
    void unknownTag_isNamed() {
        LineResult.Rejected<?> r = (LineResult.Rejected<?>) validator.validate(line(3, with(8, "独居老人;富豪")));
        assertEquals(List.of(new LineProblem(3, "tags", "import.tag.unknown", "富豪")), r.problems());
    }

    @Test
    void everyBadFieldOfALine_isReportedAtOnce() {
        String[] v = with(1, "");
        v[4] = "123";
        v[7] = "C001-G09";
        assertEquals(Set.of("name=resident.name.required", "phone=resident.phone.format",
                "grid_code=resident.grid.unknown"), problems(v));
    }

    @Test
    void sameIdOnALaterLine_isRefusedNamingTheFirst() {
        assertInstanceOf(LineResult.Accepted.class, validator.validate(line(2, good())));
        LineResult.Rejected<?> r = (LineResult.Rejected<?>) validator.validate(line(7, with(1, "王秀")));
        assertEquals(List.of(new LineProblem(7, "id_number", "import.idNumber.duplicateInFile", 2L)), r.problems());
    }

    @Test
    void aBadLineDoesNotClaimItsId_soALaterGoodLineIsStored() {
        assertInstanceOf(LineResult.Rejected.class, validator.validate(line(2, with(4, "12"))));
        assertInstanceOf(LineResult.Accepted.class, validator.validate(line(3, good())));
    }
}
