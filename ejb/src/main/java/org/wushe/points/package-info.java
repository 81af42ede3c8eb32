/**
 * The points ledger: accounts per volunteer, per Party member (kept apart) and per community
 * reward pool; balanced, immutable transactions each with one unique source; the bureau's point
 * rules; the rewards catalogue and redemptions. Depends on {@code shared}, {@code security},
 * {@code community}; the volunteering, training, deliberation and batch features post into it.
 */
package org.wushe.points;
