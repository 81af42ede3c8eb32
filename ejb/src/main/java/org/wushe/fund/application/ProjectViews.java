package org.wushe.fund.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.wushe.fund.application.FundViews.AllocationRow;
import org.wushe.fund.application.FundViews.ExpenditureRow;

/** Project forms and views. Beneficiaries are counts only: no name of a beneficiary anywhere. */
public final class ProjectViews {

    private ProjectViews() {
    }

    public record MilestoneForm(String title, LocalDate dueOn) {
    }

    /** A project as designed: budget in fen by category code, optional linked needs, milestones. */
    public record ProjectForm(String communityCode, String title, String goal, Integer beneficiariesPlanned,
                              String beneficiaryGroup, LocalDate startsOn, LocalDate endsOn, Map<String, Long> budget,
                              List<Long> needIds, List<MilestoneForm> milestones) {
    }

    /** The evaluation: average satisfaction in tenths (10–50, i.e. 1.0–5.0), respondents, closed needs. */
    public record EvaluationForm(Integer satisfactionTenths, Integer respondents, Integer beneficiariesReached,
                                 List<Long> closedNeedIds, String note) {
    }

    public record ProjectRow(Long id, String communityCode, String title, String stage, int beneficiariesPlanned,
                             long plannedFen, long allocatedFen, long spentFen, String designedBy) {
    }

    /** One budget line: planned, allocated (booked), spent (booked), pending, and what is still available. */
    public record BudgetLine(String categoryCode, long plannedFen, long allocatedFen, long spentFen, long pendingFen,
                             long availableFen) {
    }

    public record MilestoneRow(Long id, String title, LocalDate dueOn, boolean done, LocalDate doneOn) {
    }

    public record StepRow(String fromStage, String toStage, String actor, Instant occurredAt, String note) {
    }

    public record ProgressRow(Long id, String body, LocalDate reportedOn, String reportedBy, List<Long> photoIds) {
    }

    public record NeedLink(Long needId, String title, String categoryCode, String status, boolean closed) {
    }

    /**
     * What the evaluation shows: needs closed of needs linked, satisfaction and respondents, and the
     * beneficiaries reached of those planned; not counts of photos or activities.
     */
    public record Evaluation(int needsLinked, int needsClosed, Integer satisfactionTenths, Integer respondents,
                             Integer beneficiariesReached, String note, Instant evaluatedAt, String evaluatedBy) {
    }

    public record ProjectView(Long id, String communityCode, String title, String goal, String stage,
                              int beneficiariesPlanned, String beneficiaryGroup, LocalDate startsOn, LocalDate endsOn,
                              String designedBy, List<BudgetLine> budget, List<AllocationRow> allocations,
                              List<ExpenditureRow> expenditures, List<MilestoneRow> milestones,
                              List<ProgressRow> progress, List<StepRow> steps, List<NeedLink> needs,
                              Evaluation evaluation) {
        public long plannedFen() {
            return budget.stream().mapToLong(BudgetLine::plannedFen).sum();
        }

        public long allocatedFen() {
            return budget.stream().mapToLong(BudgetLine::allocatedFen).sum();
        }

        public long spentFen() {
            return budget.stream().mapToLong(BudgetLine::spentFen).sum();
        }
    }
}
