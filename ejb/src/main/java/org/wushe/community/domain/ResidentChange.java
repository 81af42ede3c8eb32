package org.wushe.community.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;
import org.wushe.shared.protect.Sealed;

/**
 * One field of one resident changed by one person at one moment. Append-only: kept for the
 * resident's change history, shown masked like the record itself. The old and new values of the
 * ID number and the phone are stored encrypted like the record's ({@link #stored}).
 */
@Entity
@Table(name = "resident_change")
public class ResidentChange {

    @Id
    @SequenceGenerator(name = "resident_change_seq", sequenceName = "resident_change_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "resident_change_seq")
    private Long id;

    @Column(name = "resident_id", nullable = false, updatable = false)
    private Long residentId;

    @Column(name = "changed_at", nullable = false, updatable = false)
    private Instant changedAt;

    @Column(name = "changed_by", nullable = false, updatable = false, length = 50)
    private String changedBy;

    @Column(name = "field_name", nullable = false, updatable = false, length = 30)
    private String field;

    @Column(name = "old_value", updatable = false, length = 400)
    private String oldValue;

    @Column(name = "new_value", updatable = false, length = 400)
    private String newValue;

    /** The fields whose values the history keeps encrypted. */
    public static final Set<String> SEALED_FIELDS = Set.of("idNumber", "phone");

    protected ResidentChange() {
    }

    /** A value of a field as the history stores it: encrypted for {@link #SEALED_FIELDS}, else as it is. */
    public static String stored(String field, String value) {
        return SEALED_FIELDS.contains(field) ? Sealed.seal(value) : value;
    }

    private String shown(String value) {
        return SEALED_FIELDS.contains(field) && Sealed.isSealed(value) ? Sealed.open(value) : value;
    }

    public ResidentChange(Long residentId, Instant changedAt, String changedBy, Resident.FieldChange change) {
        this.residentId = residentId;
        this.changedAt = changedAt;
        this.changedBy = changedBy;
        this.field = change.field();
        this.oldValue = stored(field, change.oldValue());
        this.newValue = stored(field, change.newValue());
    }

    public Long getId() {
        return id;
    }

    public Long getResidentId() {
        return residentId;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public String getField() {
        return field;
    }

    /** The old value in clear (decrypted for {@link #SEALED_FIELDS}). */
    public String getOldValue() {
        return shown(oldValue);
    }

    /** The new value in clear (decrypted for {@link #SEALED_FIELDS}). */
    public String getNewValue() {
        return shown(newValue);
    }
}
