/**
 * Assessment: the nightly snapshot of each community's figures for a month (needs closure and its
 * median time, residents' satisfaction, satisfaction-weighted services, rotation of participants,
 * inspection burden), and the dashboards of sub-districts and the bureau, which read snapshots only.
 * The figures and their formulas are in {@code docs/assessment.md}.
 */
package org.wushe.assessment;
