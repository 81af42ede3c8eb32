/**
 * The docking use cases, one service per use-case group: the needs loop ({@code NeedWorkflow}),
 * matching to the five-sphere ledger ({@code Matching}), reading the board ({@code NeedBoard}), the
 * bureau's need categories ({@code NeedCategories}), the ledger ({@code ResourceService}), the
 * opportunity list ({@code OpportunityService}, {@code OpportunityApplications},
 * {@code ActivityService}), the concentric circle, the service list and inspections. Each asks
 * {@code DockingAccess} who calls and whether the community is in reach
 * ({@code Caller.coversAsResident}), lets the aggregate move itself and stores what it returns.
 */
package org.wushe.docking.application;
