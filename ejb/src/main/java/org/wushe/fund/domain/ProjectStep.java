package org.wushe.fund.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.wushe.shared.ConflictException;

/** One step of a project's lifecycle: who moved it from which stage to which, when, and why. Never changed. */
@Entity
@Table(name = "fund_project_step")
public class ProjectStep {

    @Id
    @SequenceGenerator(name = "fund_row_seq", sequenceName = "fund_row_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "fund_row_seq")
    private Long id;

    @Column(name = "project_id", nullable = false)
    private Long projectId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_stage", length = 12)
    private ProjectStage fromStage;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_stage", nullable = false, length = 12)
    private ProjectStage toStage;

    @Column(nullable = false, length = 50)
    private String actor;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(length = 1000)
    private String note;

    protected ProjectStep() {
    }

    public ProjectStep(Long projectId, ProjectStage fromStage, ProjectStage toStage, String actor, Instant occurredAt,
                       String note) {
        this.projectId = projectId;
        this.fromStage = fromStage;
        this.toStage = toStage;
        this.actor = actor;
        this.occurredAt = occurredAt;
        this.note = note;
    }

    @PreUpdate
    @PreRemove
    void refuseChange() {
        throw new ConflictException("fund.immutable", "Project steps are never changed");
    }

    public Long getId() { return id; }
    public Long getProjectId() { return projectId; }
    public ProjectStage getFromStage() { return fromStage; }
    public ProjectStage getToStage() { return toStage; }
    public String getActor() { return actor; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getNote() { return note; }
}
