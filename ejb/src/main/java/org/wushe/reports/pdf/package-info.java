/**
 * PDF documents over PDFBox in the report font: the writer ({@code PdfReport}, with its table
 * geometry {@code TableGrid}), charts as images ({@code Charts}), the font ({@code ReportFont}) and the
 * layouts of the monthly community and city reports ({@code CommunityReportLayout},
 * {@code CityReportLayout}), which take figures already read and write a document; no database.
 */
package org.wushe.reports.pdf;
