package org.wushe.community.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One field of one resident changed by one person at one moment. Append-only: kept for the
 * resident's change history, shown masked like the record itself.
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

    protected ResidentChange() {
    }

    public ResidentChange(Long residentId, Instant changedAt, String changedBy, Resident.FieldChange change) {
        this.residentId = residentId;
        this.changedAt = changedAt;
        this.changedBy = changedBy;
        this.field = change.field();
        this.oldValue = change.oldValue();
        this.newValue = change.newValue();
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

    public String getOldValue() {
        return oldValue;
    }

    public String getNewValue() {
        return newValue;
    }
}
