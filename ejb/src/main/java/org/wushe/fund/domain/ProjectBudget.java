package org.wushe.fund.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** The planned amount of a project for one spending category (the design; money comes by allocation). */
@Entity
@Table(name = "fund_project_budget")
public class ProjectBudget {

    @Id
    @SequenceGenerator(name = "fund_row_seq", sequenceName = "fund_row_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "fund_row_seq")
    private Long id;

    @Column(name = "project_id", nullable = false)
    private Long projectId;

    @Column(name = "category_code", nullable = false, length = 30)
    private String categoryCode;

    @Column(name = "planned_fen", nullable = false)
    private long plannedFen;

    protected ProjectBudget() {
    }

    public ProjectBudget(Long projectId, String categoryCode, long plannedFen) {
        this.projectId = projectId;
        this.categoryCode = categoryCode;
        this.plannedFen = plannedFen;
    }

    public Long getId() { return id; }
    public Long getProjectId() { return projectId; }
    public String getCategoryCode() { return categoryCode; }
    public long getPlannedFen() { return plannedFen; }
}
