package org.wushe.fund.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wushe.community.domain.Community;
import org.wushe.docking.domain.Need;
import org.wushe.fund.application.FundViews.Upload;
import org.wushe.fund.application.ProjectViews.Evaluation;
import org.wushe.fund.application.ProjectViews.EvaluationForm;
import org.wushe.fund.application.ProjectViews.MilestoneForm;
import org.wushe.fund.application.ProjectViews.ProjectForm;
import org.wushe.fund.domain.FilePurpose;
import org.wushe.fund.domain.FileType;
import org.wushe.fund.domain.FundFile;
import org.wushe.fund.domain.Milestone;
import org.wushe.fund.domain.Progress;
import org.wushe.fund.domain.Project;
import org.wushe.fund.domain.ProjectBudget;
import org.wushe.fund.domain.ProjectNeed;
import org.wushe.fund.domain.ProjectStage;
import org.wushe.fund.domain.ProjectStep;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.NotPermittedException;
import org.wushe.shared.ValidationException;

/**
 * Needs-based projects: a social worker designs one ({@link Right#DESIGN_PROJECTS}) against
 * diagnosed needs, with a budget by category and milestones, submits it for review; the Party
 * secretary ({@link Right#REVIEW_PROJECTS}) approves it or sends it back; it runs, reports progress
 * with photos, completes and is evaluated by residents' satisfaction and the needs closed. Every
 * step is written to the project's history. Reading them is {@link ProjectQueries}.
 */
@Stateless
public class ProjectService {

    @PersistenceContext
    EntityManager em;

    @Inject
    FundAccess access;

    @Inject
    Clock clock;

    @Inject
    ProjectRecords records;

    /** Designs a project in the PROPOSAL stage. Refuses bad input field by field. */
    public Project design(ProjectForm f) {
        Caller caller = access.caller(Right.DESIGN_PROJECTS);
        Community c = access.community(caller, f.communityCode());
        ValidationException.Collector errors = new ValidationException.Collector();
        String title = errors.text("title", f.title(), 100, true);
        String goal = errors.text("goal", f.goal(), 2000, true);
        String group = errors.text("beneficiaryGroup", f.beneficiaryGroup(), 200, false);
        int planned = 0;
        if (f.beneficiariesPlanned() == null) {
            errors.add("beneficiariesPlanned", "error.required");
        } else if (f.beneficiariesPlanned() < 1 || f.beneficiariesPlanned() > 1_000_000) {
            errors.add("beneficiariesPlanned", "fund.project.beneficiaries");
        } else {
            planned = f.beneficiariesPlanned();
        }
        if (f.startsOn() != null && f.endsOn() != null && f.endsOn().isBefore(f.startsOn())) {
            errors.add("endsOn", "fund.project.endBeforeStart");
        }
        Map<String, Long> budget = new HashMap<>();
        if (f.budget() == null || f.budget().isEmpty()) {
            errors.add("budget", "error.required");
        } else {
            f.budget().forEach((code, fen) -> {
                String cat = access.category("budget", code, errors);
                if (fen == null || fen < 0) {
                    errors.add("budget", "fund.amount.positive");
                } else if (cat != null) {
                    budget.merge(cat, fen, Long::sum);
                }
            });
        }
        Set<Long> needIds = new LinkedHashSet<>(f.needIds() == null ? List.of() : f.needIds());
        for (Long id : needIds) {
            Need n = id == null ? null : em.find(Need.class, id);
            if (n == null || !n.getCommunity().getId().equals(c.getId())) {
                errors.add("needIds", "fund.project.needUnknown", id);
            }
        }
        List<MilestoneForm> milestones = f.milestones() == null ? List.of() : f.milestones();
        for (MilestoneForm m : milestones) {
            errors.text("milestones", m.title(), 100, true);
            if (m.dueOn() == null) {
                errors.add("milestones", "fund.milestone.due");
            }
        }
        errors.throwIfAny();
        Instant now = clock.instant();
        Project p = new Project(c.getId(), title, goal, planned, group, f.startsOn(), f.endsOn(), caller.username(), now);
        em.persist(p);
        em.flush();
        budget.forEach((cat, fen) -> em.persist(new ProjectBudget(p.getId(), cat, fen)));
        needIds.forEach(id -> em.persist(new ProjectNeed(p.getId(), id)));
        milestones.forEach(m -> em.persist(new Milestone(p.getId(), m.title().strip(), m.dueOn())));
        em.persist(new ProjectStep(p.getId(), null, ProjectStage.PROPOSAL, caller.username(), now, null));
        em.flush();
        return p;
    }

    /**
     * Moves a project one step: {@code submit} (PROPOSAL→REVIEW, designer), {@code approve}
     * (REVIEW→APPROVED, reviewer), {@code return} (REVIEW→PROPOSAL, reviewer, with a note),
     * {@code start} (APPROVED→RUNNING, designer or reviewer), {@code complete} (RUNNING→COMPLETED,
     * designer). Evaluation has its own method.
     *
     * @throws NotPermittedException when the caller's role does not take that step
     */
    public Project step(Long projectId, String action, String note) {
        Caller caller = access.caller(Right.VIEW_FUND);
        Project p = records.inScope(caller, projectId);
        ValidationException.Collector errors = new ValidationException.Collector();
        String n = errors.text("note", note, 1000, false);
        ProjectStage to;
        Right right;
        switch (action == null ? "" : action.trim().toLowerCase()) {
            case "submit" -> { to = ProjectStage.REVIEW; right = Right.DESIGN_PROJECTS; }
            case "approve" -> { to = ProjectStage.APPROVED; right = Right.REVIEW_PROJECTS; }
            case "return" -> {
                to = ProjectStage.PROPOSAL;
                right = Right.REVIEW_PROJECTS;
                if (n == null) {
                    errors.add("note", "error.required");
                }
            }
            case "start" -> {
                to = ProjectStage.RUNNING;
                right = caller.has(Right.REVIEW_PROJECTS) ? Right.REVIEW_PROJECTS : Right.DESIGN_PROJECTS;
            }
            case "complete" -> { to = ProjectStage.COMPLETED; right = Right.DESIGN_PROJECTS; }
            default -> {
                errors.add("action", "error.choice", action);
                to = null;
                right = null;
            }
        }
        errors.throwIfAny();
        caller.require(right);
        ProjectStage from = p.moveTo(to);
        em.persist(new ProjectStep(p.getId(), from, to, caller.username(), clock.instant(), n));
        em.flush();
        return p;
    }

