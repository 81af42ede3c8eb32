package org.wushe.reports.application;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.wushe.audit.application.AuditLog;
import org.wushe.audit.domain.AuditAction;
import org.wushe.reports.domain.ReportKind;
import org.wushe.security.application.CurrentCaller;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.security.domain.ScopeKind;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.NotInScopeException;
import org.wushe.shared.ValidationException;

/**
 * The report files for reading: the IT operator ({@link Right#OPERATE_JOBS}) sees and downloads
 * every file; the bureau, the sub-district officers and a community's Party secretary
 * ({@link Right#VIEW_ASSESSMENT}) the files of the communities in their scope, and the city-wide
 * files only with the whole city as scope. Every download is recorded in the audit log as an
 * export.
 */
@Stateless
public class ReportFiles {

    /** The most files one list shows (a month of the whole city has two per community). */
    public static final int MAX = 500;

    static final String RECORD_TYPE = "report_file";

    /** A file the caller may read, where it lies. */
    public record Download(ReportFileView file, Path path) {
    }

    @Resource(lookup = "jdbc/wushe")
    DataSource dataSource;

    @Inject
    CurrentCaller currentCaller;

    @EJB
    AuditLog audit;

    private static final String SELECT = "SELECT f.id, f.job_execution_id, f.job_name, f.report_kind, c.code, c.name,"
            + " f.report_period, f.file_name, f.size_bytes, f.sha256, f.created_at, f.file_path, f.community_id, c.sub_district_id"
            + " FROM report_file f LEFT JOIN community c ON c.id = f.community_id WHERE 1 = 1";

    /**
     * The files of a period ({@code yyyy-MM}, or all when blank) and a community (by code, or all
     * when blank) within the caller's scope, newest period first, at most {@link #MAX}.
     */
    public List<ReportFileView> list(String period, String communityCode) {
        return list(period, communityCode, null);
    }

    /** As {@link #list(String, String)}, only the communities of a sub-district (by code) when one is given. */
    public List<ReportFileView> list(String period, String communityCode, String subDistrictCode) {
        Caller caller = currentCaller.get();
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        scope(caller, where, params);
        if (period != null && !period.isBlank()) {
            params.add(period(period));
            where.append(" AND f.report_period = ?");
        }
        if (communityCode != null && !communityCode.isBlank()) {
            where.append(" AND c.code = ?");
            params.add(communityCode.trim());
        }
        if (subDistrictCode != null && !subDistrictCode.isBlank()) {
            where.append(" AND c.sub_district_id = (SELECT sd.id FROM sub_district sd WHERE sd.code = ?)");
            params.add(subDistrictCode.trim());
        }
        return query(where + " ORDER BY f.report_period DESC, f.report_kind, f.file_name", params, MAX).stream()
                .map(Row::view).toList();
    }

