package org.wushe.community.domain;

import java.time.LocalDate;
import java.util.Set;

/**
 * What a form, a REST request or an import line says about a resident, before it is checked.
 * Grid cell and community are given by code; {@link ResidentRules} checks them all at once.
 */
public record ResidentData(String idNumber, String name, Gender gender, LocalDate birthDate, String phone,
                           String address, String communityCode, String gridCode, Set<ResidentTag> tags) {
    public ResidentData {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }
}
