package org.wushe.audit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One audit entry, as read by the audit screen. Entries are written by the chain
 * ({@link org.wushe.audit.chain.AuditChainWriter}) with plain JDBC; every column is insert-only
 * ({@code updatable = false}) and the class has no setters: an entry, once written, is never changed.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    @SequenceGenerator(name = "audit_entry_seq", sequenceName = "audit_entry_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_seq")
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "actor", nullable = false, updatable = false, length = 50)
    private String actor;

    @Column(name = "actor_role", updatable = false, length = 30)
    private String actorRole;

    @Enumerated(EnumType.STRING)
    @Column(name = "audit_action", nullable = false, updatable = false, length = 30)
    private AuditAction action;

    @Column(name = "community_id", updatable = false)
    private Long communityId;

    @Column(name = "record_type", nullable = false, updatable = false, length = 30)
    private String recordType;

    @Column(name = "record_id", updatable = false)
    private Long recordId;

    @Column(name = "field_names", updatable = false, length = 200)
    private String fields;

    @Column(name = "purpose", updatable = false, length = 500)
    private String purpose;

    @Column(name = "client_address", updatable = false, length = 64)
    private String clientAddress;

    @Column(name = "detail", updatable = false, length = 1000)
    private String detail;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", nullable = false, updatable = false, length = 10)
    private AuditOutcome outcome = AuditOutcome.DONE;

    @Column(name = "chain_seq", insertable = false, updatable = false)
    private Long chainSeq;

    @Column(name = "prev_hash", insertable = false, updatable = false, length = 64)
    private String prevHash;

    @Column(name = "entry_hash", insertable = false, updatable = false, length = 64)
    private String entryHash;

    protected AuditEntry() {
    }

    public AuditEntry(Instant occurredAt, String actor, String actorRole, AuditAction action, Long communityId,
                      String recordType, Long recordId, String fields, String purpose, String clientAddress,
                      String detail) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.actorRole = actorRole;
        this.action = action;
        this.communityId = communityId;
        this.recordType = recordType;
        this.recordId = recordId;
        this.fields = fields;
        this.purpose = purpose;
        this.clientAddress = clientAddress;
        this.detail = cut(detail, 1000);
    }

    /** An entry with its outcome (a refused action is recorded as well as a done one). */
    public AuditEntry(Instant occurredAt, String actor, String actorRole, AuditAction action, AuditOutcome outcome,
                      Long communityId, String recordType, Long recordId, String fields, String purpose,
                      String clientAddress, String detail) {
        this(occurredAt, actor, actorRole, action, communityId, recordType, recordId, fields, purpose, clientAddress,
                detail);
        this.outcome = outcome;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getActorRole() {
        return actorRole;
    }

    public AuditAction getAction() {
        return action;
    }

    public Long getCommunityId() {
        return communityId;
    }

    public String getRecordType() {
        return recordType;
    }

    public Long getRecordId() {
        return recordId;
    }

    public String getFields() {
        return fields;
    }

    public String getPurpose() {
        return purpose;
    }

    public String getClientAddress() {
        return clientAddress;
    }

    public String getDetail() {
        return detail;
    }

    public AuditOutcome getOutcome() {
        return outcome;
    }

    /** The entry's place in the hash chain (null for entries written before the chain). */
    public Long getChainSeq() {
        return chainSeq;
    }

    public String getPrevHash() {
        return prevHash;
    }

    public String getEntryHash() {
        return entryHash;
    }
}
