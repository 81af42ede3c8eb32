package org.wushe.web.fund;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wushe.fund.application.FundSettings;
import org.wushe.fund.application.ProjectQueries;
import org.wushe.fund.application.ProjectService;
import org.wushe.fund.application.ProjectViews;
import org.wushe.fund.application.ProjectViews.ProjectRow;
import org.wushe.fund.domain.FundCategory;
import org.wushe.fund.domain.Project;
import org.wushe.security.domain.Right;
import org.wushe.shared.ValidationException;
import org.wushe.web.support.Actions;
import org.wushe.web.support.FormInputs;

/** A community's projects by stage, and the form a social worker designs a project with. */
@Named
@ViewScoped
public class ProjectsBacking extends FundPage {

    private static final long serialVersionUID = 1L;

    @EJB
    ProjectService projects;

    @EJB
    ProjectQueries projectQueries;

    @EJB
    FundSettings fundSettings;

    private String stage;
    /** Only the projects with an expenditure waiting for the caller's approval (from "my work"). */
    private boolean awaiting;
    private List<ProjectRow> list = List.of();
    private List<FundCategory> categories = List.of();

    private String title;
    private String goal;
    private String beneficiaries;
    private String beneficiaryGroup;
    private final Map<String, String> budget = new LinkedHashMap<>();
    private String needIds;
    private String milestone;
    private String milestoneDue;

    @Override
    protected void refresh() {
        categories = fundSettings.categories(false);
        Actions.run("projects", () -> {
            list = projectQueries.projects(community, stage, awaiting);
        });
    }

    public boolean isDesigning() {
        return has(Right.DESIGN_PROJECTS);
    }

    public String design() {
        return Actions.call("design", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            Map<String, Long> fen = new LinkedHashMap<>();
            budget.forEach((code, yuan) -> {
                Long f = fen("budget", yuan, errors);
                if (f != null && f > 0) {
                    fen.put(code, f);
                }
            });
            Integer planned = FormInputs.optionalInteger("beneficiariesPlanned", beneficiaries, errors);
            List<Long> needs = new ArrayList<>();
            if (needIds != null && !needIds.isBlank()) {
                for (String s : needIds.split("[,，\\s]+")) {
                    Long id = FormInputs.optionalLong("needIds", s, errors);
                    if (id != null) {
                        needs.add(id);
                    }
                }
            }
            List<ProjectViews.MilestoneForm> milestones = new ArrayList<>();
            if (milestone != null && !milestone.isBlank()) {
                LocalDate due = FormInputs.optionalDate("milestones", milestoneDue, errors);
                milestones.add(new ProjectViews.MilestoneForm(milestone, due));
            }
            errors.throwIfAny();
            Project p = projects.design(new ProjectViews.ProjectForm(community, title, goal, planned, beneficiaryGroup,
                    null, null, fen, needs, milestones));
            return "/fund/project?faces-redirect=true&id=" + p.getId();
        });
    }

    public boolean isAwaiting() { return awaiting; }
    public void setAwaiting(boolean v) { awaiting = v; }
    public String getStage() { return stage; }
    public void setStage(String stage) { this.stage = stage; }
    public List<ProjectRow> getList() { return list; }
    public List<FundCategory> getCategories() { return categories; }
    public String getTitle() { return title; }
    public void setTitle(String v) { title = v; }
    public String getGoal() { return goal; }
    public void setGoal(String v) { goal = v; }
    public String getBeneficiaries() { return beneficiaries; }
    public void setBeneficiaries(String v) { beneficiaries = v; }
    public String getBeneficiaryGroup() { return beneficiaryGroup; }
    public void setBeneficiaryGroup(String v) { beneficiaryGroup = v; }
    public Map<String, String> getBudget() { return budget; }
    public String getNeedIds() { return needIds; }
    public void setNeedIds(String v) { needIds = v; }
    public String getMilestone() { return milestone; }
    public void setMilestone(String v) { milestone = v; }
    public String getMilestoneDue() { return milestoneDue; }
    public void setMilestoneDue(String v) { milestoneDue = v; }
}
