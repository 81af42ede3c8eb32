package org.wushe.web.fund;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.wushe.fund.application.AllocationService;
import org.wushe.fund.application.ExpenditureService;
import org.wushe.fund.application.FundSettings;
import org.wushe.fund.application.FundViews;
import org.wushe.fund.application.ProjectQueries;
import org.wushe.fund.application.ProjectService;
import org.wushe.fund.application.ProjectViews;
import org.wushe.fund.application.ProjectViews.ProjectView;
import org.wushe.fund.domain.Expenditure;
import org.wushe.fund.domain.FileType;
import org.wushe.fund.domain.FundCategory;
import org.wushe.security.application.AccountService;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.ValidationException;
import org.wushe.web.support.Actions;
import org.wushe.web.support.FacesErrors;
import org.wushe.web.support.FormInputs;

/**
 * One project: its stage and the steps the caller may take, the budget by category with what was
 * allocated, spent, pending and still available, allocations, expenditures with the pending ones
 * to approve or reject, milestones, progress with photos, the needs it answers and the evaluation.
 */
@Named
@ViewScoped
public class ProjectBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    ProjectService projects;

    @EJB
    ProjectQueries projectQueries;

    @EJB
    AllocationService allocationService;

    @EJB
    ExpenditureService expenditureService;

    @EJB
    FundSettings fundSettings;

    @EJB
    AccountService accounts;

    private Long id;
    private ProjectView project;
    private Caller me;

    private String stepNote;
    private String allocCategory;
    private String allocAmount;
    private String allocSource = "CASH";
    private String allocJustification;
    private String spendCategory;
    private String spendAmount;
    private String payee;
    private String purpose;
    private String spendJustification;
    private transient Part receipt;
    private String rejectReason;
    private String progressText;
    private transient List<Part> photos;
    private String satisfaction;
    private String respondents;
    private String reached;
    private List<String> closedNeeds = new ArrayList<>();
    private String evaluationNote;
    private String milestoneTitle;
    private String milestoneDue;

    public void load() {
        me = accounts.me();
        Actions.run("project", () -> {
            project = id == null ? null : projectQueries.project(id);
        });
    }

    public boolean can(String right) {
        return me != null && me.has(Right.valueOf(right));
    }

    public void step(String action) {
        Actions.run("steps", () -> {
            projects.step(id, action, stepNote);
            stepNote = null;
            FacesErrors.info("fund.done.step");
            load();
        });
    }

    public void allocate() {
        Actions.run("allocation", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            Long fen = FundPage.fen("amountFen", allocAmount, errors);
            errors.throwIfAny();
            allocationService.allocate(new FundViews.AllocationForm(id, allocCategory, fen, allocSource, null, allocJustification));
            FacesErrors.info("fund.done.allocation");
            allocAmount = null;
            allocJustification = null;
            load();
        });
    }

    public void spend() {
        Actions.run("expenditure", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            Long fen = FundPage.fen("amountFen", spendAmount, errors);
            FundViews.Upload upload = upload("receipt", receipt, errors);
            errors.throwIfAny();
            Expenditure e = expenditureService.requestExpenditure(new FundViews.ExpenditureForm(id, spendCategory, fen, payee, purpose,
                    null, upload, spendJustification));
            FacesErrors.info(e.getStatus().name().equals("PENDING") ? "fund.done.pending" : "fund.done.expenditure");
            spendAmount = null;
            payee = null;
            purpose = null;
            spendJustification = null;
            load();
        });
    }

    /** Reads an uploaded part, refusing more than 5 MB before reading it whole. */
    private static FundViews.Upload upload(String field, Part part, ValidationException.Collector errors) {
        if (part == null || part.getSize() == 0) {
            return null;
        }
        String name = part.getSubmittedFileName();
        if (part.getSize() > FileType.MAX_BYTES) {
            errors.add(field, "fund.file.tooLarge", name == null ? "" : name);
            return null;
        }
        try (InputStream in = part.getInputStream()) {
            return new FundViews.Upload(name, in.readAllBytes());
        } catch (IOException e) {
            errors.add(field, "fund.file.type", name == null ? "" : name);
            return null;
        }
    }

    public void approve(Long expenditureId) {
        Actions.run("expenditures", () -> {
            expenditureService.approve(expenditureId);
            FacesErrors.info("fund.done.approved");
            load();
        });
    }

    public void reject(Long expenditureId) {
        Actions.run("expenditures", () -> {
            expenditureService.reject(expenditureId, rejectReason);
            FacesErrors.info("fund.done.rejected");
            rejectReason = null;
            load();
        });
    }

    public void reportProgress() {
        Actions.run("progress", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            List<FundViews.Upload> uploads = new ArrayList<>();
            if (photos != null) {
                for (Part p : photos) {
                    FundViews.Upload u = upload("photos", p, errors);
                    if (u != null) {
                        uploads.add(u);
                    }
                }
            }
            errors.throwIfAny();
            projects.reportProgress(id, progressText, uploads);
            FacesErrors.info("fund.done.progress");
            progressText = null;
            load();
        });
    }

    public void addMilestone() {
        Actions.run("milestones", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            var due = FormInputs.optionalDate("dueOn", milestoneDue, errors);
            errors.throwIfAny();
            projects.addMilestone(id, new ProjectViews.MilestoneForm(milestoneTitle, due));
            milestoneTitle = null;
            milestoneDue = null;
            load();
        });
    }

    public void milestoneDone(Long milestoneId) {
        Actions.run("milestones", () -> {
            projects.milestoneDone(milestoneId);
            load();
        });
    }

    public void evaluate() {
        Actions.run("evaluation", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            Integer tenths = null;
            if (satisfaction != null && !satisfaction.isBlank()) {
                try {
                    tenths = new java.math.BigDecimal(satisfaction.strip()).movePointRight(1).intValueExact();
                } catch (ArithmeticException | NumberFormatException e) {
                    errors.add("satisfactionTenths", "fund.evaluation.satisfaction");
                }
            }
            Integer resp = FormInputs.optionalInteger("respondents", respondents, errors);
            Integer reach = FormInputs.optionalInteger("beneficiariesReached", reached, errors);
            errors.throwIfAny();
            projects.evaluate(id, new ProjectViews.EvaluationForm(tenths, resp, reach,
                    closedNeeds.stream().map(Long::valueOf).toList(), evaluationNote));
            FacesErrors.info("fund.done.evaluation");
            load();
        });
    }

    public List<FundCategory> getCategories() {
        return fundSettings.categories(false);
    }

    public List<FundViews.ExpenditureRow> getPending() {
        return project == null ? List.of() : project.expenditures().stream()
                .filter(e -> e.status().equals("PENDING")).toList();
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public ProjectView getProject() { return project; }
    public String getStepNote() { return stepNote; }
    public void setStepNote(String v) { stepNote = v; }
    public String getAllocCategory() { return allocCategory; }
    public void setAllocCategory(String v) { allocCategory = v; }
    public String getAllocAmount() { return allocAmount; }
    public void setAllocAmount(String v) { allocAmount = v; }
    public String getAllocSource() { return allocSource; }
    public void setAllocSource(String v) { allocSource = v; }
    public String getAllocJustification() { return allocJustification; }
    public void setAllocJustification(String v) { allocJustification = v; }
    public String getSpendCategory() { return spendCategory; }
    public void setSpendCategory(String v) { spendCategory = v; }
    public String getSpendAmount() { return spendAmount; }
    public void setSpendAmount(String v) { spendAmount = v; }
    public String getPayee() { return payee; }
    public void setPayee(String v) { payee = v; }
    public String getPurpose() { return purpose; }
    public void setPurpose(String v) { purpose = v; }
    public String getSpendJustification() { return spendJustification; }
    public void setSpendJustification(String v) { spendJustification = v; }
    public Part getReceipt() { return receipt; }
    public void setReceipt(Part v) { receipt = v; }
    public String getRejectReason() { return rejectReason; }
    public void setRejectReason(String v) { rejectReason = v; }
    public String getProgressText() { return progressText; }
    public void setProgressText(String v) { progressText = v; }
    public List<Part> getPhotos() { return photos; }
    public void setPhotos(List<Part> v) { photos = v; }
    public String getSatisfaction() { return satisfaction; }
    public void setSatisfaction(String v) { satisfaction = v; }
    public String getRespondents() { return respondents; }
    public void setRespondents(String v) { respondents = v; }
    public String getReached() { return reached; }
    public void setReached(String v) { reached = v; }
    public List<String> getClosedNeeds() { return closedNeeds; }
    public void setClosedNeeds(List<String> v) { closedNeeds = v; }
    public String getEvaluationNote() { return evaluationNote; }
    public void setEvaluationNote(String v) { evaluationNote = v; }
    public String getMilestoneTitle() { return milestoneTitle; }
    public void setMilestoneTitle(String v) { milestoneTitle = v; }
    public String getMilestoneDue() { return milestoneDue; }
    public void setMilestoneDue(String v) { milestoneDue = v; }
}
