package org.wushe.community.domain;

/**
 * How personal data is shown by default: enough to recognise a record, not enough to use it, as
 * GB/T 35273 practice has it (the one place these rules live).
 * <ul>
 * <li>ID number: the first and the last character only, {@code 1****************X} (the region,
 * birth date and sequence number stay hidden, so the number cannot be completed by guessing);</li>
 * <li>phone: first three and last four kept, {@code 138****5678};</li>
 * <li>address: cut after the street (the first 路, 街, 道, 巷, 弄 or 胡同 after the district and
 * the sub-district's 街道), the
 * rest replaced by {@code ****}; without a street marker only the first six characters are kept;</li>
 * <li>name: the first character kept, every other one starred, {@code 张*}, {@code 欧**};</li>
 * <li>age: a band of ten years, {@code 60–69} ({@code 100+} from a hundred), never the exact age
 * (with the gender, the exact age narrows the ID number's birth date down).</li>
 * </ul>
 */
public final class Masking {

    private static final String MASK = "****";
    private static final String[] STREET_MARKERS = {"胡同", "路", "街", "道", "巷", "弄"};

    private Masking() {
    }

    public static String idNumber(String id) {
        if (id == null || id.length() < 10) {
            return id == null ? null : MASK;
        }
        return id.charAt(0) + "*".repeat(id.length() - 2) + id.charAt(id.length() - 1);
    }

    /** The band of ten years an age falls in, {@code 60–69}; {@code 100+} from a hundred on. */
    public static String ageBand(int age) {
        if (age >= 100) {
            return "100+";
        }
        int low = Math.max(0, age) / 10 * 10;
        return low + "–" + (low + 9);
    }

    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        String n = name.strip();
        int first = n.offsetByCodePoints(0, 1);
        int rest = n.codePointCount(first, n.length());
        return n.substring(0, first) + "*".repeat(Math.max(1, rest));
    }

    public static String phone(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone == null ? null : MASK;
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }

    public static String address(String address) {
        if (address == null || address.isBlank()) {
            return address;
        }
        // Skip the administrative part (…市…区 / …县) so 街道 in a sub-district name is not taken for the street.
        // The first 区 or 县 ends the district; a later one belongs to an estate (小区, 园区) and is detail.
        int district = firstOf(address, '区', '县');
        int from = district + 1;
        int subDistrict = address.indexOf("街道", from);
        if (subDistrict >= 0) {
            from = subDistrict + 2;
        }
        int cut = -1;
        for (String marker : STREET_MARKERS) {
            int at = address.indexOf(marker, from);
            if (at >= 0 && (cut < 0 || at + marker.length() < cut)) {
                cut = at + marker.length();
            }
        }
        if (cut < 0) {
            cut = Math.min(6, address.length());
        }
        return cut >= address.length() ? address : address.substring(0, cut) + MASK;
    }

    private static int firstOf(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
