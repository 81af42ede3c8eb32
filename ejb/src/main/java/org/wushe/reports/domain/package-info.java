/**
 * Pure pieces of the reports: the texts (their own bundle {@code org/wushe/reports/report.properties},
 * read by {@code ReportTexts}), how figures show ({@code FigureText}), the CSV rows ({@code CsvRows}),
 * the city medians and the city tally kept while the snapshot streams by, line breaking, the
 * {@code report_file} entity. No database access, no clock.
 */
package org.wushe.reports.domain;
