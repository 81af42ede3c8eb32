package org.wushe.reports.application;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.wushe.assessment.application.FundShares;
import org.wushe.assessment.domain.Figures;
import org.wushe.assessment.domain.Metric;
import org.wushe.reports.domain.Medians;
import org.wushe.reports.domain.Place;

/**
 * What the monthly reports read (docs/reports.md): the assessment snapshots and fund shares of a
 * month, the communities in id order, the fund categories' names; plain JDBC, at most one
 * community's figures held at a time. Internal to the job {@code reports-monthly}: no caller checks.
 */
@Stateless
public class ReportSnapshots {

    /** A community's month as its report needs it. */
    public record CommunityMonth(Place place, Figures figures, Map<YearMonth, Figures> trend, List<FundShares.Row> fund) {
    }

    /** Takes one community of the city's snapshot. */
    @FunctionalInterface
    public interface CommunityFigures {
        void accept(Place place, Figures figures) throws IOException;
    }

    @Resource(lookup = "jdbc/wushe")
    DataSource dataSource;

    /**
     * The next communities after {@code afterId} in id order, all of them or only those with the
     * given codes (a job parameter: codes separated by commas, semicolons or spaces).
     */
    public List<Long> communityPage(long afterId, int size, String codes) {
        return communityPage(afterId, size, codes, 1, 0);
    }

