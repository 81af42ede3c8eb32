package org.wushe.casework.domain;

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

/** One line of a case file, in the stage it was written: a note, a session, a stage move, a skip with its reason. */
@Entity
@Table(name = "case_entry")
public class CaseEntry {

    @Id
    @SequenceGenerator(name = "case_entry_seq", sequenceName = "case_entry_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_entry_seq")
    private Long id;

    @Column(name = "case_id", nullable = false)
    private Long caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private CaseStage stage;

    @Enumerated(EnumType.STRING)
    @Column(name = "entry_kind", nullable = false, length = 20)
    private CaseEntryKind kind;

    @Column(length = 4000)
    private String body;

    @Column(name = "recorded_by", nullable = false, length = 50)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected CaseEntry() {
    }

    public CaseEntry(Long caseId, CaseStage stage, CaseEntryKind kind, String body, String recordedBy, Instant at) {
        this.caseId = caseId;
        this.stage = stage;
        this.kind = kind;
        this.body = body;
        this.recordedBy = recordedBy;
        this.recordedAt = at;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public CaseStage getStage() { return stage; }
    public CaseEntryKind getKind() { return kind; }
    public String getBody() { return body; }
    public String getRecordedBy() { return recordedBy; }
    public Instant getRecordedAt() { return recordedAt; }
}
