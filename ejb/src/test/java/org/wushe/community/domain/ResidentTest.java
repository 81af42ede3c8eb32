package org.wushe.community.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wushe.community.domain.Resident.FieldChange;

class ResidentTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final Instant CREATED = Instant.parse("2026-11-01T08:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-25T08:00:00Z");
    private static final String ID = "11010519491231002X";

    private final SubDistrict east = new SubDistrict("SD01", "东湖街道");
    private final Community taoyuan = new Community("C001", "桃园社区", east);
    private final Community shuiguohu = new Community("C002", "水果湖社区", east);
    private final GridCell one = new GridCell("C001-G01", "桃园一网格", taoyuan);
    private final GridCell two = new GridCell("C001-G02", "桃园二网格", taoyuan);
    private final GridCell hubin = new GridCell("C002-G01", "湖滨网格", shuiguohu);

    private static ResidentData data(String phone, String address, String grid, Set<ResidentTag> tags) {
        return new ResidentData(ID, "王秀英", Gender.FEMALE, LocalDate.of(1949, 12, 31), phone, address,
                grid.substring(0, 4), grid, tags);
    }

    private static ResidentData original() {
        return data("13812345678", "江城市东湖区东湖街道桃园路1号", "C001-G01",
                Set.of(ResidentTag.ELDERLY, ResidentTag.PARTY_MEMBER));
    }

    private Resident resident() {
        ResidentData d = original();
        return new Resident(ResidentRules.check(d, one, TODAY), d, one, CREATED);
    }

    private static List<FieldChange> apply(Resident r, ResidentData d, GridCell grid) {
        return r.apply(ResidentRules.check(d, grid, TODAY), d, grid, LATER);
    }

    @Test
    void newResident_takesGenderAndBirthDateFromTheIdNumber() {
        Resident r = resident();
        assertEquals(ID, r.getIdNumber());
        assertEquals(Gender.FEMALE, r.getGender());
        assertEquals(LocalDate.of(1949, 12, 31), r.getBirthDate());
        assertSame(taoyuan, r.getCommunity());
        assertEquals(Set.of(ResidentTag.ELDERLY, ResidentTag.PARTY_MEMBER), r.getTags());
        assertEquals(CREATED, r.getUpdatedAt());
    }

    @Test
    void apply_identicalData_returnsNoChanges() {
        Resident r = resident();
        assertEquals(List.of(), apply(r, original(), one));
        assertEquals(CREATED, r.getUpdatedAt(), "nothing changed, so the record is not touched");
    }

    @Test
    void apply_sameDataWithSurroundingSpacesAndLowerCaseX_returnsNoChanges() {
        Resident r = resident();
        ResidentData d = new ResidentData("11010519491231002x", " 王秀英 ", Gender.FEMALE, LocalDate.of(1949, 12, 31),
                " 13812345678 ", " 江城市东湖区东湖街道桃园路1号 ", "C001", "C001-G01",
                Set.of(ResidentTag.PARTY_MEMBER, ResidentTag.ELDERLY));
        assertEquals(List.of(), apply(r, d, one));
    }

    @Test
    void apply_changedPhoneAndTags_returnsExactlyThoseChanges() {
        Resident r = resident();
        ResidentData d = data("13987654321", "江城市东湖区东湖街道桃园路1号", "C001-G01",
                Set.of(ResidentTag.ELDERLY, ResidentTag.LOW_INCOME));
        List<FieldChange> changes = apply(r, d, one);
        assertEquals(List.of(
                new FieldChange("phone", "13812345678", "13987654321"),
                new FieldChange("tags", "ELDERLY;PARTY_MEMBER", "ELDERLY;LOW_INCOME")), changes);
        assertEquals("13987654321", r.getPhone());
        assertEquals(Set.of(ResidentTag.ELDERLY, ResidentTag.LOW_INCOME), r.getTags());
        assertEquals(LATER, r.getUpdatedAt());
    }

    @Test
    void apply_clearedPhoneAndTags_areRecordedAsNullAndEmpty() {
        Resident r = resident();
        ResidentData d = data(" ", "江城市东湖区东湖街道桃园路1号", "C001-G01", Set.of());
        assertEquals(List.of(
                new FieldChange("phone", "13812345678", null),
                new FieldChange("tags", "ELDERLY;PARTY_MEMBER", "")), apply(r, d, one));
        assertNull(r.getPhone());
        assertTrue(r.getTags().isEmpty());
    }

    @Test
    void apply_gridOfTheSameCommunity_changesOnlyTheGrid() {
        Resident r = resident();
        ResidentData d = data("13812345678", "江城市东湖区东湖街道桃园路1号", "C001-G02",
                Set.of(ResidentTag.ELDERLY, ResidentTag.PARTY_MEMBER));
        assertEquals(List.of(new FieldChange("gridCode", "C001-G01", "C001-G02")), apply(r, d, two));
        assertSame(two, r.getGridCell());
        assertSame(taoyuan, r.getCommunity());
    }

    @Test
    void apply_gridOfAnotherCommunity_movesTheResidentToThatCommunity() {
        Resident r = resident();
        ResidentData d = data("13812345678", "江城市东湖区东湖街道桃园路1号", "C002-G01",
                Set.of(ResidentTag.ELDERLY, ResidentTag.PARTY_MEMBER));
        assertEquals(List.of(new FieldChange("gridCode", "C001-G01", "C002-G01")), apply(r, d, hubin));
        assertSame(shuiguohu, r.getCommunity());
    }

    @Test
    void apply_correctedIdNumber_recordsTheNumberGenderAndBirthDate() {
        Resident r = resident();
        String corrected = IdNumber.compose("110105", LocalDate.of(1950, 1, 2), 7, Gender.MALE);
        ResidentData d = new ResidentData(corrected, "王秀英", Gender.MALE, LocalDate.of(1950, 1, 2), "13812345678",
                "江城市东湖区东湖街道桃园路1号", "C001", "C001-G01", Set.of(ResidentTag.ELDERLY, ResidentTag.PARTY_MEMBER));
        assertEquals(List.of(
                new FieldChange("idNumber", ID, corrected),
                new FieldChange("gender", "F", "M"),
                new FieldChange("birthDate", "1949-12-31", "1950-01-02")), apply(r, d, one));
        assertEquals(Gender.MALE, r.getGender());
        assertEquals(LocalDate.of(1950, 1, 2), r.getBirthDate());
    }

    @Test
    void joinHousehold_recordsTheChangeOnce() {
        Resident r = resident();
        assertEquals(List.of(new FieldChange("householdCode", null, "H-0001")), r.joinHousehold(" H-0001 ", LATER));
        assertEquals(List.of(), r.joinHousehold("H-0001", LATER));
        assertEquals(List.of(new FieldChange("householdCode", "H-0001", null)), r.joinHousehold(" ", LATER));
    }

    @Test
    void sameHousehold_needsAKnownHousehold() {
        Resident a = resident();
        Resident b = resident();
        assertFalse(a.sameHouseholdAs(b), "no household is not the same household");
        a.joinHousehold("H-0001", LATER);
        b.joinHousehold("H-0001", LATER);
        assertTrue(a.sameHouseholdAs(b));
    }
}
