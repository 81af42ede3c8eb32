package org.wushe.imports.domain;

import java.time.LocalDate;

/** A good line of a volunteers file: a registered volunteer's certification, by ID number. */
public record VolunteerRow(long line, String idNumber, String name, String certificationCode,
                           String certificationName, LocalDate issuedOn, LocalDate expiresOn) {
}
