/**
 * The reports' use cases: {@code MonthlyReports} runs the monthly report of a community and of the
 * city (orchestration only), {@code ReportSnapshots} reads what they show from the assessment
 * snapshots (JDBC), {@code ReportWriting} stores a file and its {@code report_file} row,
 * {@code ReportFiles} lists and hands out the files by scope. Depends on assessment, fund (shares,
 * money), security and audit; the layouts are in {@code org.wushe.reports.pdf}.
 */
package org.wushe.reports.application;
