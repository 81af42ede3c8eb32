package org.wushe.fund.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.wushe.shared.ConflictException;
import org.wushe.shared.Label;

/**
 * A small project a social worker designs against diagnosed needs: goal, beneficiaries as counts
 * (never names), a stage of the lifecycle ({@link ProjectStage}) and, at the end, a needs-oriented
 * evaluation: residents' satisfaction with its number of respondents.
 */
@Entity
@Table(name = "fund_project")
public class Project {

    @Id
    @SequenceGenerator(name = "fund_project_seq", sequenceName = "fund_project_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "fund_project_seq")
    private Long id;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Column(nullable = false, length = 100)
    private String title;

    @Column(nullable = false, length = 2000)
    private String goal;

    @Column(name = "beneficiaries_planned", nullable = false)
    private int beneficiariesPlanned;

    @Column(name = "beneficiaries_reached")
    private Integer beneficiariesReached;

    @Column(name = "beneficiary_group", length = 200)
    private String beneficiaryGroup;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private ProjectStage stage;

    @Column(name = "designed_by", nullable = false, length = 50)
    private String designedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "starts_on")
    private java.time.LocalDate startsOn;

    @Column(name = "ends_on")
    private java.time.LocalDate endsOn;

    @Column(name = "satisfaction_tenths")
    private Integer satisfactionTenths;

    private Integer respondents;

    @Column(name = "evaluation_note", length = 2000)
    private String evaluationNote;

    @Column(name = "evaluated_at")
    private Instant evaluatedAt;

    @Column(name = "evaluated_by", length = 50)
    private String evaluatedBy;

    @Version
    private int version;

    protected Project() {
    }

    public Project(Long communityId, String title, String goal, int beneficiariesPlanned, String beneficiaryGroup,
                   java.time.LocalDate startsOn, java.time.LocalDate endsOn, String designedBy, Instant createdAt) {
        this.communityId = communityId;
        this.title = title;
        this.goal = goal;
        this.beneficiariesPlanned = beneficiariesPlanned;
        this.beneficiaryGroup = beneficiaryGroup;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.designedBy = designedBy;
        this.createdAt = createdAt;
        this.stage = ProjectStage.PROPOSAL;
    }

    /**
     * Moves to a stage the lifecycle allows.
     *
     * @return the stage before
     * @throws ConflictException {@code project.transition}
     */
    public ProjectStage moveTo(ProjectStage to) {
        if (!stage.canMoveTo(to)) {
            throw new ConflictException("project.transition", "Project " + id + " cannot go from " + stage + " to " + to,
                    new Label("fund.stage." + stage.name()), new Label("fund.stage." + to.name()));
        }
        ProjectStage from = stage;
        stage = to;
        return from;
    }

    /** Records the evaluation and moves to EVALUATED. */
    public void evaluate(int satisfactionTenths, int respondents, Integer beneficiariesReached, String note,
                         Instant at, String by) {
        moveTo(ProjectStage.EVALUATED);
        this.satisfactionTenths = satisfactionTenths;
        this.respondents = respondents;
        this.beneficiariesReached = beneficiariesReached;
        this.evaluationNote = note;
        this.evaluatedAt = at;
        this.evaluatedBy = by;
    }

    public Long getId() { return id; }
    public Long getCommunityId() { return communityId; }
    public String getTitle() { return title; }
    public String getGoal() { return goal; }
    public int getBeneficiariesPlanned() { return beneficiariesPlanned; }
    public Integer getBeneficiariesReached() { return beneficiariesReached; }
    public String getBeneficiaryGroup() { return beneficiaryGroup; }
    public ProjectStage getStage() { return stage; }
    public String getDesignedBy() { return designedBy; }
    public Instant getCreatedAt() { return createdAt; }
    public java.time.LocalDate getStartsOn() { return startsOn; }
    public java.time.LocalDate getEndsOn() { return endsOn; }
    public Integer getSatisfactionTenths() { return satisfactionTenths; }
    public Integer getRespondents() { return respondents; }
    public String getEvaluationNote() { return evaluationNote; }
    public Instant getEvaluatedAt() { return evaluatedAt; }
    public String getEvaluatedBy() { return evaluatedBy; }
}
