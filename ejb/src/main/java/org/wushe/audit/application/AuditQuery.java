package org.wushe.audit.application;

import java.time.LocalDate;
import org.wushe.audit.domain.AuditAction;
import org.wushe.audit.domain.AuditOutcome;

/** Filters of the audit screen; every field may be null (no filter). */
public record AuditQuery(String actor, AuditAction action, String recordType, Long recordId,
                         LocalDate from, LocalDate to, AuditOutcome outcome) {

    /** Filters without an outcome filter (done and refused entries alike). */
    public AuditQuery(String actor, AuditAction action, String recordType, Long recordId, LocalDate from, LocalDate to) {
        this(actor, action, recordType, recordId, from, to, null);
    }

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null, null);
    }
}
