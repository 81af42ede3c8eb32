package org.wushe.community.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;
import org.wushe.shared.ValidationException;

/**
 * A citizen identity number of GB 11643-1999: six digits of region, eight of birth date
 * (yyyyMMdd), three of sequence (odd for men, even for women) and a check character computed
 * with ISO 7064 MOD 11-2 ({@code 0-9} or {@code X}). The older 15-digit numbers (GB 11643-1989: six
 * digits of region, six of birth date yyMMdd in the 1900s, three of sequence, no check character) are
 * taken too and turned into their 18-digit form ({@link #normalized}), so a resident registered with
 * the one is found, and not registered twice, with the other.
 *
 * <p>Usage: {@code IdNumber id = IdNumber.parse(" 11010519491231002x ");} then
 * {@code id.birthDate()}, {@code id.gender()}, {@code id.value()} (upper case, trimmed).
 */
public final class IdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final Pattern SHAPE = Pattern.compile("\\d{17}[\\dX]");
    private static final Pattern OLD_SHAPE = Pattern.compile("\\d{15}");

    private final String value;
    private final LocalDate birthDate;
    private final Gender gender;

    private IdNumber(String value, LocalDate birthDate, Gender gender) {
        this.value = value;
        this.birthDate = birthDate;
        this.gender = gender;
    }

    /**
     * Parses and checks an ID number.
     *
     * @throws ValidationException on field {@code idNumber} with key {@code resident.idNumber.required},
     *         {@code .format} (not 17 digits and a digit or X, nor 15 digits), {@code .birthDate} (no such date, or in the future
     *         of {@code today}) or {@code .checksum} (wrong check character)
     */
    public static IdNumber parse(String raw, LocalDate today) {
        if (raw == null || raw.isBlank()) {
            throw ValidationException.of("idNumber", "resident.idNumber.required");
        }
        String v = normalized(raw);
        if (!SHAPE.matcher(v).matches()) {
            throw ValidationException.of("idNumber", "resident.idNumber.format");
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(v.substring(6, 10)),
                    Integer.parseInt(v.substring(10, 12)), Integer.parseInt(v.substring(12, 14)));
        } catch (DateTimeException e) {
            throw ValidationException.of("idNumber", "resident.idNumber.birthDate");
        }
        if (birth.getYear() < 1870 || birth.isAfter(today)) {
            throw ValidationException.of("idNumber", "resident.idNumber.birthDate");
        }
        if (checkCharacter(v.substring(0, 17)) != v.charAt(17)) {
            throw ValidationException.of("idNumber", "resident.idNumber.checksum");
        }
        Gender g = (v.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
        return new IdNumber(v, birth, g);
    }

    /**
     * An ID number as it is stored and looked up: trimmed, in upper case, and a 15-digit number in its
     * 18-digit form (century 19 put before the birth year, the check character computed). Anything
     * else is returned trimmed and in upper case, for {@link #parse} to refuse.
     */
    public static String normalized(String raw) {
        if (raw == null) {
            return "";
        }
        String v = raw.trim().toUpperCase(java.util.Locale.ROOT);
        if (OLD_SHAPE.matcher(v).matches()) {
            String first17 = v.substring(0, 6) + "19" + v.substring(6);
            return first17 + checkCharacter(first17);
        }
        return v;
    }

    /** The check character for the first 17 digits (ISO 7064 MOD 11-2). */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("17 digits expected");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = first17.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("digits expected");
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** Builds a valid number from its parts; used by the demo city and the benchmarks' generators. */
    public static String compose(String region, LocalDate birthDate, int sequence, Gender gender) {
        int seq = sequence % 500 * 2 + (gender == Gender.MALE ? 1 : 0);
        if (seq == 0) {
            seq = 2;
        }
        String first17 = region + String.format("%04d%02d%02d%03d",
                birthDate.getYear(), birthDate.getMonthValue(), birthDate.getDayOfMonth(), seq);
        return first17 + checkCharacter(first17);
    }

    public String value() {
        return value;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public Gender gender() {
        return gender;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdNumber other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return Masking.idNumber(value);
    }
}
