package org.wushe.community.application;

import java.time.LocalDate;
import java.util.Set;
import org.wushe.community.domain.Masking;
import org.wushe.community.domain.Resident;
import org.wushe.community.domain.ResidentTag;

/**
 * A resident as a screen or the API shows it. Made {@link #masked} by default; {@link #full} only
 * by a reveal, which is audited. A masked view carries the age band ({@code 60–69}), neither the
 * exact age, the birth date nor the gender: all three come from the ID number and would help to
 * complete it. The masks are {@link Masking}'s.
 */
public record ResidentView(Long id, String idNumber, String name, String gender, Integer age, String ageBand,
                           LocalDate birthDate, String phone, String address, String communityCode,
                           String communityName, String gridCode, Set<ResidentTag> tags, boolean revealed, int version) {

    public static ResidentView masked(Resident r, Set<ResidentTag> tags, LocalDate today) {
        return new ResidentView(r.getId(), Masking.idNumber(r.getIdNumber()), r.getName(), null, null,
                Masking.ageBand(age(r.getBirthDate(), today)), null, Masking.phone(r.getPhone()),
                Masking.address(r.getAddress()), r.getCommunity().getCode(), r.getCommunity().getName(),
                r.getGridCell().getCode(), tags, false, r.getVersion());
    }

    public static ResidentView full(Resident r, LocalDate today) {
        int age = age(r.getBirthDate(), today);
        return new ResidentView(r.getId(), r.getIdNumber(), r.getName(), r.getGender().name(), age,
                Masking.ageBand(age), r.getBirthDate(), r.getPhone(), r.getAddress(), r.getCommunity().getCode(),
                r.getCommunity().getName(), r.getGridCell().getCode(), r.getTags(), true, r.getVersion());
    }

    private static int age(LocalDate birth, LocalDate today) {
        return java.time.Period.between(birth, today).getYears();
    }
}
