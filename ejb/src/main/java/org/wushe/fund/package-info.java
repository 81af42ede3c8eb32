/**
 * Project incubation zone, first part: the community micro-fund (donations, allocations,
 * expenditures with four-eyes approval, refunds) on a double-entry ledger in fen, needs-based
 * projects with their lifecycle, progress and evaluation, and the bureau's spending categories with
 * yearly share limits. Depends on community, security, docking (needs) and shared; see docs/fund.md.
 */
package org.wushe.fund;
