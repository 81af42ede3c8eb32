/**
 * Screens of the micro-fund and its projects: the fund overview with the invariant line, donations,
 * the ledger, projects and one project's page, category shares against limits, and the bureau's
 * configuration; plus the servlet that serves receipts and progress photos after a scope check.
 */
package org.wushe.web.fund;
