package org.wushe.audit.application;

import java.time.LocalDate;
import org.wushe.audit.domain.AuditAction;

/** Filters of the audit screen; every field may be null (no filter). */
public record AuditQuery(String actor, AuditAction action, String recordType, Long recordId,
                         LocalDate from, LocalDate to) {
    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null);
    }
}