    /**
     * Evaluates a COMPLETED project ({@link Right#DESIGN_PROJECTS}): residents' satisfaction as an
     * average in tenths (10–50) with the number of respondents, and which linked needs were closed.
     */
    public Project evaluate(Long projectId, EvaluationForm f) {
        Caller caller = access.caller(Right.DESIGN_PROJECTS);
        Project p = records.inScope(caller, projectId);
        ValidationException.Collector errors = new ValidationException.Collector();
        if (f.satisfactionTenths() == null) {
            errors.add("satisfactionTenths", "error.required");
        } else if (f.satisfactionTenths() < 10 || f.satisfactionTenths() > 50) {
            errors.add("satisfactionTenths", "fund.evaluation.satisfaction");
        }
        if (f.respondents() == null) {
            errors.add("respondents", "error.required");
        } else if (f.respondents() < 1) {
            errors.add("respondents", "fund.evaluation.respondents");
        }
        if (f.beneficiariesReached() != null && f.beneficiariesReached() < 0) {
            errors.add("beneficiariesReached", "fund.project.beneficiaries");
        }
        String note = errors.text("note", f.note(), 2000, false);
        List<ProjectNeed> links = records.links(p.getId());
        Set<Long> closed = new LinkedHashSet<>(f.closedNeedIds() == null ? List.of() : f.closedNeedIds());
        for (Long id : closed) {
            if (links.stream().noneMatch(l -> l.getNeedId().equals(id))) {
                errors.add("closedNeedIds", "fund.evaluation.needNotLinked", id);
            }
        }
        errors.throwIfAny();
        ProjectStage from = p.getStage();
        Instant now = clock.instant();
        p.evaluate(f.satisfactionTenths(), f.respondents(), f.beneficiariesReached(), note, now, caller.username());
        links.forEach(l -> l.markClosed(closed.contains(l.getNeedId())));
        em.persist(new ProjectStep(p.getId(), from, ProjectStage.EVALUATED, caller.username(), now, note));
        em.flush();
        return p;
    }

    /** Adds a milestone ({@link Right#DESIGN_PROJECTS}). */
    public Milestone addMilestone(Long projectId, MilestoneForm f) {
        Caller caller = access.caller(Right.DESIGN_PROJECTS);
        Project p = records.inScope(caller, projectId);
        ValidationException.Collector errors = new ValidationException.Collector();
        String title = errors.text("title", f.title(), 100, true);
        if (f.dueOn() == null) {
            errors.add("dueOn", "error.required");
        }
        errors.throwIfAny();
        Milestone m = new Milestone(p.getId(), title, f.dueOn());
        em.persist(m);
        em.flush();
        return m;
    }

    /** Marks a milestone done today ({@link Right#DESIGN_PROJECTS}). */
    public Milestone milestoneDone(Long milestoneId) {
        Caller caller = access.caller(Right.DESIGN_PROJECTS);
        Milestone m = milestoneId == null ? null : em.find(Milestone.class, milestoneId);
        if (m == null) {
            throw new NotFoundException("milestone", milestoneId);
        }
        records.inScope(caller, m.getProjectId());
        m.markDone(LocalDate.now(clock));
        em.flush();
        return m;
    }

    /**
     * Reports progress of an APPROVED, RUNNING or COMPLETED project ({@link Right#DESIGN_PROJECTS}):
     * text and up to six photos, each JPEG or PNG by its bytes and at most 5 MB.
     */
    public Progress reportProgress(Long projectId, String body, List<Upload> photos) {
        Caller caller = access.caller(Right.DESIGN_PROJECTS);
        Project p = records.inScope(caller, projectId);
        ValidationException.Collector errors = new ValidationException.Collector();
        String text = errors.text("body", body, 2000, true);
        List<Upload> list = photos == null ? List.of() : photos;
        if (list.size() > Progress.MAX_PHOTOS) {
            errors.add("photos", "fund.progress.tooManyPhotos", Progress.MAX_PHOTOS);
        }
        List<FileType> types = new ArrayList<>();
        for (Upload u : list) {
            types.add(FundInputs.file("photos", u, true, errors));
        }
        errors.throwIfAny();
        if (p.getStage() == ProjectStage.PROPOSAL || p.getStage() == ProjectStage.REVIEW
                || p.getStage() == ProjectStage.EVALUATED) {
            throw new org.wushe.shared.ConflictException("fund.progress.stage", "Project " + p.getId() + " is "
                    + p.getStage(), new org.wushe.shared.Label("fund.stage." + p.getStage().name()));
        }
        Instant now = clock.instant();
        Progress pr = new Progress(p.getId(), p.getCommunityId(), text, LocalDate.now(clock), now, caller.username());
        em.persist(pr);
        em.flush();
        for (int i = 0; i < list.size(); i++) {
            em.persist(new FundFile(p.getCommunityId(), FilePurpose.PHOTO, pr.getId(), types.get(i), list.get(i).fileName(),
                    list.get(i).content(), now, caller.username()));
        }
        em.flush();
        return pr;
    }
}
