package org.wushe.fund.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wushe.community.domain.Community;
import org.wushe.docking.domain.Need;
import org.wushe.fund.application.ProjectViews.BudgetLine;
import org.wushe.fund.application.ProjectViews.Evaluation;
import org.wushe.fund.application.ProjectViews.MilestoneRow;
import org.wushe.fund.application.ProjectViews.NeedLink;
import org.wushe.fund.application.ProjectViews.ProgressRow;
import org.wushe.fund.application.ProjectViews.ProjectRow;
import org.wushe.fund.application.ProjectViews.ProjectView;
import org.wushe.fund.application.ProjectViews.StepRow;
import org.wushe.fund.domain.AccountKind;
import org.wushe.fund.domain.Allocation;
import org.wushe.fund.domain.Expenditure;
import org.wushe.fund.domain.ExpenditureStatus;
import org.wushe.fund.domain.FilePurpose;
import org.wushe.fund.domain.FundAccount;
import org.wushe.fund.domain.FundFile;
import org.wushe.fund.domain.Milestone;
import org.wushe.fund.domain.Progress;
import org.wushe.fund.domain.Project;
import org.wushe.fund.domain.ProjectBudget;
import org.wushe.fund.domain.ProjectNeed;
import org.wushe.fund.domain.ProjectStage;
import org.wushe.fund.domain.ProjectStep;
import org.wushe.fund.domain.RecordStatus;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.ValidationException;

/**
 * Reading needs-based projects ({@link Right#VIEW_FUND}, in the caller's scope): a community's
 * projects with their money, one project with its budget lines, allocations, expenditures,
 * milestones, progress and photos, history, needs and evaluation.
 */
@Stateless
public class ProjectQueries {

    @PersistenceContext
    EntityManager em;

    @Inject
    FundAccess access;

    @Inject
    ProjectRecords records;

    /** A progress photo, for a caller who sees the community's fund ({@link Right#VIEW_FUND}). */
    public FundFile photo(Long fileId) {
        Caller caller = access.caller(Right.VIEW_FUND);
        FundFile f = fileId == null ? null : em.find(FundFile.class, fileId);
        if (f == null || f.getPurpose() != FilePurpose.PHOTO) {
            throw new NotFoundException("fundFile", fileId);
        }
        access.community(caller, f.getCommunityId());
        return f;
    }

    /** A community's projects, optionally of one stage, newest first (at most 500; {@link Right#VIEW_FUND}). */
    public List<ProjectRow> projects(String communityCode, String stage) {
        return projects(communityCode, stage, false);
    }

    /**
     * As {@link #projects(String, String)}; with {@code awaitingMe} only the projects with an
     * expenditure waiting for approval that the caller did not request (what "my work" counts).
     */
    public List<ProjectRow> projects(String communityCode, String stage, boolean awaitingMe) {
        Caller caller = access.caller(Right.VIEW_FUND);
        Community c = access.community(caller, communityCode);
        ValidationException.Collector errors = new ValidationException.Collector();
        ProjectStage s = stage == null || stage.isBlank() ? null
                : FundAccess.choice("stage", ProjectStage.class, stage, null, errors);
        errors.throwIfAny();
        var q = em.createQuery("select p from Project p where p.communityId = :c" + (s == null ? "" : " and p.stage = :s")
                + (awaitingMe ? " and exists (select e.id from Expenditure e where e.projectId = p.id and e.status = "
                        + "org.wushe.fund.domain.ExpenditureStatus.PENDING and e.requestedBy <> :me)" : "")
                + " order by p.createdAt desc, p.id desc", Project.class).setParameter("c", c.getId());
        if (s != null) {
            q.setParameter("s", s);
        }
        if (awaitingMe) {
            q.setParameter("me", caller.username());
        }
        List<Project> found = q.setMaxResults(500).getResultList();
        Map<Long, long[]> money = moneyByProject(found.stream().map(Project::getId).toList());
        return found.stream().map(p -> {
            long[] m = money.getOrDefault(p.getId(), new long[3]);
            return new ProjectRow(p.getId(), c.getCode(), p.getTitle(), p.getStage().name(), p.getBeneficiariesPlanned(),
                    m[0], m[1], m[2], p.getDesignedBy());
        }).toList();
    }

    /** planned, allocated, spent per project. */
    private Map<Long, long[]> moneyByProject(List<Long> ids) {
        Map<Long, long[]> m = new HashMap<>();
        if (ids.isEmpty()) {
            return m;
        }
        String[] queries = {
            "select b.projectId, sum(b.plannedFen) from ProjectBudget b where b.projectId in :ids group by b.projectId",
            "select a.projectId, sum(a.amountFen) from Allocation a where a.projectId in :ids and a.status = "
                    + "org.wushe.fund.domain.RecordStatus.BOOKED group by a.projectId",
            "select e.projectId, sum(e.amountFen) from Expenditure e where e.projectId in :ids and e.status = "
                    + "org.wushe.fund.domain.ExpenditureStatus.BOOKED group by e.projectId"};
        for (int i = 0; i < queries.length; i++) {
            for (Object[] r : em.createQuery(queries[i], Object[].class).setParameter("ids", ids).getResultList()) {
                m.computeIfAbsent((Long) r[0], k -> new long[3])[i] = ((Number) r[1]).longValue();
            }
        }
        return m;
    }

