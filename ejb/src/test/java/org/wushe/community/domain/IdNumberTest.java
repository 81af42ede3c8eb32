package org.wushe.community.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.wushe.shared.ValidationException;

class IdNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    /**
     * An independent ISO 7064 MOD 11-2 computation (weights 2^(17-i) mod 11, check value
     * (12 - sum mod 11) mod 11, 10 written X), so the tests do not trust the table in main code.
     */
    private static char reference(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int weight = 1;
            for (int k = 0; k < 17 - i; k++) {
                weight = weight * 2 % 11;
            }
            sum += (first17.charAt(i) - '0') * weight;
        }
        int check = (12 - sum % 11) % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }

    /** A complete number from its first 17 digits, with the check character computed by {@link #reference}. */
    private static String valid(String first17) {
        return first17 + reference(first17);
    }

    private static ValidationException refused(String raw) {
        ValidationException e = assertThrows(ValidationException.class, () -> IdNumber.parse(raw, TODAY), raw);
        assertEquals(1, e.errors().size(), raw);
        assertEquals("idNumber", e.errors().get(0).field(), raw);
        return e;
    }

    private static String keyOf(String raw) {
        return refused(raw).errors().get(0).key();
    }

    @Test
    void checkCharacter_ofThePublishedSample_isX() {
        assertEquals('X', reference("11010519491231002"), "reference implementation agrees with the published sample");
        assertEquals('X', IdNumber.checkCharacter("11010519491231002"));
    }

    @Test
    void checkCharacter_agreesWithTheReferenceComputation() {
        String[] samples = {"42010619900101123", "44052418800101001", "31011519850615432", "51010720001229876",
                "65010219700301011", "11010119000101000", "99999999999999999", "00000000000000000"};
        for (String first17 : samples) {
            assertEquals(reference(first17), IdNumber.checkCharacter(first17), first17);
        }
    }

    @Test
    void checkCharacter_coversAllElevenValues() {
        // Vary the last digit of the sequence and the day to reach every residue 0..10 at least once.
        java.util.Set<Character> seen = new java.util.HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String first17 = String.format("420106199001%02d%03d", 1 + i % 28, i);
            char c = IdNumber.checkCharacter(first17);
            assertEquals(reference(first17), c, first17);
            seen.add(c);
        }
        assertEquals(11, seen.size(), "0-9 and X all occur");
    }

    @Test
    void checkCharacter_refusesWrongLengthOrNonDigits() {
        assertThrows(IllegalArgumentException.class, () -> IdNumber.checkCharacter("1101051949123100"));
        assertThrows(IllegalArgumentException.class, () -> IdNumber.checkCharacter("110105194912310020"));
        assertThrows(IllegalArgumentException.class, () -> IdNumber.checkCharacter("1101051949123100A"));
    }

    @Test
    void parse_publishedSample_isValid() {
        IdNumber id = IdNumber.parse("11010519491231002X", TODAY);
        assertEquals("11010519491231002X", id.value());
        assertEquals(LocalDate.of(1949, 12, 31), id.birthDate());
        assertEquals(Gender.FEMALE, id.gender());
    }

    @Test
    void parse_realWorldStyleNumbers_areValid() {
        String[][] cases = {
                // first 17 digits, birth date, gender
                {"42010619900101123", "1990-01-01", "MALE"},
                {"44052418800101001", "1880-01-01", "MALE"},
                {"31011519850615432", "1985-06-15", "FEMALE"},
                {"51010720001229876", "2000-12-29", "FEMALE"},
                {"65010219700301010", "1970-03-01", "FEMALE"},
                {"32010620200229008", "2020-02-29", "FEMALE"},
        };
        for (String[] c : cases) {
            IdNumber id = IdNumber.parse(valid(c[0]), TODAY);
            assertEquals(valid(c[0]), id.value());
            assertEquals(LocalDate.parse(c[1]), id.birthDate(), c[0]);
            assertEquals(Gender.valueOf(c[2]), id.gender(), c[0]);
        }
    }

    @Test
    void parse_lowerCaseX_isAcceptedAndNormalisedToUpperCase() {
        assertEquals("11010519491231002X", IdNumber.parse("11010519491231002x", TODAY).value());
    }

    @Test
    void parse_surroundingSpaces_areTrimmed() {
        assertEquals("11010519491231002X", IdNumber.parse("  11010519491231002x\t", TODAY).value());
    }

    @Test
    void parse_equalNumbers_areEqualAndToStringIsMasked() {
        IdNumber a = IdNumber.parse("11010519491231002X", TODAY);
        IdNumber b = IdNumber.parse(" 11010519491231002x", TODAY);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals("1****************X", a.toString());
    }

    @Test
    void parse_wrongCheckCharacter_isRefused() {
        assertEquals("resident.idNumber.checksum", keyOf("110105194912310021"));
        assertEquals("resident.idNumber.checksum", keyOf("110105194912310020"));
    }

    @Test
    void parse_everyWrongCheckCharacter_isRefused() {
        String first17 = "42010619900101123";
        char right = reference(first17);
        for (char c : "0123456789X".toCharArray()) {
            if (c != right) {
                assertEquals("resident.idNumber.checksum", keyOf(first17 + c));
            }
        }
    }

    @Test
    void parse_singleDigitTypo_isRefusedByTheChecksum() {
        String good = valid("42010619900101123");
        // A changed sequence digit keeps the date valid, so only the checksum can catch it.
        for (int pos : new int[]{0, 3, 5, 14, 15, 16}) {
            char original = good.charAt(pos);
            char typo = original == '9' ? '0' : (char) (original + 1);
            String bad = good.substring(0, pos) + typo + good.substring(pos + 1);
            assertEquals("resident.idNumber.checksum", keyOf(bad), bad);
        }
    }

    @Test
    void parse_swappedAdjacentDigits_areRefusedByTheChecksum() {
        String good = valid("42010619900101123");
        // Swap sequence digits 15 and 16 (2 and 3): MOD 11-2 detects transpositions.
        String bad = good.substring(0, 15) + good.charAt(16) + good.charAt(15) + good.charAt(17);
        assertEquals("resident.idNumber.checksum", keyOf(bad));
    }

    @Test
    void parse_february30_isRefused() {
        assertEquals("resident.idNumber.birthDate", keyOf(valid("42010619900230123")));
    }

    @Test
    void parse_impossibleDates_areRefused() {
        for (String date : new String[]{"19900229", "19901301", "19900001", "19900100", "19900431", "19001232"}) {
            assertEquals("resident.idNumber.birthDate", keyOf(valid("420106" + date + "123")), date);
        }
    }

    @Test
    void parse_february29OfALeapYear_isAccepted() {
        assertEquals(LocalDate.of(2000, 2, 29), IdNumber.parse(valid("42010620000229123"), TODAY).birthDate());
    }

    @Test
    void parse_futureBirthDate_isRefused() {
        assertEquals("resident.idNumber.birthDate", keyOf(valid("42010620261126123")), "tomorrow");
        assertEquals("resident.idNumber.birthDate", keyOf(valid("42010620270101123")));
    }

    @Test
    void parse_bornToday_isAccepted() {
        assertEquals(TODAY, IdNumber.parse(valid("42010620261125123"), TODAY).birthDate());
    }

    @Test
    void parse_birthYearBefore1870_isRefused() {
        assertEquals("resident.idNumber.birthDate", keyOf(valid("42010618691231123")));
        assertEquals(LocalDate.of(1870, 1, 1), IdNumber.parse(valid("42010618700101123"), TODAY).birthDate());
    }

    @Test
    void parse_wrongLength_isRefused() {
        String good = valid("42010619900101123");
        for (String bad : new String[]{good.substring(0, 17), good + "1", good.substring(0, 16), "4201069001011", "1"}) {
            assertEquals("resident.idNumber.format", keyOf(bad), bad);
        }
    }

    @Test
    void parse_anOld15DigitNumber_isTakenInIts18DigitForm_withCentury19AndTheCheckCharacter() {
        // The published sample's older form: 110105 491231 002 -> 110105 19491231 002 X
        IdNumber id = IdNumber.parse(" 110105491231002 ", TODAY);
        assertEquals("11010519491231002X", id.value());
        assertEquals(LocalDate.of(1949, 12, 31), id.birthDate());
        assertEquals(Gender.FEMALE, id.gender(), "002: even, a woman");
        assertEquals(IdNumber.parse("11010519491231002X", TODAY), id, "the same person as the 18-digit number");
        IdNumber man = IdNumber.parse("420106900101123", TODAY);
        assertEquals(valid("42010619900101123"), man.value());
        assertEquals(Gender.MALE, man.gender());
        assertEquals("11010519491231002X", IdNumber.normalized("110105491231002"));
        assertEquals("11010519491231002X", IdNumber.normalized(" 11010519491231002x"), "18 digits: trimmed, upper case");
        assertEquals("ABC", IdNumber.normalized(" abc "), "anything else is left for parse to refuse");
        assertEquals("", IdNumber.normalized(null));
    }

    @Test
    void parse_anOld15DigitNumberWithNoSuchBirthDate_isRefusedForItsBirthDate() {
        assertEquals("resident.idNumber.birthDate", keyOf("110105491331002"), "month 13");
        assertEquals("resident.idNumber.birthDate", keyOf("110105490230002"), "30 February");
        assertEquals("resident.idNumber.format", keyOf("11010549123100X"), "no check character in the old form");
    }

    @Test
    void parse_lettersOrSymbols_areRefused() {
        for (String bad : new String[]{"42010619900101123A", "X20106199001011231", "4201061990010112X1",
                "420106-19900101123", "42010619900101 1231", "４２０１０６１９９００１０１１２３１"}) {
            assertEquals("resident.idNumber.format", keyOf(bad), bad);
        }
    }

    @Test
    void parse_blank_isRefused() {
        assertEquals("resident.idNumber.required", keyOf(null));
        assertEquals("resident.idNumber.required", keyOf(""));
        assertEquals("resident.idNumber.required", keyOf("   "));
    }

    @Test
    void parse_oddSeventeenthDigit_isMale() {
        for (char d : "13579".toCharArray()) {
            assertEquals(Gender.MALE, IdNumber.parse(valid("4201061990010112" + d), TODAY).gender(), "digit " + d);
        }
    }

    @Test
    void parse_evenSeventeenthDigit_isFemale() {
        for (char d : "02468".toCharArray()) {
            assertEquals(Gender.FEMALE, IdNumber.parse(valid("4201061990010112" + d), TODAY).gender(), "digit " + d);
        }
    }

    @Test
    void compose_alwaysParsesBackWithTheSameBirthDateAndGender() {
        LocalDate start = LocalDate.of(1900, 1, 1);
        for (int i = 0; i < 5_000; i++) {
            LocalDate birth = start.plusDays(i * 7L + i % 5);
            for (Gender gender : Gender.values()) {
                for (int sequence : new int[]{0, 1, i, 499, 500, 999, 12_345 + i}) {
                    String composed = IdNumber.compose("420106", birth, sequence, gender);
                    IdNumber id = IdNumber.parse(composed, TODAY);
                    assertEquals(composed, id.value());
                    assertEquals(birth, id.birthDate(), composed);
                    assertEquals(gender, id.gender(), composed);
                }
            }
        }
    }

    @Test
    void compose_differentSequences_giveDifferentNumbersUpTo500() {
        java.util.Set<String> numbers = new java.util.HashSet<>();
        LocalDate birth = LocalDate.of(1990, 1, 1);
        for (int sequence = 0; sequence < 500; sequence++) {
            numbers.add(IdNumber.compose("420106", birth, sequence, Gender.MALE));
        }
        assertEquals(500, numbers.size());
    }
}
