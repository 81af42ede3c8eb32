package org.wushe.volunteering.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.wushe.shared.ValidationException;

/**
 * A resident's certification for a kind of service, with its expiry. The one place certifications
 * live: issued by a supervisor here, by a passed training later.
 */
@Entity
@Table(name = "certification")
public class Certification {

    /** Who issued it: a supervisor here, a passed training, or the bureau's registry (by import). */
    public enum IssuedBy { SUPERVISOR, TRAINING, IMPORT }

    @Id
    @SequenceGenerator(name = "certification_seq", sequenceName = "certification_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "certification_seq")
    private Long id;

    @Column(name = "resident_id", nullable = false)
    private Long residentId;

    @Column(name = "certification_code", nullable = false, length = 40)
    private String code;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "issued_by_kind", nullable = false, length = 20)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private IssuedBy issuedByKind;

    @Column(name = "issued_by", nullable = false, length = 50)
    private String issuedBy;

    @Column(name = "source_id")
    private Long sourceId;

    @Column(name = "issued_on", nullable = false)
    private LocalDate issuedOn;

    @Column(name = "expires_on", nullable = false)
    private LocalDate expiresOn;

    protected Certification() {
    }

    public Certification(Long residentId, String code, String name, IssuedBy kind, String issuedBy, Long sourceId,
                         LocalDate issuedOn, LocalDate expiresOn) {
        ValidationException.Collector errors = new ValidationException.Collector();
        if (code == null || !code.trim().toUpperCase().matches("[A-Z][A-Z0-9_]{1,39}")) {
            errors.add("code", "certification.code.format");
        }
        if (name == null || name.isBlank()) {
            errors.add("name", "certification.name.required");
        }
        if (expiresOn == null || !expiresOn.isAfter(issuedOn)) {
            errors.add("expiresOn", "certification.expiry.afterIssue");
        }
        errors.throwIfAny();
        this.residentId = residentId;
        this.code = code.trim().toUpperCase();
        this.name = name.trim();
        this.issuedByKind = kind;
        this.issuedBy = issuedBy;
        this.sourceId = sourceId;
        this.issuedOn = issuedOn;
        this.expiresOn = expiresOn;
    }

    /** Whether it is valid on the given day (the day of expiry is the last valid day). */
    public boolean validOn(LocalDate day) {
        return !day.isBefore(issuedOn) && !day.isAfter(expiresOn);
    }

    public Long getId() {
        return id;
    }

    public Long getResidentId() {
        return residentId;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public LocalDate getIssuedOn() {
        return issuedOn;
    }

    public IssuedBy getIssuedByKind() {
        return issuedByKind;
    }

    /** The record it was issued for (for a training: the enrolment), if any. */
    public Long getSourceId() {
        return sourceId;
    }

    public LocalDate getExpiresOn() {
        return expiresOn;
    }
}