    /**
     * How many files of a period lie in the caller's scope (communities' and, for the whole city,
     * the city's): one count.
     */
    public long count(String period) {
        Caller caller = currentCaller.get();
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        scope(caller, where, params);
        params.add(period(period));
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM report_file f "
                     + "LEFT JOIN community c ON c.id = f.community_id WHERE 1 = 1" + where + " AND f.report_period = ?")) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the report files", e);
        }
    }

    /** The city-wide files of a period, for the whole city's scope (anyone else: none). */
    public List<ReportFileView> cityFiles(String period) {
        Caller caller = currentCaller.get();
        if (!caller.has(Right.OPERATE_JOBS)) {
            caller.require(Right.VIEW_ASSESSMENT);
            if (caller.scopeKind() != ScopeKind.CITY) {
                return List.of();
            }
        }
        return query(" AND f.community_id IS NULL AND f.report_period = ? ORDER BY f.report_kind, f.file_name",
                List.of(period(period)), MAX).stream().map(Row::view).toList();
    }

    private static String period(String period) {
        try {
            return YearMonth.parse(period == null ? "" : period.trim()).toString();
        } catch (DateTimeParseException e) {
            throw ValidationException.of("period", "reports.period", period == null ? "" : period);
        }
    }

    /** The files the given job executions wrote (the operator console), by file name. */
    public List<ReportFileView> ofExecutions(Collection<Long> executionIds) {
        currentCaller.get().require(Right.OPERATE_JOBS);
        if (executionIds.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(executionIds);
        return query(" AND f.job_execution_id IN (" + executionIds.stream().map(x -> "?").collect(Collectors.joining(","))
                + ") ORDER BY f.job_execution_id DESC, f.report_kind, f.file_name", params, MAX * 4).stream().map(Row::view).toList();
    }

    /**
     * A file for download, when the caller may read it; records the export in the audit log.
     *
     * @throws NotFoundException when there is no such file (or it is gone from the disk)
     * @throws NotInScopeException when the file is of a community (or the city) outside the scope
     */
    public Download open(long id) {
        Caller caller = currentCaller.get();
        List<Row> rows = query(" AND f.id = ?", List.of(id), 1);
        if (rows.isEmpty()) {
            throw new NotFoundException("reportFile", id);
        }
        Row r = rows.get(0);
        if (!caller.has(Right.OPERATE_JOBS)) {
            caller.require(Right.VIEW_ASSESSMENT);
            boolean covered = switch (caller.scopeKind()) {
                case CITY -> true;
                case SUB_DISTRICTS -> r.communityId() != null && caller.subDistrictIds().contains(r.subDistrictId());
                case COMMUNITY, GRID_CELLS -> r.communityId() != null && r.communityId().equals(caller.communityId());
                case SELF -> false;
            };
            if (!covered) {
                throw new NotInScopeException(r.view().communityCode() == null ? "city" : r.view().communityCode());
            }
        }
        Path path = Path.of(r.path());
        if (!Files.isRegularFile(path)) {
            throw new NotFoundException("reportFile", id);
        }
        audit.record(caller, AuditAction.EXPORT, r.communityId(), RECORD_TYPE, id, null, null,
                r.view().kind() + " " + r.view().fileName());
        return new Download(r.view(), path);
    }

    private static void scope(Caller caller, StringBuilder where, List<Object> params) {
        if (caller.has(Right.OPERATE_JOBS)) {
            return;
        }
        caller.require(Right.VIEW_ASSESSMENT);
        if (caller.scopeKind() == ScopeKind.CITY) {
            return;
        }
        if (caller.scopeKind() == ScopeKind.SUB_DISTRICTS) {
            if (caller.subDistrictIds().isEmpty()) {
                where.append(" AND 1 = 0");
                return;
            }
            where.append(" AND c.sub_district_id IN (")
                    .append(caller.subDistrictIds().stream().map(x -> "?").collect(Collectors.joining(","))).append(')');
            params.addAll(caller.subDistrictIds());
            return;
        }
        if (caller.communityId() == null) {
            where.append(" AND 1 = 0");
            return;
        }
        where.append(" AND f.community_id = ?");
        params.add(caller.communityId());
    }

    private record Row(ReportFileView view, String path, Long communityId, Long subDistrictId) {
    }

    private List<Row> query(String where, List<Object> params, int max) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(SELECT + where + " FETCH FIRST " + max + " ROWS ONLY")) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long exec = rs.getLong(2);
                    Long execution = rs.wasNull() ? null : exec;
                    long cid = rs.getLong(13);
                    Long communityId = rs.wasNull() ? null : cid;
                    long sd = rs.getLong(14);
                    Long subDistrictId = rs.wasNull() ? null : sd;
                    rows.add(new Row(new ReportFileView(rs.getLong(1), execution, rs.getString(3),
                            ReportKind.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getString(8), rs.getLong(9), rs.getString(10), rs.getTimestamp(11).toInstant()),
                            rs.getString(12), communityId, subDistrictId));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the report files", e);
        }
    }
}
