/**
 * Project incubation zone, first part: the community micro-fund (donations, allocations,
 * expenditures with four-eyes approval, refunds) on a double-entry ledger in fen, needs-based
 * projects with their lifecycle, progress and evaluation, and the bureau's spending categories with
 * yearly share limits. Depends on community, security, docking (needs) and shared; see docs/fund.md.
 *
 * <p>{@code application} holds one service per use-case group ({@code DonationService},
 * {@code AllocationService}, {@code ExpenditureService}, {@code FundQueries}, {@code CategoryShares},
 * {@code FundSettings}, {@code ProjectService}, {@code ProjectQueries}) and the beans they share
 * ({@code Ledger}, {@code FundAccess}, {@code FundInputs}, {@code CategoryTotals},
 * {@code ProjectRecords}); {@code domain} the entities and the pure rules ({@code Money},
 * {@code ShareLimits}, {@code SpendingPolicy}).
 */
package org.wushe.fund;
