package org.wushe.imports.domain;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.wushe.community.domain.Gender;
import org.wushe.community.domain.ResidentTag;

/**
 * A good line of a residents file, checked and normalised: what the writer stores. Phone and
 * address are null when blank; gender and birth date are the ID number's.
 */
public record ResidentRow(long line, String idNumber, String name, Gender gender, LocalDate birthDate, String phone,
                          String address, long communityId, long gridCellId, String gridCode, Set<ResidentTag> tags) {

    public ResidentRow {
        tags = tags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(tags));
    }
}
