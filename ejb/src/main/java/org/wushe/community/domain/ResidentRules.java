package org.wushe.community.domain;

import java.time.LocalDate;
import java.util.regex.Pattern;
import org.wushe.shared.ValidationException;

/**
 * The checks a resident record must pass, collected so that a form shows every bad field at once:
 * ID number (GB 11643-1999 checksum), name, gender and birth date agreeing with the ID number,
 * mobile phone (11 digits starting with 1), address, and a grid cell of the given community.
 */
public final class ResidentRules {

    private static final Pattern PHONE = Pattern.compile("1\\d{10}");

    private ResidentRules() {
    }

    /**
     * Checks the data against the rules and the looked-up grid cell ({@code null} when the grid
     * code matched nothing). Returns the parsed ID number.
     *
     * @throws ValidationException with one error per bad field
     */
    public static IdNumber check(ResidentData d, GridCell grid, LocalDate today) {
        ValidationException.Collector errors = new ValidationException.Collector();
        IdNumber[] id = new IdNumber[1];
        errors.check(() -> id[0] = IdNumber.parse(d.idNumber(), today));
        if (d.name() == null || d.name().isBlank()) {
            errors.add("name", "resident.name.required");
        } else if (d.name().trim().length() > 50) {
            errors.add("name", "error.tooLong", 50);
        }
        if (d.gender() == null) {
            errors.add("gender", "resident.gender.required");
        } else if (id[0] != null && id[0].gender() != d.gender()) {
            errors.add("gender", "resident.gender.mismatch");
        }
        if (d.birthDate() == null) {
            errors.add("birthDate", "resident.birthDate.required");
        } else if (id[0] != null && !id[0].birthDate().equals(d.birthDate())) {
            errors.add("birthDate", "resident.birthDate.mismatch", id[0].birthDate().toString());
        }
        if (d.phone() != null && !d.phone().isBlank() && !PHONE.matcher(d.phone().trim()).matches()) {
            errors.add("phone", "resident.phone.format");
        }
        if (d.address() != null && d.address().trim().length() > 200) {
            errors.add("address", "error.tooLong", 200);
        }
        if (d.gridCode() == null || d.gridCode().isBlank()) {
            errors.add("gridCode", "resident.grid.required");
        } else if (grid == null) {
            errors.add("gridCode", "resident.grid.unknown", d.gridCode().trim());
        } else if (d.communityCode() != null && !d.communityCode().isBlank()
                && !grid.getCommunity().getCode().equalsIgnoreCase(d.communityCode().trim())) {
            errors.add("gridCode", "resident.grid.otherCommunity", grid.getCode(), d.communityCode().trim());
        }
        errors.throwIfAny();
        return id[0];
    }
}