    /**
     * As {@link #communityPage(long, int, String)}, of one slice of the communities only: those with
     * {@code MOD(id, slices) = slice} (a partition of the job; one slice is all of them).
     */
    public List<Long> communityPage(long afterId, int size, String codes, int slices, int slice) {
        if (slices < 1 || slice < 0 || slice >= slices) {
            throw new IllegalArgumentException("slice " + slice + " of " + slices + " slices");
        }
        List<String> only = codes(codes);
        String sql = "SELECT id FROM community WHERE id > ?"
                + (slices > 1 ? " AND MOD(id, " + slices + ") = " + slice : "")
                + (only.isEmpty() ? "" : " AND code IN (" + only.stream().map(c -> "?").collect(Collectors.joining(",")) + ")")
                + " ORDER BY id FETCH FIRST " + Math.max(1, size) + " ROWS ONLY";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, afterId);
            for (int i = 0; i < only.size(); i++) {
                ps.setString(i + 2, only.get(i));
            }
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the communities", e);
        }
    }

    /** The codes of the job parameter {@code communities}, each once, in their order. */
    static List<String> codes(String codes) {
        if (codes == null || codes.isBlank()) {
            return List.of();
        }
        return Arrays.stream(codes.split("[,;\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /**
     * The city median of each figure over the communities with a snapshot for the month
     * ({@link Medians#ofCity}). Read one figure at a time, so it holds at most one value per community.
     */
    public Map<Metric, BigDecimal> cityMedians(YearMonth month) {
        Map<Metric, BigDecimal> medians = new EnumMap<>(Metric.class);
        try (Connection c = dataSource.getConnection()) {
            long communities;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(DISTINCT community_id) FROM assessment_snapshot"
                    + " WHERE period_month = ?")) {
                ps.setDate(1, Date.valueOf(month.atDay(1)));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    communities = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT metric, metric_value FROM assessment_snapshot"
                    + " WHERE period_month = ? ORDER BY metric, metric_value")) {
                ps.setDate(1, Date.valueOf(month.atDay(1)));
                try (ResultSet rs = ps.executeQuery()) {
                    String current = null;
                    List<BigDecimal> values = new ArrayList<>();
                    while (rs.next()) {
                        String m = rs.getString(1);
                        if (current != null && !current.equals(m)) {
                            putMedian(medians, current, values, communities);
                        }
                        current = m;
                        values.add(rs.getBigDecimal(2));
                    }
                    if (current != null) {
                        putMedian(medians, current, values, communities);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the assessment snapshots of " + month, e);
        }
        return medians;
    }

    private static void putMedian(Map<Metric, BigDecimal> medians, String metric, List<BigDecimal> sorted, long communities) {
        Metric m = Metric.valueOf(metric);
        Medians.ofCity(m, sorted, communities).ifPresent(v -> medians.put(m, v));
        sorted.clear();
    }

    /** The community's month: place, figures, twelve-month trend and fund shares; empty when it has neither figures nor fund shares. */
    public Optional<CommunityMonth> community(long communityId, YearMonth month) {
        try (Connection c = dataSource.getConnection()) {
            Place place = place(c, communityId);
            Figures figures = figures(c, communityId, month);
            List<FundShares.Table> tables = FundShares.read(c, month, " AND c.id = ?", List.of(communityId));
            List<FundShares.Row> fund = tables.isEmpty() ? List.of() : tables.get(0).rows();
            if (figures.asMap().isEmpty() && fund.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new CommunityMonth(place, figures, trend(c, communityId, month), fund));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the assessment snapshot of community " + communityId, e);
        }
    }

    /** Hands every community with a snapshot for the month to {@code each}, by sub-district code then community code. */
    public void eachCommunity(YearMonth month, CommunityFigures each) throws IOException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT c.id, c.code, c.name, sd.code, sd.name, s.metric, s.metric_value"
                     + " FROM assessment_snapshot s JOIN community c ON c.id = s.community_id"
                     + " JOIN sub_district sd ON sd.id = c.sub_district_id WHERE s.period_month = ?"
                     + " ORDER BY sd.code, c.code")) {
            ps.setDate(1, Date.valueOf(month.atDay(1)));
            try (ResultSet rs = ps.executeQuery()) {
                Place current = null;
                Map<Metric, BigDecimal> values = new EnumMap<>(Metric.class);
                while (rs.next()) {
                    if (current != null && !current.code().equals(rs.getString(2))) {
                        each.accept(current, new Figures(values));
                        values = new EnumMap<>(Metric.class);
                    }
                    current = new Place(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
                    values.put(Metric.valueOf(rs.getString(6)), rs.getBigDecimal(7));
                }
                if (current != null) {
                    each.accept(current, new Figures(values));
                }
            }
        } catch (SQLException e) {
            throw new IOException("cannot read the assessment snapshots of " + month, e);
        }
    }

    /** How many communities have no snapshot for the month. */
    public int withoutSnapshot(YearMonth month) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM community c WHERE NOT EXISTS"
                     + " (SELECT 1 FROM assessment_snapshot s WHERE s.period_month = ? AND s.community_id = c.id)")) {
            ps.setDate(1, Date.valueOf(month.atDay(1)));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the communities without a snapshot", e);
        }
    }

    /** Per community code, its fund shares of the month (communities without any are left out). */
    public Map<String, List<FundShares.Row>> cityFund(YearMonth month) {
        Map<String, List<FundShares.Row>> byCode = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (FundShares.Table t : FundShares.read(c, month, "", List.of())) {
                byCode.put(t.communityCode(), t.rows());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the fund shares of " + month, e);
        }
        return byCode;
    }

    /** The fund categories' Chinese names by code. */
    public Map<String, String> categoryNames() {
        Map<String, String> names = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT code, name_zh FROM fund_category");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                names.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the fund categories", e);
        }
        return names;
    }

    private static Place place(Connection c, long communityId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT c.code, c.name, sd.code, sd.name FROM community c"
                + " JOIN sub_district sd ON sd.id = c.sub_district_id WHERE c.id = ?")) {
            ps.setLong(1, communityId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no community " + communityId);
                }
                return new Place(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
            }
        }
    }

    private static Figures figures(Connection c, long communityId, YearMonth month) throws SQLException {
        Map<Metric, BigDecimal> v = new EnumMap<>(Metric.class);
        try (PreparedStatement ps = c.prepareStatement("SELECT metric, metric_value FROM assessment_snapshot"
                + " WHERE period_month = ? AND community_id = ?")) {
            ps.setDate(1, Date.valueOf(month.atDay(1)));
            ps.setLong(2, communityId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    v.put(Metric.valueOf(rs.getString(1)), rs.getBigDecimal(2));
                }
            }
        }
        return new Figures(v);
    }

    /** The community's twelve months up to {@code month}, ratios from their parts (a month without a snapshot is empty). */
    private static Map<YearMonth, Figures> trend(Connection c, long communityId, YearMonth month) throws SQLException {
        YearMonth from = month.minusMonths(11);
        Map<YearMonth, Map<Metric, BigDecimal>> parts = new TreeMap<>();
        for (YearMonth m = from; !m.isAfter(month); m = m.plusMonths(1)) {
            parts.put(m, new EnumMap<>(Metric.class));
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT period_month, metric, metric_value FROM assessment_snapshot"
                + " WHERE community_id = ? AND period_month >= ? AND period_month <= ?")) {
            ps.setLong(1, communityId);
            ps.setDate(2, Date.valueOf(from.atDay(1)));
            ps.setDate(3, Date.valueOf(month.atDay(1)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Metric m = Metric.valueOf(rs.getString(2));
                    if (m.additive()) {
                        parts.get(YearMonth.from(rs.getDate(1).toLocalDate())).put(m, rs.getBigDecimal(3));
                    }
                }
            }
        }
        Map<YearMonth, Figures> trend = new LinkedHashMap<>();
        parts.forEach((m, v) -> trend.put(m, new Figures(v).withRatios()));
        return Collections.unmodifiableMap(trend);
    }
}
