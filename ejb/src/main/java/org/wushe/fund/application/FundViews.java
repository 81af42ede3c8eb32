package org.wushe.fund.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The fund's forms (as typed in, checked by the services) and views (what screens, REST and the
 * reports read). Amounts are fen; donor names are null where the reader may not see them
 * ({@code anonymous} is then true).
 */
public final class FundViews {

    private FundViews() {
    }

    /** A donation as typed in. {@code restriction}: NONE, PROJECT or CATEGORY. */
    public record DonationForm(String communityCode, String donorKind, String donorName, Long residentId,
                               Long amountFen, LocalDate donatedOn, String receiptNo, String restriction,
                               Long restrictedProjectId, String restrictedCategory, boolean namedPublicly) {
    }

    /** An allocation as typed in. {@code source}: CASH, PROJECT_FUND or CATEGORY_FUND. */
    public record AllocationForm(Long projectId, String categoryCode, Long amountFen, String source,
                                 LocalDate allocatedOn, String justification) {
    }

    /** An uploaded file: the name the client gave and the bytes. */
    public record Upload(String fileName, byte[] content) {
    }

    /** An expenditure as typed in, with its receipt. */
    public record ExpenditureForm(Long projectId, String categoryCode, Long amountFen, String payee, String purpose,
                                  LocalDate spentOn, Upload receipt, String justification) {
    }

    public record RefundForm(Long amountFen, LocalDate refundedOn, String reason) {
    }

    public record DonationRow(Long id, String donorKind, String donorName, boolean anonymous, long amountFen,
                              long refundedFen, LocalDate donatedOn, String receiptNo, String restriction,
                              Long restrictedProjectId, String restrictedProjectTitle, String restrictedCategory,
                              boolean namedPublicly, String recordedBy) {
    }

    public record AllocationRow(Long id, Long projectId, String projectTitle, String categoryCode, long amountFen,
                                String source, LocalDate allocatedOn, String justification, String status,
                                String recordedBy, Long transactionId) {
    }

    public record ExpenditureRow(Long id, Long projectId, String projectTitle, String categoryCode, long amountFen,
                                 String payee, String purpose, LocalDate spentOn, Long receiptFileId,
                                 String justification, String status, String requestedBy, String decidedBy,
                                 String rejectReason, Long transactionId) {
    }

    public record EntryRow(String accountKey, String accountKind, String side, long amountFen) {
    }

    public record TransactionRow(Long id, String kind, Long sourceId, Long reversesId, LocalDate occurredOn,
                                 Instant recordedAt, String recordedBy, String memo, List<EntryRow> entries) {
    }

    public record AccountRow(String key, String kind, Long projectId, String categoryCode, long balanceFen) {
    }

    /**
     * The fund's balance from the ledger's entries (cash + restricted + project budgets) beside the
     * business totals; {@code holds} when balance = donations − refunds − expenditures.
     */
    public record Balance(String communityCode, long balanceFen, long cashFen, long restrictedFen, long budgetsFen,
                          long donationsFen, long refundsFen, long expendituresFen, long pendingFen, boolean holds,
                          List<AccountRow> accounts) {
    }

    /** One limit of a category and whether the year's allocations and expenditures break it. */
    public record LimitState(String bound, int shareBp, String strictness, boolean allocatedBroken,
                             boolean spentBroken) {
    }

    public record ShareRow(String categoryCode, String nameZh, String nameEn, String kind, long allocatedFen,
                           long allocatedBp, long spentFen, long spentBp, List<LimitState> limits) {
        public boolean allocatedBroken() {
            return limits.stream().anyMatch(LimitState::allocatedBroken);
        }

        public boolean spentBroken() {
            return limits.stream().anyMatch(LimitState::spentBroken);
        }
    }

    /** A community's (or, with a null code, the caller's whole scope's) category shares of a year. */
    public record Shares(String communityCode, int year, long allocatedFen, long spentFen, List<ShareRow> rows) {
    }

    /** Spending of one category in one month and the year so far, with the year's limits' state (for the assessment). */
    public record MonthlySpending(String categoryCode, String kind, long spentInMonthFen, long spentYearToDateFen,
                                  long yearToDateBp, List<LimitState> limits) {
    }

    public record CategoryRow(String code, String nameZh, String nameEn, String kind, int sortOrder, boolean active) {
    }

    public record LimitRow(Long id, int year, String categoryCode, String bound, int shareBp, String strictness) {
    }
}
