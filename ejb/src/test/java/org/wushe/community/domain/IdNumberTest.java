package org.wushe.community.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.wushe.shared.ValidationException;

class IdNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private static String key(ValidationException e) {
        assertEquals("idNumber", e.errors().get(0).field());
        return e.errors().get(0).key();
    }

    @Test
    void checkCharacter_followsIso7064Mod112_onThePublishedSample() {
        // GB 11643-1999 annex sample: 11010519491231002X
        assertEquals('X', IdNumber.checkCharacter("11010519491231002"));
        assertEquals('1', IdNumber.checkCharacter("42010619900101123"));
    }

    @Test
    void parse_validNumber_givesBirthDateAndGender() {
        IdNumber id = IdNumber.parse("11010519491231002X", TODAY);
        assertEquals(LocalDate.of(1949, 12, 31), id.birthDate());
        assertEquals(Gender.FEMALE, id.gender(), "17th digit 2 is even");
        assertEquals(Gender.MALE, IdNumber.parse("420106199001011231", TODAY).gender(), "17th digit 3 is odd");
    }

    @Test
    void parse_lowerCaseXAndSpaces_areNormalised() {
        assertEquals("11010519491231002X", IdNumber.parse(" 11010519491231002x ", TODAY).value());
    }

    @Test
    void parse_wrongCheckCharacter_isRefused() {
        assertEquals("resident.idNumber.checksum",
                key(assertThrows(ValidationException.class, () -> IdNumber.parse("110105194912310021", TODAY))));
    }

    @Test
    void parse_impossibleOrFutureBirthDate_isRefused() {
        String feb30 = "42010619900230123";
        assertEquals("resident.idNumber.birthDate", key(assertThrows(ValidationException.class,
                () -> IdNumber.parse(feb30 + IdNumber.checkCharacter(feb30), TODAY))));
        String future = "42010620270101123";
        assertEquals("resident.idNumber.birthDate", key(assertThrows(ValidationException.class,
                () -> IdNumber.parse(future + IdNumber.checkCharacter(future), TODAY))));
    }

    @Test
    void parse_wrongShape_isRefused() {
        for (String bad : new String[]{"4201061990010112", "4201061990010112311", "42010619900101123A", "X20106199001011231"}) {
            assertEquals("resident.idNumber.format",
                    key(assertThrows(ValidationException.class, () -> IdNumber.parse(bad, TODAY))), bad);
        }
        assertEquals("resident.idNumber.required",
                key(assertThrows(ValidationException.class, () -> IdNumber.parse("  ", TODAY))));
    }

    @Test
    void compose_alwaysParsesBackToTheSameBirthDateAndGender() {
        LocalDate birth = LocalDate.of(1930, 1, 1);
        for (int i = 0; i < 3_000; i++) {
            LocalDate d = birth.plusDays(i * 11L);
            Gender g = i % 2 == 0 ? Gender.MALE : Gender.FEMALE;
            IdNumber id = IdNumber.parse(IdNumber.compose("420106", d, i, g), TODAY);
            assertEquals(d, id.birthDate());
            assertEquals(g, id.gender());
        }
    }
}
