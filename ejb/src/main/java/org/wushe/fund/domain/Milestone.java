package org.wushe.fund.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;

/** A milestone of a project: a title, a due date, done or not. */
@Entity
@Table(name = "fund_milestone")
public class Milestone {

    @Id
    @SequenceGenerator(name = "fund_row_seq", sequenceName = "fund_row_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "fund_row_seq")
    private Long id;

    @Column(name = "project_id", nullable = false)
    private Long projectId;

    @Column(nullable = false, length = 100)
    private String title;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Column(nullable = false)
    private boolean done;

    @Column(name = "done_on")
    private LocalDate doneOn;

    @Version
    private int version;

    protected Milestone() {
    }

    public Milestone(Long projectId, String title, LocalDate dueOn) {
        this.projectId = projectId;
        this.title = title;
        this.dueOn = dueOn;
    }

    public void markDone(LocalDate on) {
        this.done = true;
        this.doneOn = on;
    }

    public Long getId() { return id; }
    public Long getProjectId() { return projectId; }
    public String getTitle() { return title; }
    public LocalDate getDueOn() { return dueOn; }
    public boolean isDone() { return done; }
    public LocalDate getDoneOn() { return doneOn; }
}
