package org.wushe.assessment.application;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.wushe.assessment.domain.Figures;
import org.wushe.assessment.domain.Metric;
import org.wushe.security.application.CurrentCaller;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.NotInScopeException;

/**
 * The dashboards of the bureau, the sub-districts and a community's Party secretary: a month's
 * figures row by row (sub-districts for the whole city, communities for a sub-district) with the
 * total, and the last twelve months of the same scope. They read the snapshots only, never the
 * source tables, so they open as fast for 3,000 communities as for one.
 */
@Stateless
public class AssessmentService {

    /** One row of a dashboard: a community or a sub-district, by code and name. */
    public record Row(String code, String name, Figures figures) {
    }

    /** A month of the scope as one. */
    public record TrendPoint(YearMonth month, Figures figures) {
    }

    /** What a dashboard shows; {@code subDistrict} is null when the rows are the city's sub-districts. */
    public record Dashboard(YearMonth month, String subDistrict, List<Row> rows, Figures total, List<TrendPoint> trend,
                            List<String> subDistricts, List<FundShares.Table> fundShares) {
    }

    @Resource(lookup = "jdbc/wushe")
    DataSource dataSource;

    @Inject
    CurrentCaller currentCaller;

    /**
     * @param subDistrictCode the sub-district to show community by community; null for the
     *                        caller's whole scope
     */
    public Dashboard dashboard(String subDistrictCode, YearMonth month) {
        Caller caller = currentCaller.get();
        caller.require(Right.VIEW_ASSESSMENT);
        String code = subDistrictCode == null || subDistrictCode.isBlank() ? null : subDistrictCode.trim();
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        switch (caller.scopeKind()) {
            case CITY -> {
            }
            case SUB_DISTRICTS -> {
                if (caller.subDistrictIds().isEmpty()) {
                    throw new NotInScopeException(code == null ? "" : code);
                }
                where.append(" AND c.sub_district_id IN (")
                        .append(caller.subDistrictIds().stream().map(id -> "?").collect(Collectors.joining(","))).append(')');
                params.addAll(caller.subDistrictIds());
            }
            default -> {
                where.append(" AND c.id = ?");
                params.add(caller.communityId());
            }
        }
        try (Connection c = dataSource.getConnection()) {
            List<String> subDistricts = subDistricts(c, where.toString(), params);
            if (code != null && !subDistricts.contains(code)) {
                throw new NotInScopeException(code);
            }
            boolean byCommunity = code != null || subDistricts.size() <= 1 || caller.scopeKind() == org.wushe.security.domain.ScopeKind.COMMUNITY;
            String shown = code != null ? code : subDistricts.size() == 1 ? subDistricts.get(0) : null;
            if (shown != null) {
                where.append(" AND sd.code = ?");
                params.add(shown);
            }
            List<Row> rows = rows(c, where.toString(), params, month, byCommunity);
            Figures total = Figures.together(rows.stream().map(Row::figures).toList());
            if (rows.size() == 1 && byCommunity) {
                total = rows.get(0).figures();
            }
            // the fund's shares per community, when the rows are communities (not the city's sub-districts)
            List<FundShares.Table> fund = byCommunity ? FundShares.read(c, month, where.toString(), params) : List.of();
            return new Dashboard(month, byCommunity ? shown : null, rows, total, trend(c, where.toString(), params, month),
                    subDistricts, fund);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the assessment snapshots", e);
        }
    }

    private static final String FROM = " FROM assessment_snapshot s JOIN community c ON c.id = s.community_id"
            + " JOIN sub_district sd ON sd.id = c.sub_district_id WHERE 1 = 1";

    private static List<String> subDistricts(Connection c, String where, List<Object> params) throws SQLException {
        List<String> codes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT sd.code FROM community c"
                + " JOIN sub_district sd ON sd.id = c.sub_district_id WHERE 1 = 1" + where + " ORDER BY sd.code")) {
            bind(ps, params, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    codes.add(rs.getString(1));
                }
            }
        }
        return codes;
    }

    private static List<Row> rows(Connection c, String where, List<Object> params, YearMonth month, boolean byCommunity)
            throws SQLException {
        Map<String, String> names = new TreeMap<>();
        Map<String, Map<String, Map<Metric, BigDecimal>>> parts = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT c.code, c.name, sd.code, sd.name, s.metric, s.metric_value"
                + FROM + " AND s.period_month = ?" + where)) {
            ps.setDate(1, Date.valueOf(month.atDay(1)));
            bind(ps, params, 2);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = byCommunity ? rs.getString(1) : rs.getString(3);
                    names.put(key, byCommunity ? rs.getString(2) : rs.getString(4));
                    parts.computeIfAbsent(key, k -> new TreeMap<>())
                            .computeIfAbsent(rs.getString(1), k -> new EnumMap<>(Metric.class))
                            .put(Metric.valueOf(rs.getString(5)), rs.getBigDecimal(6));
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, String> n : names.entrySet()) {
            List<Figures> communities = parts.get(n.getKey()).values().stream().map(Figures::new).toList();
            rows.add(new Row(n.getKey(), n.getValue(), byCommunity ? communities.get(0) : Figures.together(communities)));
        }
        return rows;
    }

    private static List<TrendPoint> trend(Connection c, String where, List<Object> params, YearMonth month) throws SQLException {
        YearMonth from = month.minusMonths(11);
        Map<YearMonth, Map<Metric, BigDecimal>> sums = new TreeMap<>();
        for (YearMonth m = from; !m.isAfter(month); m = m.plusMonths(1)) {
            sums.put(m, new EnumMap<>(Metric.class));
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT s.period_month, s.metric, SUM(s.metric_value)" + FROM
                + " AND s.period_month >= ? AND s.period_month <= ?" + where + " GROUP BY s.period_month, s.metric")) {
            ps.setDate(1, Date.valueOf(from.atDay(1)));
            ps.setDate(2, Date.valueOf(month.atDay(1)));
            bind(ps, params, 3);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Metric m = Metric.valueOf(rs.getString(2));
                    if (m.additive()) {
                        sums.get(YearMonth.from(rs.getDate(1).toLocalDate())).put(m, rs.getBigDecimal(3));
                    }
                }
            }
        }
        List<TrendPoint> trend = new ArrayList<>();
        sums.forEach((m, v) -> trend.add(new TrendPoint(m, new Figures(v).withRatios())));
        return Collections.unmodifiableList(trend);
    }

    private static void bind(PreparedStatement ps, List<Object> params, int first) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(first + i, params.get(i));
        }
    }
}
