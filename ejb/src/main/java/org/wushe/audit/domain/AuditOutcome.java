package org.wushe.audit.domain;

/** Whether the audited action was done or refused. */
public enum AuditOutcome {
    DONE,
    REFUSED
}
