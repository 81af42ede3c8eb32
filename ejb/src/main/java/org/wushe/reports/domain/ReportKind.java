package org.wushe.reports.domain;

/** What a report file holds; the scope of a file is a community's or the whole city's. */
public enum ReportKind {
    COMMUNITY_MONTHLY_PDF,
    COMMUNITY_MONTHLY_CSV,
    CITY_MONTHLY_PDF,
    CITY_MONTHLY_CSV,
    /** The micro-fund's report for a donor and period (written on demand). */
    DONOR_PDF;

    /** Whether a file of this kind covers the whole city (only CITY scope may read it). */
    public boolean cityWide() {
        return this == CITY_MONTHLY_PDF || this == CITY_MONTHLY_CSV;
    }

    public String contentType() {
        return name().endsWith("_CSV") ? "text/csv; charset=UTF-8" : "application/pdf";
    }
}
