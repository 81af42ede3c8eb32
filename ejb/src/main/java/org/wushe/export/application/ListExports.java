package org.wushe.export.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.wushe.audit.application.AuditLog;
import org.wushe.audit.domain.AuditAction;
import org.wushe.export.domain.ExportList;
import org.wushe.security.application.CurrentCaller;
import org.wushe.security.domain.Caller;
import org.wushe.shared.Installation;
import org.wushe.shared.NotPermittedException;
import org.wushe.shared.ValidationException;

/**
 * The rules of an Excel export around the rows, which the web module reads through the list's own
 * scoped service: who may export a list, the upper bound of one export ({@value #MAX_ROWS}, default
 * {@value #DEFAULT_MAX_ROWS} rows) and the audit entry of each export ({@link AuditAction#EXPORT}:
 * the list, its filters and the row count), written in the export's own transaction before the
 * file is handed out, so an export that cannot be logged is not handed out either.
 */
@Stateless
public class ListExports {

    /** The setting of the upper bound of one export, in rows. */
    public static final String MAX_ROWS = "wushe.export.maxRows";
    static final String DEFAULT_MAX_ROWS = "50000";

    @Inject
    CurrentCaller currentCaller;

    @EJB
    AuditLog audit;

    /** Whether the signed-in caller may export the list (to show or hide its button). */
    public boolean mayExport(ExportList list) {
        Caller caller = currentCaller.get();
        return list.allows(caller::has);
    }

    /**
     * Checks, before a row is read, that the caller may export the list and that the list's
     * {@code rows} (counted by the list's service with the screen's filters) stay within the bound.
     * A refusal for the bound is audited and names the bound ({@code export.tooMany}).
     *
     * @return the bound, which the export also keeps while it reads
     * @throws NotPermittedException when no right of the list is held (audited by the refusal interceptor)
     * @throws ValidationException when the rows exceed the bound
     */
    public int permit(ExportList list, long rows) {
        Caller caller = require(list);
        int max = maxRows();
        if (rows > max) {
            audit.refused(caller, AuditAction.EXPORT, caller.communityId(), list.recordType(), null,
                    "list=" + list.name() + " rows=" + rows + " max=" + max);
            throw ValidationException.of(null, "export.tooMany", rows, max);
        }
        return max;
    }

    /** Records the export of {@code rows} rows of the list with the screen's filters, masked as shown. */
    public void exported(ExportList list, String filters, long rows) {
        Caller caller = require(list);
        audit.record(caller, AuditAction.EXPORT, caller.communityId(), list.recordType(), null, "xlsx,masked", null,
                "list=" + list.name() + " filter=" + (filters == null ? "" : filters.strip()) + " rows=" + rows);
    }

    private Caller require(ExportList list) {
        Caller caller = currentCaller.get();
        if (!list.allows(caller::has)) {
            throw new NotPermittedException("EXPORT_" + list.name());
        }
        return caller;
    }

    /** The upper bound of one export, {@value #MAX_ROWS} (default {@value #DEFAULT_MAX_ROWS}, at least 1). */
    public static int maxRows() {
        String v = Installation.setting(MAX_ROWS, DEFAULT_MAX_ROWS);
        try {
            int max = Integer.parseInt(v);
            if (max >= 1) {
                return max;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException(MAX_ROWS + " must be a whole number of rows, at least 1, not '" + v + "'");
    }
}