    /** One project with its budget, money, milestones, progress, history, needs and evaluation ({@link Right#VIEW_FUND}). */
    public ProjectView project(Long id) {
        Caller caller = access.caller(Right.VIEW_FUND);
        Project p = records.inScope(caller, id);
        Community c = em.find(Community.class, p.getCommunityId());
        return view(p, c);
    }

    ProjectView view(Project p, Community c) {
        Long id = p.getId();
        Map<Long, String> projectTitle = new HashMap<>(Map.of(id, p.getTitle()));
        List<Allocation> allocations = em.createQuery("select a from Allocation a where a.projectId = :p "
                + "order by a.allocatedOn, a.id", Allocation.class).setParameter("p", id).getResultList();
        List<Expenditure> expenditures = em.createQuery("select e from Expenditure e where e.projectId = :p "
                + "order by e.spentOn, e.id", Expenditure.class).setParameter("p", id).getResultList();
        Map<String, long[]> lines = new java.util.TreeMap<>();
        for (ProjectBudget b : em.createQuery("select b from ProjectBudget b where b.projectId = :p", ProjectBudget.class)
                .setParameter("p", id).getResultList()) {
            lines.computeIfAbsent(b.getCategoryCode(), k -> new long[5])[0] = b.getPlannedFen();
        }
        for (Allocation a : allocations) {
            if (a.getStatus() == RecordStatus.BOOKED) {
                lines.computeIfAbsent(a.getCategoryCode(), k -> new long[5])[1] += a.getAmountFen();
            }
        }
        for (Expenditure e : expenditures) {
            long[] l = lines.computeIfAbsent(e.getCategoryCode(), k -> new long[5]);
            if (e.getStatus() == ExpenditureStatus.BOOKED) {
                l[2] += e.getAmountFen();
            } else if (e.getStatus() == ExpenditureStatus.PENDING) {
                l[3] += e.getAmountFen();
            }
        }
        for (FundAccount a : em.createQuery("select a from FundAccount a where a.projectId = :p and a.kind = :k",
                FundAccount.class).setParameter("p", id).setParameter("k", AccountKind.BUDGET).getResultList()) {
            lines.computeIfAbsent(a.getCategoryCode(), k -> new long[5])[4] = a.getBalanceFen();
        }
        List<BudgetLine> budget = lines.entrySet().stream().map(e -> new BudgetLine(e.getKey(), e.getValue()[0],
                e.getValue()[1], e.getValue()[2], e.getValue()[3], e.getValue()[4])).toList();
        List<MilestoneRow> milestones = em.createQuery("select m from Milestone m where m.projectId = :p "
                        + "order by m.dueOn, m.id", Milestone.class).setParameter("p", id).getResultStream()
                .map(m -> new MilestoneRow(m.getId(), m.getTitle(), m.getDueOn(), m.isDone(), m.getDoneOn())).toList();
        List<ProgressRow> progress = progress(id);
        List<StepRow> steps = em.createQuery("select s from ProjectStep s where s.projectId = :p order by s.occurredAt, s.id",
                ProjectStep.class).setParameter("p", id).getResultStream()
                .map(s -> new StepRow(s.getFromStage() == null ? null : s.getFromStage().name(), s.getToStage().name(),
                        s.getActor(), s.getOccurredAt(), s.getNote())).toList();
        List<NeedLink> needs = new ArrayList<>();
        for (ProjectNeed l : records.links(id)) {
            Need n = em.find(Need.class, l.getNeedId());
            needs.add(new NeedLink(l.getNeedId(), n.getTitle(), n.getCategoryCode(), n.getStatus().name(), l.isClosed()));
        }
        Evaluation evaluation = new Evaluation(needs.size(), (int) needs.stream().filter(NeedLink::closed).count(),
                p.getSatisfactionTenths(), p.getRespondents(), p.getBeneficiariesReached(), p.getEvaluationNote(),
                p.getEvaluatedAt(), p.getEvaluatedBy());
        return new ProjectView(id, c.getCode(), p.getTitle(), p.getGoal(), p.getStage().name(), p.getBeneficiariesPlanned(),
                p.getBeneficiaryGroup(), p.getStartsOn(), p.getEndsOn(), p.getDesignedBy(), budget,
                allocations.stream().map(a -> FundQueries.allocationRow(a, projectTitle)).toList(),
                expenditures.stream().map(e -> FundQueries.expenditureRow(e, projectTitle)).toList(),
                milestones, progress, steps, needs, evaluation);
    }

    List<ProgressRow> progress(Long projectId) {
        List<Progress> found = em.createQuery("select p from Progress p where p.projectId = :p "
                + "order by p.reportedOn, p.id", Progress.class).setParameter("p", projectId).getResultList();
        Map<Long, List<Long>> photos = new HashMap<>();
        if (!found.isEmpty()) {
            for (Object[] r : em.createQuery("select f.ownerId, f.id from FundFile f where f.purpose = :k "
                            + "and f.ownerId in :ids order by f.id", Object[].class).setParameter("k", FilePurpose.PHOTO)
                    .setParameter("ids", found.stream().map(Progress::getId).toList()).getResultList()) {
                photos.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add((Long) r[1]);
            }
        }
        return found.stream().map(p -> new ProgressRow(p.getId(), p.getBody(), p.getReportedOn(), p.getReportedBy(),
                photos.getOrDefault(p.getId(), List.of()))).toList();
    }
}
