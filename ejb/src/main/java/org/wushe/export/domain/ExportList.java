package org.wushe.export.domain;

import static org.wushe.security.domain.Right.*;

import java.util.EnumSet;
import java.util.Set;
import org.wushe.security.domain.Right;

/**
 * The lists that may be exported to Excel, each with the rights any of which allows it (the rights
 * that show the list's page) and the record type its audit entry names. An export never widens what
 * a list shows: its rows come from the same scoped, masked service call as the table's.
 */
public enum ExportList {
    RESIDENTS("RESIDENT", VIEW_RESIDENTS),
    NEEDS("NEED", VIEW_DOCKING),
    DOCKING_ACTIONS("DOCKING_ACTION", VIEW_DOCKING),
    RESOURCES("RESOURCE", VIEW_DOCKING),
    REFERRALS("REFERRAL", VIEW_GRID_WORK),
    SERVICE_HOURS("SERVICE_HOURS", VERIFY_HOURS),
    DONATIONS("DONATION", VIEW_FUND),
    FUND_LEDGER("FUND_TRANSACTION", VIEW_FUND),
    PROJECTS("PROJECT", VIEW_FUND),
    ORGANISATIONS("ORGANISATION", VIEW_ORGANISATIONS),
    DECISIONS("ISSUE", VIEW_DELIBERATION),
    /** The audit log: the audit administrator only (三权分立). */
    AUDIT_LOG("AUDIT_ENTRY", VIEW_AUDIT_LOG);

    private final String recordType;
    private final Set<Right> rights;

    ExportList(String recordType, Right first, Right... more) {
        this.recordType = recordType;
        this.rights = EnumSet.of(first, more);
    }

    public String recordType() {
        return recordType;
    }

    /** The rights any of which allows the export. */
    public Set<Right> rights() {
        return rights;
    }

    /** Whether a role holding these rights may export the list. */
    public boolean allows(java.util.function.Predicate<Right> has) {
        return rights.stream().anyMatch(has);
    }

    /** The file name's stem, e.g. {@code residents} for {@code residents-2026-12-07.xlsx}. */
    public String fileStem() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
